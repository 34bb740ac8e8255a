import { describe, expect, it } from 'vitest';
import { INDICATORS, indicators, measureIndicator, type Indicator } from './indicators.ts';
import { runSleepWake } from './sleep-wake-run.ts';

const run = (profile: string, indicator: Indicator, target = 'avr') => measureIndicator({ target, profile, indicator, durationMs: 20 });

describe('indicators', () => {
  it('has one unit per ported target x profile x indicator ((2 x 8 - 1) x 10: LiteOS-M has no AVR port) and rows with exactly its columns', () => {
    const units = indicators.units('quick');
    expect(INDICATORS).toHaveLength(10);
    expect(units).toHaveLength(150);
    const row = indicators.runUnit(units[0] as (typeof units)[number]);
    expect(Object.keys(row)).toEqual([...indicators.columns]);
  });

  it("gives a null with the kernel's refusal where the profile lacks the service, rather than failing", () => {
    expect(run('webit', 'qgdw-semaphore-shuffling')).toMatchObject({ valueUs: null, cycles: null, note: expect.stringContaining('semaphores') });
    expect(run('ucos2', 'rhealstone-task-switch')).toMatchObject({ valueUs: null, note: expect.stringContaining('own priority') });
    expect(run('mos', 'qgdw-signal-reception')).toMatchObject({ valueUs: null, note: expect.stringContaining('event flags') });
  });

  it("finds no inversion to break under uC/OS-II's ceiling, and times the inheritance handover on WORIX", () => {
    expect(run('ucos2', 'rhealstone-deadlock-break')).toMatchObject({ valueUs: null, note: expect.stringContaining('ceiling') });
    expect(run('worix', 'rhealstone-deadlock-break').valueUs).toBeGreaterThan(0);
  });

  it('has no preemption to time on the non-preemptive uKernel, and one on every preemptive kernel', () => {
    expect(run('ukernel', 'rhealstone-preemption')).toMatchObject({ valueUs: null, note: expect.stringContaining('not preemptive') });
    for (const p of ['webit', 'worix', 'idcx', 'ucos2', 'mos']) expect(run(p, 'rhealstone-preemption').valueUs, p).toBeGreaterThan(0);
  });

  it("times the same task-level switch path as fig2: uC/OS-II's Q/GDW task switching equals its sleep-wake switch", () => {
    // Both are a task pausing and the table-driven pick handing the CPU to another task.
    expect(run('ucos2', 'qgdw-task-switching').valueUs).toBe(runSleepWake('avr', 'ucos2', 2, 10).switchMeanUs);
  });

  it('times the preemption on the M4 too: the low task spans a tick there as well', () => {
    expect(measureIndicator({ target: 'm4', profile: 'ucos2', indicator: 'rhealstone-preemption', durationMs: 3 }).valueUs).toBeGreaterThan(0);
  });
});
