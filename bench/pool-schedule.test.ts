import { describe, expect, it } from 'vitest';
import { simulatePool } from './pool-schedule.ts';

/** One unit a batch: the simplest batching, so the expected schedules can be worked by hand. */
const singles = (indices: readonly number[]): number[][] => indices.map((i) => [i]);

describe('simulatePool', () => {
  it('runs everything back to back on one worker', () => {
    const schedule = simulatePool([{ id: 'a', unitMs: [3, 4] }, { id: 'b', unitMs: [5] }], 1, singles);
    expect(schedule.makespanMs).toBe(12);
    expect(schedule.idleAtEndMs).toBe(0);
  });

  it('hands batches to free workers in the order the lanes sent them', () => {
    // Sent at 0: a0 (10), a1 (10), b0 (1). Workers take a0 and a1; at 10 both return, each lane of
    // a has nothing left, so b0 runs 10-11 on worker 0 while worker 1 idles from 10 to 11.
    const schedule = simulatePool([{ id: 'a', unitMs: [10, 10] }, { id: 'b', unitMs: [1] }], 2, singles);
    expect(schedule.makespanMs).toBe(11);
    expect(schedule.busyMs).toEqual([11, 10]);
    expect(schedule.idleAtEndMs).toBe(1);
    expect(schedule.finishMs.get('a')).toBe(10);
    expect(schedule.finishMs.get('b')).toBe(11);
  });

  it('leaves a worker idle behind one long batch at the end', () => {
    // Both units in one batch: worker 0 computes 2 + 8 while worker 1 has nothing.
    const whole = (indices: readonly number[]): number[][] => [[...indices]];
    const schedule = simulatePool([{ id: 'a', unitMs: [2, 8] }], 2, whole);
    expect(schedule.makespanMs).toBe(10);
    expect(schedule.idleAtEndMs).toBe(10);
  });
});
