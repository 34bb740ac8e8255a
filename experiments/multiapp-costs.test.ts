import { describe, expect, it } from 'vitest';
import { multiappFlash } from './multiapp-flash.ts';
import { multiappHeap } from './multiapp-heap.ts';
import { multiappLaunch } from './multiapp-launch.ts';

describe('multiapp-launch', () => {
  it('grows by 8 cycles per .data word and 11 per GOT entry on the M4 (the loops priced in multiapp/launch/launch.test.ts)', () => {
    const base = multiappLaunch.runUnit({ target: 'm4', dataKb: 1, gotEntries: 0 });
    // 1 KB more .data is 256 more words.
    expect(multiappLaunch.runUnit({ target: 'm4', dataKb: 2, gotEntries: 0 }).launchCycles - base.launchCycles).toBe(256 * 8);
    const got = (gotEntries: number): number => multiappLaunch.runUnit({ target: 'm4', dataKb: 1, gotEntries }).launchCycles;
    expect(got(250) - got(120)).toBe(130 * 11);
  });
});

describe('multiapp-flash', () => {
  it('packs small APPs into one 128 KB sector, where 4 KB blocks waste less than one block per APP', () => {
    const sector = multiappFlash.runUnit({ geometry: 'm4', apps: 2 });
    expect(sector.xipfsUsedBytes).toBe(128 * 1024);
    const page = multiappFlash.runUnit({ geometry: 'page-4k', apps: 2 });
    expect(page.xipfsWastedBytes).toBeLessThan(2 * 4096);
    expect(page.updateMs).toBeNull();
    expect(sector.updateMs).not.toBeNull();
  });

  it('runs out of zones for updates of seven APPs on the 896 KB sector region, but not with 4 KB blocks', () => {
    expect(multiappFlash.runUnit({ geometry: 'm4', apps: 7 }).updatesFitting).toBeLessThan(14);
    expect(multiappFlash.runUnit({ geometry: 'page-4k', apps: 7 }).updatesFitting).toBe(14);
  });
});

describe('multiapp-heap', () => {
  it('never exceeds the constant worst-case malloc and free', () => {
    for (const unit of multiappHeap.units('full').slice(0, 6)) {
      const row = multiappHeap.runUnit(unit);
      expect(row.maxMallocCycles).toBeLessThanOrEqual(row.worstMallocCycles);
      expect(row.maxFreeCycles).toBeLessThanOrEqual(row.worstFreeCycles);
    }
  });
});
