import { describe, expect, it } from 'vitest';
import { fig3 } from './fig3.ts';
import { fig4 } from './fig4.ts';
import { IO_COLUMNS, reduceIo, type IoUnit } from './io-figure.ts';
import { FRAMINGS } from './paper-rows.ts';

describe('fig3 and fig4', () => {
  it('have at least 100 task sets per payload point in full mode, for both targets', () => {
    for (const e of [fig3, fig4]) {
      const units = e.units('full');
      const perPoint = units.filter((u) => u.target === 'avr' && u.payload === 0.5 && u.profile === units[0]?.profile && u.framing === units[0]?.framing);
      expect(perPoint.length).toBeGreaterThanOrEqual(100);
      expect(new Set(units.map((u) => u.target))).toEqual(new Set(['avr', 'm4']));
    }
  });

  it('run iDCX and Webit fixed priority (fig3); WORIX, uKernel, uC/OS-II dynamic and uC/OS-II fixed (fig4)', () => {
    const series = (e: typeof fig3) => [...new Set(e.units('quick').map((u) => `${u.profile}/${u.framing}`))];
    expect(series(fig3)).toEqual(['idcx/fixed-priority', 'webit/fixed-priority']);
    expect(series(fig4)).toEqual(['worix/dynamic-priority', 'ukernel/dynamic-priority', 'ucos2/dynamic-priority', 'ucos2/fixed-priority']);
    expect(fig4.description).toContain('EDF');
  });

  it('reduce to IoRow keys in column order, averaging over the sets', () => {
    const units: IoUnit[] = Array.from({ length: 6 }, (_, i) => ({ target: 'avr', profile: 'webit', framing: FRAMINGS[0], payload: 0.1, seed: i + 1 }));
    // Means 1..6 (average 3.5), maxima 10..60 (average 35), jitters all 2.
    const results = units.map((_, i) => ({ meanUs: i + 1, maxUs: 10 * (i + 1), jitterUs: 2 }));
    const [row] = reduceIo(results, units);
    expect(Object.keys(row ?? {})).toEqual([...IO_COLUMNS]);
    expect(row).toMatchObject({ ioDelayMeanUs: 3.5, ioDelayMaxUs: 35, ioJitterUs: 2 });
    expect(row?.ci95).toBeGreaterThan(0);
  });

  it('a quick fig3 unit on the AVR gives a mean delay below the max and a positive jitter', () => {
    const r = fig3.runUnit({ target: 'avr', profile: 'idcx', framing: 'fixed-priority', payload: 0.6, seed: 1 });
    expect(r.meanUs).toBeLessThan(r.maxUs);
    expect(r.jitterUs).toBeGreaterThan(0);
  });
});
