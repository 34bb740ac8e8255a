import { describe, expect, it } from 'vitest';
import { loadWorkload } from '../workloads/load.ts';
import { getProfile } from '../kernels/registry.ts';
import { breakdown, breakdownOf, largestFactor, scaleExecution, taskUtilisation, widenedFor, withoutLocks, withProfileProtocols } from './breakdown.ts';

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

  it('gives MOS a meter without locks, which MOS has no service for', () => {
    const w = withoutLocks(loadWorkload('meter'));
    expect(w.tasks.some((t) => t.body.some((s) => s.op === 'lock' || s.op === 'unlock'))).toBe(false);
    expect(w.tasks.map((t) => t.name)).toEqual(loadWorkload('meter').tasks.map((t) => t.name));
  });

  it("extends an 8-task kernel's tables to the meter's 11 tasks, priorities too where tasks cannot share one", () => {
    expect(widenedFor(getProfile('ukernel'), 11)).toMatchObject({ maxTasks: 11, priorities: 11 });
    expect(widenedFor(getProfile('idcx'), 11)).toMatchObject({ maxTasks: 11, priorities: 5 });
    expect(widenedFor(getProfile('ucos2'), 11)).toMatchObject({ maxTasks: 56, priorities: 64 });
  });

  it("puts non-preemptive uKernel's breakdown below uC/OS-II's: a long job blocks the 62.5 ms pulse task", () => {
    expect(breakdownOf('ukernel', 'avr').utilisation).toBeLessThan(breakdownOf('ucos2', 'avr').utilisation);
  });

  it('has one unit per target and profile, mos included', () => {
    expect(breakdown.units('full').map((u) => `${u.target}/${u.profile}`)).toContain('avr/mos');
    // Two targets x eight compared profiles, less LiteOS-M on the AVR (no port).
    expect(breakdown.units('full')).toHaveLength(15);
  });
});

describe('withProfileProtocols', () => {
  it("gives the meter's ceiling mutex the kernel's own protocol where the kernel lacks the ceiling, and keeps it elsewhere", () => {
    const meter = loadWorkload('meter');
    expect(withProfileProtocols(meter, getProfile('worix')).resources?.mutexes).toEqual([{ name: 'energy-registers' }]);
    expect(withProfileProtocols(meter, getProfile('ucos2')).resources?.mutexes).toEqual([{ name: 'energy-registers', protocol: 'ceiling' }]);
  });
});
