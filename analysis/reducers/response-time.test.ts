import { describe, expect, it } from 'vitest';
import { ProbeEvent } from '../../hardware/probe.ts';
import { deadlineMisses } from './deadline-misses.ts';
import { responseTimes } from './response-time.ts';
import { reduceEvents, tasksOnly, type TestEvent } from './test-support.ts';

// Task 0: jobs arriving at 0 and 1000 (the second released by a tick at 1010), ending at 300 and
// 1400: responses 300 and 400 from arrival. Task 1: one job arriving at 500, still running at the end.
const STREAM: readonly TestEvent[] = [
  [ProbeEvent.JobRelease, 0, 0, 0], [ProbeEvent.JobEnd, 300, 0, 0],
  [ProbeEvent.JobRelease, 500, 1, 500],
  [ProbeEvent.JobRelease, 1010, 0, 1000], [ProbeEvent.JobEnd, 1400, 0, 0], [ProbeEvent.DeadlineMiss, 1400, 0, 0],
];
const SYSTEM = { taskNames: ['a', 'b', 'never'] };

describe('responseTimes', () => {
  it("takes each task's longest and shortest response from the job's arrival, not its release", () => {
    const [a, , never] = reduceEvents(responseTimes(), STREAM, SYSTEM);
    expect(a).toEqual({ task: 'a', longestCycles: 400, shortestCycles: 300 });
    expect(never).toEqual({ task: 'never', longestCycles: 0, shortestCycles: null });
  });

  it('counts a job still open at the end of the run in the longest response with the time it has waited so far, not in the shortest', () => {
    // The run ends at 2000: task b's job, which arrived at 500, has waited 1500 and has not ended.
    const b = reduceEvents(responseTimes(), STREAM, { ...SYSTEM, endCycles: 2000 })[1];
    expect(b).toEqual({ task: 'b', longestCycles: 1500, shortestCycles: null });
  });

  it('measures no response for a lost job: one open at its APP\'s suspension, or one never released', () => {
    // Task a: job at 0 ends at 300 (response 300); job at 1000 is open when its APP is suspended at
    // 1100 (lost); the job at 2000 is never released (lost); the job at 3000 ends at 3100 (100).
    const stream: TestEvent[] = [
      [ProbeEvent.JobRelease, 0, 0, 0], [ProbeEvent.JobEnd, 300, 0, 0],
      [ProbeEvent.JobRelease, 1000, 0, 1000], [ProbeEvent.JobLost, 1100, 0, 1000],
      [ProbeEvent.JobLost, 2500, 0, 2000],
      [ProbeEvent.JobRelease, 3000, 0, 3000], [ProbeEvent.JobEnd, 3100, 0, 0],
    ];
    // Were the lost job still open, the end at 3100 would close it: a response of 2100.
    expect(reduceEvents(responseTimes(), stream, { taskNames: ['a'], endCycles: 4000 })[0]).toEqual({ task: 'a', longestCycles: 300, shortestCycles: 100 });
  });
});

describe('deadlineMisses', () => {
  it("counts each task's releases and deadline misses", () => {
    expect(reduceEvents(deadlineMisses(), STREAM, SYSTEM)).toEqual([
      { task: 'a', releases: 2, misses: 1, overdueAtEnd: 0, lostJobs: 0 },
      { task: 'b', releases: 1, misses: 0, overdueAtEnd: 0, lostJobs: 0 },
      { task: 'never', releases: 0, misses: 0, overdueAtEnd: 0, lostJobs: 0 },
    ]);
  });

  it('counts a lost job apart: neither a miss nor overdue at the end, and no longer open for a later end to close', () => {
    // Task a (D = T = 125 us = 1000 cycles on the 8 MHz AVR) loses its job of 1000 at 1100 and its job
    // of 2000 (never released); its job of 3000 ends at 3100, in time. Task b's job of 0 never ends:
    // at the end (4500) it is past its deadline (1000), overdue. Were a's lost job still open, the end
    // at 3100 would close it, leaving the job of 3000 open past its deadline (4000) at the end.
    const stream: TestEvent[] = [
      [ProbeEvent.JobRelease, 0, 0, 0], [ProbeEvent.JobRelease, 0, 1, 0], [ProbeEvent.JobEnd, 300, 0, 0],
      [ProbeEvent.JobRelease, 1000, 0, 1000], [ProbeEvent.JobLost, 1100, 0, 1000],
      [ProbeEvent.JobLost, 2500, 0, 2000],
      [ProbeEvent.JobRelease, 3000, 0, 3000], [ProbeEvent.JobEnd, 3100, 0, 0],
    ];
    const workload = tasksOnly(['a', 'b'].map((name) => ({ name, trigger: { kind: 'periodic', periodUs: 125 } })));
    expect(reduceEvents(deadlineMisses(), stream, { taskNames: ['a', 'b'], workload, endCycles: 4500 })).toEqual([
      { task: 'a', releases: 3, misses: 0, overdueAtEnd: 0, lostJobs: 2 },
      { task: 'b', releases: 1, misses: 0, overdueAtEnd: 1, lostJobs: 0 },
    ]);
  });
});
