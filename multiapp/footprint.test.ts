import { describe, expect, it } from 'vitest';
import { price, sequenceListing } from '../hardware/block.ts';
import { m4 } from '../hardware/targets/index.ts';
import { footprint } from '../kernels/registry.ts';
import { meterWithApps, STUDY_APP_HEADER } from './fixtures.ts';
import { appFootprint, heapControlBytes } from './footprint.ts';
import { mpuOf } from './mpu.ts';
import { TLSF_BLOCKS } from './tlsf/blocks.ts';

/*
 * tlsf_t for the studies' 8 KB heap by hand (tlsf.c 2.4, MAX_LOG2_SLI 5, FLI_OFFSET 6): first-level
 * rows = fls(8192) - 6 + 1 = 13 - 6 + 1 = 8; words = 1 (fl_bitmap) + 8 (sl_bitmap) + 8 x 32 (matrix)
 * = 265, of 4 bytes on the M4: 1060 bytes.
 */
const CONTROL_8K_BYTES = 1060;
/** An APP's zone by hand: .data 2 KB + .bss 4 KB + stacks 4 KB + heap 8 KB. */
const ZONE_BYTES = (2 + 4 + 4 + 8) * 1024;

describe('APP footprint', () => {
  it('takes the TLSF control block out of each APP heap', () => {
    expect(heapControlBytes(STUDY_APP_HEADER.heapBytes, m4)).toBe(CONTROL_8K_BYTES);
    const entries = appFootprint(meterWithApps(4), m4);
    expect(entries['ram:app-heap-control']).toBe(4 * CONTROL_8K_BYTES);
    expect(entries['ram:app-zones']).toBe(4 * (ZONE_BYTES - CONTROL_8K_BYTES));
  });

  it('adds the gate, MPU, handler, guardian, loader and TLSF code and the APP zones to a kernel\'s footprint, and nothing without APPs', () => {
    const single = footprint('ucos2', m4, meterWithApps(0));
    const isolated = footprint('ucos2', m4, meterWithApps(4));
    expect(Object.keys(single.breakdown).filter((k) => k.includes('app') || k.includes('tlsf') || k.includes('svc'))).toEqual([]);
    const added = appFootprint(meterWithApps(4), m4);
    const sum = (prefix: string): number => Object.entries(added).filter(([k]) => k.startsWith(prefix)).reduce((s, [, v]) => s + v, 0);
    expect(isolated.codeBytes - single.codeBytes).toBe(sum('code:'));
    // The eight tasks' stacks move from the kernel's stacks into their APPs' zones.
    expect(single.breakdown['ram:stacks']! - isolated.breakdown['ram:stacks']!).toBeGreaterThan(0);
    expect(isolated.ramBytes - single.ramBytes).toBe(sum('ram:') - (single.breakdown['ram:stacks']! - isolated.breakdown['ram:stacks']!));
    expect(added['code:tlsf']).toBe(TLSF_BLOCKS.reduce((s, b) => s + price(b, m4).bytes, 0));
    expect(added['code:mem-manage']).toBe(sequenceListing('mem-manage', mpuOf(m4).faultHandler, m4).bytes);
  });
});
