import { describe, expect, it } from 'vitest';
import { fig3 } from './fig3.ts';
import { fig4 } from './fig4.ts';
import { IO_COLUMNS, reduceIo, summariseIoRows, type IoUnit } from './io-figure.ts';
import type { SetInputIo } from './io-input.ts';

describe('fig3 and fig4', () => {
  it('have at least 100 task sets per payload point in full mode, for both targets', () => {
    for (const e of [fig3, fig4]) {
      const units = e.units('full');
      const perPoint = units.filter((u) => u.target === 'avr' && u.payload === 0.5 && u.profile === units[0]?.profile && u.framing === units[0]?.framing && u.variant === units[0]?.variant);
      expect(perPoint.length).toBeGreaterThanOrEqual(100);
      expect(new Set(units.map((u) => u.target))).toEqual(new Set(['avr', 'm4']));
    }
  });

  it("run iDCX and Webit fixed priority, Webit also with the paper's thresholds (fig3); WORIX (also with thresholds), uKernel, uC/OS-II dynamic and uC/OS-II fixed (fig4)", () => {
    const series = (e: typeof fig3) => [...new Set(e.units('quick').map((u) => `${u.profile}/${u.framing}/${u.variant}`))];
    expect(series(fig3)).toEqual(['idcx/fixed-priority/plain', 'webit/fixed-priority/plain', 'webit/fixed-priority/thresholds']);
    expect(series(fig4)).toEqual(['worix/dynamic-priority/plain', 'worix/dynamic-priority/thresholds', 'ukernel/dynamic-priority/plain', 'ucos2/dynamic-priority/plain', 'ucos2/fixed-priority/plain']);
    for (const e of [fig3, fig4]) expect(e.description).toContain('smallest TH_i');
  });

  it('keep one row per set in column order, and summarise the sets of a point with the mean and its 95% interval', () => {
    const units: IoUnit[] = Array.from({ length: 6 }, (_, i) => ({ target: 'avr', profile: 'webit', framing: 'fixed-priority', variant: 'plain', payload: 0.1, seed: i + 1 }));
    // Input means 1..6 (average 3.5), maxima 10..60 (average 35), jitters all 2; results ten times that.
    const set = (k: number): SetInputIo['input'] => ({ meanUs: k, maxUs: 10 * k, jitterUs: 2 });
    const results: SetInputIo[] = units.map((_, i) => ({ input: set(i + 1), result: set(10 * (i + 1)), silentTasks: 0, thresholdsAssigned: false }));
    const rows = reduceIo(results, units);
    expect(rows).toHaveLength(6);
    expect(Object.keys(rows[0] ?? {})).toEqual([...IO_COLUMNS]);
    const [point] = summariseIoRows(rows);
    expect(point).toMatchObject({ sets: 6, inputDelayMeanUs: 3.5, inputDelayMaxUs: 35, inputJitterUs: 2, resultDelayMeanUs: 35 });
    // Sample sd of 1..6 = sqrt(3.5) = 1.8708; t(0.975, 5) = 2.5706 (table); 2.5706 * 1.8708 / sqrt(6) = 1.9633.
    expect(point?.inputCi95).toBeCloseTo(1.963, 2);
  });

  it("a quick fig3 unit on the AVR: the input reaches the output before the job's result, and the threshold variant assigns thresholds", () => {
    const plain = fig3.runUnit({ target: 'avr', profile: 'webit', framing: 'fixed-priority', variant: 'plain', payload: 0.6, seed: 1 });
    expect(plain.input.meanUs).toBeLessThan(plain.result.meanUs);
    expect(plain.input.jitterUs).toBeGreaterThan(0);
    expect(plain.thresholdsAssigned).toBe(false);
    const th = fig3.runUnit({ target: 'avr', profile: 'webit', framing: 'fixed-priority', variant: 'thresholds', payload: 0.6, seed: 1 });
    expect(th.thresholdsAssigned).toBe(true);
    expect(th).not.toEqual(plain);
  });
});
