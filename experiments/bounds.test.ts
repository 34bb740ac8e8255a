import { describe, expect, it } from 'vitest';
import { bounds, runBoundsUnit } from './bounds.ts';

describe('bounds', () => {
  it('reduces to one BoundsRow per target, framed kernel and variant, keys in column order', () => {
    const units = bounds.units('quick');
    const results = units.map(() => ({ profile: 'x', missed: false, violating: { paper: ['t0'], corrected: [] } }));
    const rows = bounds.reduce(results, units, 'quick');
    // 2 targets x 7 framed kernels x 2 variants.
    expect(rows).toHaveLength(2 * 7 * 2);
    expect(Object.keys(rows[0] ?? {})).toEqual(bounds.columns);
    const perSeries = units.length / 14;
    expect(rows[0]).toMatchObject({ variant: 'paper', taskSets: perSeries, violations: perSeries });
    expect(rows[1]).toMatchObject({ variant: 'corrected', violations: 0 });
  });

  it('leaves a set with a simulated deadline miss out of taskSets', () => {
    const units = bounds.units('quick');
    const results = units.map((_, i) => ({ profile: 'x', missed: i === 0, violating: { paper: [], corrected: [] } }));
    const rows = bounds.reduce(results, units, 'quick');
    expect(rows[0]?.taskSets).toBe(units.length / 14 - 1);
  });

  it("finds the paper's FP equations violated on iDCX's shared round-robin level and the corrected bound holding", () => {
    // The three least urgent tasks share iDCX's lowest level; its 5-tick slice lets them take the CPU
    // from each other, which hp(i) of the paper's (1) (strictly more urgent tasks) leaves out.
    const r = runBoundsUnit({ target: 'avr', profile: 'idcx', framing: 'fixed-priority', payload: 0.5, seed: 1 });
    expect(r.missed).toBe(false);
    expect(r.violating.paper.length).toBeGreaterThan(0);
    expect(r.violating.corrected).toEqual([]);
  });
});
