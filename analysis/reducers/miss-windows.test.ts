import { describe, expect, it } from 'vitest';
import { ProbeEvent } from '../../hardware/probe.ts';
import { missWindows } from './miss-windows.ts';
import { reduceEvents, tasksOnly, type TestEvent } from './test-support.ts';

const { JobRelease, JobEnd, JobLost } = ProbeEvent;

// Two tasks with D = T = 125 us, 1000 cycles on the 8 MHz AVR.
const SYSTEM = { taskNames: ['a', 'b'], workload: tasksOnly(['a', 'b'].map((name) => ({ name, trigger: { kind: 'periodic' as const, periodUs: 125 } }))), endCycles: 4500 };

describe('missWindows', () => {
  it('counts a lost job apart, never as a miss, while a job unfinished past its deadline still misses', () => {
    // a: job of 0 ends at 300; job of 1000 is lost at 1100 (open); job of 2000 lost unreleased; job
    // of 3000 ends at 3100. Were the lost job open, the end at 3100 would close it past its deadline
    // (2000), and the job of 3000 would be unfinished past its own (4000) at the end (4500).
    // b: job of 0 never ends: unfinished past its deadline (1000), a miss.
    const events: TestEvent[] = [
      [JobRelease, 0, 0, 0], [JobRelease, 0, 1, 0], [JobEnd, 300, 0, 0],
      [JobRelease, 1000, 0, 1000], [JobLost, 1100, 0, 1000],
      [JobLost, 2500, 0, 2000],
      [JobRelease, 3000, 0, 3000], [JobEnd, 3100, 0, 0],
    ];
    const misses = reduceEvents(missWindows(), events, SYSTEM);
    expect(misses.total).toBe(1);
    expect(misses.lostJobs).toBe(2);
    expect(misses.jobs.map((m) => [m.task, m.arrivalCycles, m.endCycles])).toEqual([['b', 0, null]]);
  });
});
