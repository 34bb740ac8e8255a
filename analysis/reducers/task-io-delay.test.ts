import { describe, expect, it } from 'vitest';
import { ProbeEvent } from '../../hardware/probe.ts';
import { taskIoDelay } from './task-io-delay.ts';
import { reduceEvents, tasksOnly, type TestEvent } from './test-support.ts';

// Task 0 is timed (released by the tick, line 0, every 1000 cycles); task 1 is woken by line 5 ('uart').
const WORKLOAD = tasksOnly([
  { name: 'timed', trigger: { kind: 'periodic', periodUs: 125 } },
  { name: 'io', trigger: { kind: 'io', line: 'uart' } },
]);
const SYSTEM = { taskNames: ['timed', 'io'], lines: new Map([['tick', 0], ['uart', 5]]), workload: WORKLOAD };

describe('taskIoDelay', () => {
  it('counts a timed job from its true arrival and an I/O-triggered one from its line interrupt', () => {
    const events: TestEvent[] = [
      [ProbeEvent.JobRelease, 0, 0, 0], [ProbeEvent.IoOut, 80, 0, 0], // 80 from arrival 0
      [ProbeEvent.JobRelease, 1080, 0, 1000], [ProbeEvent.IoOut, 1240, 0, 0], // 240 from arrival 1000, not 160 from the release
      [ProbeEvent.IoIn, 100, 5, 0], [ProbeEvent.JobRelease, 140, 1, 140], [ProbeEvent.IoOut, 500, 1, 0], // 400 from the interrupt
    ];
    const [timed, io] = reduceEvents(taskIoDelay('arrival'), events, SYSTEM);
    expect(timed).toEqual({ task: 'timed', delay: { count: 2, min: 80, mean: 160, max: 240 }, lostJobs: 0 });
    expect(io).toEqual({ task: 'io', delay: { count: 1, min: 400, mean: 400, max: 400 }, lostJobs: 0 });
  });

  it('from the releasing tick, counts a job its task released late after an overrun from that tick, not from its arrival', () => {
    // The first job (from the tick at 0) overruns past the tick at 1000 and ends at 1500; the task
    // is released again at the tick at 2000 for the arrival at 1000, and that job ends at 2300:
    // 300 from the tick that released it, 1300 from its arrival.
    const events: TestEvent[] = [
      [ProbeEvent.IrqRaised, 0, 0, 0], [ProbeEvent.JobRelease, 20, 0, 0], [ProbeEvent.IrqRaised, 1000, 0, 0], [ProbeEvent.IoOut, 1500, 0, 0],
      [ProbeEvent.IrqRaised, 2000, 0, 0], [ProbeEvent.JobRelease, 2020, 0, 1000], [ProbeEvent.IoOut, 2300, 0, 0],
    ];
    const fromTick = reduceEvents(taskIoDelay('releasing-tick'), events, SYSTEM)[0]?.delay;
    const fromArrival = reduceEvents(taskIoDelay('arrival'), events, SYSTEM)[0]?.delay;
    expect([fromTick?.min, fromTick?.max]).toEqual([300, 1500]);
    expect([fromArrival?.min, fromArrival?.max]).toEqual([1300, 1500]);
  });

  it('times no delay for a job lost before its output, and counts lost jobs apart', () => {
    // Job of 0: output at 80. Job of 1000: lost at 1050 before its output. Job of 2000: lost, never
    // released. Job of 3000: output at 3100, 100 from its arrival (not 2100 from the lost job's).
    const events: TestEvent[] = [
      [ProbeEvent.JobRelease, 0, 0, 0], [ProbeEvent.IoOut, 80, 0, 0],
      [ProbeEvent.JobRelease, 1000, 0, 1000], [ProbeEvent.JobLost, 1050, 0, 1000],
      [ProbeEvent.JobLost, 2500, 0, 2000],
      [ProbeEvent.JobRelease, 3000, 0, 3000], [ProbeEvent.IoOut, 3100, 0, 0],
    ];
    expect(reduceEvents(taskIoDelay('arrival'), events, SYSTEM)[0]).toEqual({ task: 'timed', delay: { count: 2, min: 80, mean: 90, max: 100 }, lostJobs: 2 });
  });

  it('reports a task with no output as an empty span and refuses to count from a tick the system does not have', () => {
    expect(reduceEvents(taskIoDelay('arrival'), [], SYSTEM)[1]?.delay.count).toBe(0);
    expect(() => reduceEvents(taskIoDelay('releasing-tick'), [], { ...SYSTEM, lines: new Map() })).toThrow(/names no 'tick' line/);
  });
});
