import { describe, expect, it } from 'vitest';
import { loadWorkload } from '../workloads/load.ts';
import { breakdown, breakdownOf, densest, largestFactor, scaleExecution, taskUtilisation, withoutLocks } from './breakdown.ts';

describe('breakdown', () => {
  it('finds the largest factor of a threshold predicate to within 0.1%', () => {
    expect(largestFactor((f) => f <= 3.7)).toBeGreaterThan(3.7 * 0.999);
    expect(largestFactor((f) => f <= 3.7)).toBeLessThanOrEqual(3.7);
    expect(largestFactor((f) => f <= 0.3)).toBeGreaterThan(0.3 * 0.999);
    expect(largestFactor(() => false)).toBe(0);
  });

  it('scales task utilisation linearly with the factor (whole cycles aside)', () => {
    const meter = loadWorkload('meter');
    const u1 = taskUtilisation(meter, 'avr');
    expect(taskUtilisation(scaleExecution(meter, 10), 'avr')).toBeCloseTo(10 * u1, 3);
  });

  it('gives MOS a meter without locks and with every sporadic source at its minimum spacing', () => {
    const w = densest(withoutLocks(loadWorkload('meter')));
    expect(w.tasks.some((t) => t.body.some((s) => s.op === 'lock' || s.op === 'unlock'))).toBe(false);
    for (const t of w.tasks) if (t.trigger.kind === 'sporadic') expect(t.trigger.maxExtraUs).toBe(0);
    for (const l of w.ioLines ?? []) if (l.arrival.kind === 'sporadic') expect(l.arrival.maxExtraUs).toBe(0);
  });

  it("puts non-preemptive uKernel's breakdown below uC/OS-II's: a long job blocks the 62.5 ms pulse task", () => {
    expect(breakdownOf('ukernel', 'avr').utilisation).toBeLessThan(breakdownOf('ucos2', 'avr').utilisation);
  });

  it('has one unit per target and profile, mos included', () => {
    expect(breakdown.units('full').map((u) => `${u.target}/${u.profile}`)).toContain('avr/mos');
    expect(breakdown.units('full')).toHaveLength(12);
  });
});
