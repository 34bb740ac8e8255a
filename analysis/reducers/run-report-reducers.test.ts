import { describe, expect, it } from 'vitest';
import { ProbeEvent } from '../../hardware/probe.ts';
import { backlog } from './backlog.ts';
import { lineLatency } from './line-latency.ts';
import { HISTOGRAM_BINS, responseProfile } from './response-profile.ts';
import { reduceEvents, tasksOnly, type TestEvent } from './test-support.ts';

const { JobRelease, JobEnd, JobLost, IrqRaised, IrqEntered } = ProbeEvent;

// Task a loses its job of 1000 at 1100 (open when its APP was suspended) and its job of 2000 (due
// while suspended, never released); its jobs of 0 and 3000 end at 300 and 3100.
const WITH_LOST: TestEvent[] = [
  [JobRelease, 0, 0, 0], [JobEnd, 300, 0, 0],
  [JobRelease, 1000, 0, 1000], [JobLost, 1100, 0, 1000],
  [JobLost, 2500, 0, 2000],
  [JobRelease, 3000, 0, 3000], [JobEnd, 3100, 0, 0],
];

describe('responseProfile', () => {
  // A periodic task of 125 us on the 8 MHz AVR: D = T = 1000 cycles, bins of 100 cycles.
  const workload = tasksOnly([{ name: 'a', trigger: { kind: 'periodic', periodUs: 125 } }]);
  const job = (arrival: number, end: number): TestEvent[] => [[JobRelease, arrival, 0, arrival], [JobEnd, end, 0, 0]];

  it('bins each response from its true arrival over the deadline, (k D/10, (k+1) D/10], and puts misses past it in the last bin', () => {
    // Responses 250 (bin 2), 1000 (bin 9: on the deadline is in time), 1001 (past it), 100 (bin 0).
    const [a] = reduceEvents(responseProfile(), [...job(0, 250), ...job(1000, 2000), ...job(2000, 3001), ...job(3000, 3100)], { taskNames: ['a'], workload });
    expect(a?.deadlineCycles).toBe(1000);
    expect(a?.stats).toMatchObject({ count: 4, min: 100, max: 1001 });
    const expected = new Array<number>(HISTOGRAM_BINS + 1).fill(0);
    expected[0] = 1;
    expected[2] = 1;
    expected[9] = 1;
    expected[HISTOGRAM_BINS] = 1;
    expect(a?.histogram).toEqual(expected);
    expect(a?.lostJobs).toBe(0);
  });

  it('gives a lost job no response and no bin, and counts it apart', () => {
    // Responses 300 (bin 2) and 100 (bin 0) only; were the lost job open, the end at 3100 would close it: 2100, past D.
    const [a] = reduceEvents(responseProfile(), WITH_LOST, { taskNames: ['a'], workload });
    expect(a?.stats).toMatchObject({ count: 2, min: 100, max: 300 });
    const expected = new Array<number>(HISTOGRAM_BINS + 1).fill(0);
    expected[0] = 1;
    expected[2] = 1;
    expect(a?.histogram).toEqual(expected);
    expect(a?.lostJobs).toBe(2);
  });
});

describe('lineLatency', () => {
  it('measures each line apart, a raise while pending keeping the first', () => {
    // tick: 0 -> 7. irq: 10 -> 20 (raised again at 12 while pending: merged), then 30 -> 33.
    const events: TestEvent[] = [[IrqRaised, 0, 0, 0], [IrqEntered, 7, 0, 0], [IrqRaised, 10, 1, 0], [IrqRaised, 12, 1, 0], [IrqEntered, 20, 1, 0], [IrqRaised, 30, 1, 0], [IrqEntered, 33, 1, 0]];
    const rows = reduceEvents(lineLatency(), events, { taskNames: [], lines: new Map([['tick', 0], ['irq', 1], ['never', 2]]) });
    expect(rows.map((r) => [r.line, r.stats.count, r.stats.min, r.stats.max])).toEqual([
      ['tick', 1, 7, 7],
      ['irq', 2, 3, 10],
    ]);
  });
});

describe('backlog', () => {
  it('counts the jobs waiting halfway through the run and at its end', () => {
    // Horizon 100: a released at 0, 10, 60 and 70, one ended at 65. Halfway (50): 2 waiting; at the end 3.
    const events: TestEvent[] = [[JobRelease, 0, 0, 0], [JobRelease, 10, 0, 10], [JobRelease, 60, 0, 60], [JobEnd, 65, 0, 0], [JobRelease, 70, 0, 70]];
    expect(reduceEvents(backlog(100), events, { taskNames: ['a'] })).toEqual([{ task: 'a', halfway: 2, end: 3, lostJobs: 0 }]);
  });

  it('stops counting a lost job as waiting, and counts lost jobs apart', () => {
    // Horizon 4000: at the first event past halfway (2000), the loss at 2500, nothing waits (the job of
    // 1000 was lost at 1100); at the end nothing waits. Were the lost job waiting, 1 would at both.
    expect(reduceEvents(backlog(4000), WITH_LOST, { taskNames: ['a'] })).toEqual([{ task: 'a', halfway: 0, end: 0, lostJobs: 2 }]);
  });
});
