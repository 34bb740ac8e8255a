import { describe, expect, it } from 'vitest';
import { avr, m4 } from '../hardware/targets/index.ts';
import { loadWorkload } from '../workloads/load.ts';
import type { Workload } from '../workloads/types.ts';
import { ProfileLimitError } from './core/validate.ts';
import { getProfile, kernelCosts } from './registry.ts';
import { systemModel } from './system-model.ts';

const tasks = (priorities: readonly number[]): Workload => ({
  name: 'set',
  description: 'periodic tasks',
  referenceTarget: 'avr',
  tickHz: 1000,
  tasks: priorities.map((priority, i) => ({ name: `t${i}`, priority, trigger: { kind: 'periodic' as const, periodUs: 10_000 }, body: [{ op: 'compute' as const, cycles: 1000 }, { op: 'io-out' as const }] })),
});

describe('systemModel', () => {
  it("carries the profile's priced costs for the workload's task count and the tick period", () => {
    const meter = loadWorkload('meter');
    const s = systemModel('ucos2', avr, meter);
    expect(s.overheads).toEqual({ ...kernelCosts('ucos2', avr, meter.tasks.length), tickPeriodCycles: avr.clockHz / meter.tickHz });
    expect(s.releases).toEqual({ kind: 'tick', tickUs: 1e6 / meter.tickHz, tickPeriodCycles: avr.clockHz / meter.tickHz });
  });

  it('prices the same kernel in fewer cycles per tick period on the faster, wider M4', () => {
    const meter = loadWorkload('meter');
    const a = systemModel('webit', avr, meter).overheads;
    const b = systemModel('webit', m4, meter).overheads;
    expect(b.switchCycles / b.tickPeriodCycles).toBeLessThan(a.switchCycles / a.tickPeriodCycles);
  });

  it('runs every job of a non-preemptive kernel (uKernel) to completion, and no job of a preemptive one', () => {
    expect(systemModel('ukernel', avr, tasks([0, 1])).tasks.every((t) => t.runToCompletion)).toBe(true);
    expect(systemModel('ucos2', avr, tasks([0, 1])).tasks.some((t) => t.runToCompletion)).toBe(false);
  });

  it('marks tasks that share a time-sliced level, and only those', () => {
    expect(systemModel('idcx', avr, tasks([4, 4, 3])).tasks.map((t) => t.timeSliced)).toEqual([true, true, false]);
    expect(systemModel('idcx', avr, tasks([4, 4, 3])).timeSliceCycles).toBe(5 * 8000);
    expect(systemModel('ucos2', avr, tasks([3, 4])).timeSliceCycles).toBeNull();
  });

  it('schedules by deadline on the edf design and by priority everywhere else', () => {
    expect(systemModel('edf', m4, tasks([0, 1])).policy).toBe('edf');
    for (const id of ['webit', 'worix', 'ukernel', 'idcx', 'ucos2', 'mos']) expect(systemModel(id, m4, tasks([0, 1])).policy).toBe('fp');
  });

  it("gives MOS tasks their level's most urgent priority as preemption threshold: only a higher level preempts", () => {
    // Six distinct priorities make six modules on MOS's default three levels: two modules per level.
    const s = systemModel('mos', avr, tasks([0, 1, 2, 3, 4, 5]));
    expect(s.tasks.map((t) => t.threshold)).toEqual([0, 0, 2, 2, 4, 4]);
  });

  it("refuses, as the kernel's boot does, a workload the profile cannot run", () => {
    expect(() => systemModel('ukernel', avr, tasks([0, 0]))).toThrow(ProfileLimitError);
    expect(() => systemModel(getProfile('ucos2'), avr, tasks([0, 99]))).toThrow(/tasks\[1\]\.priority/);
  });

  it("resolves each mutex's protocol as the kernel does: its own, else the profile's first", () => {
    const w: Workload = { ...tasks([0, 1]), resources: { mutexes: [{ name: 'a' }, { name: 'b', protocol: 'inheritance' }] } };
    expect(systemModel('webit', avr, w).mutexProtocols).toEqual({ a: 'inheritance', b: 'inheritance' });
    expect(systemModel('ucos2', avr, { ...w, resources: { mutexes: [{ name: 'a' }] } }).mutexProtocols).toEqual({ a: 'ceiling' });
  });
});

describe('systemModel on MOS', () => {
  it('refuses what MOS cannot run in the workload\'s own fields, as its boot does', () => {
    const w: Workload = { ...tasks([0, 1]), resources: { mutexes: [{ name: 'm' }] }, tasks: tasks([0, 1]).tasks.map((t, i) => (i === 1 ? { ...t, body: [{ op: 'lock' as const, mutex: 'm' }, { op: 'unlock' as const, mutex: 'm' }] } : t)) };
    expect(() => systemModel('mos', avr, w)).toThrow(/mos: tasks\[1\]\.body\[0\]\.op/);
  });
});
