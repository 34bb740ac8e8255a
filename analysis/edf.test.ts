import { describe, expect, it } from 'vitest';
import { edfBusyPeriodCycles, edfOffsets, edfWorstCaseCycles } from './edf.ts';
import { task, taskSet } from './model.ts';
import { simulateResponses } from './reference-schedule.ts';

describe('EDF worst case (Spuri 1996)', () => {
  // Constructed example, derived by hand with Spuri's equations: t1 (C 1, T = D = 4), t2 (C 2, T = D = 6),
  // t3 (C 3, T = D = 10); U = 0.883.
  const set = taskSet([
    task({ name: 't1', priority: 0, periodCycles: 4, wcetCycles: 1 }),
    task({ name: 't2', priority: 1, periodCycles: 6, wcetCycles: 2 }),
    task({ name: 't3', priority: 2, periodCycles: 10, wcetCycles: 3 }),
  ]);

  it('finds the synchronous busy period and the offsets of t3', () => {
    // L = ceil(L/4) + 2 ceil(L/6) + 3 ceil(L/10): 6 -> 7 -> 9 -> 10 -> 10.
    // Offsets a = k T_j + D_j - D_3 in [0, 10): t1: 4k - 6 -> 2, 6; t2: 6k - 4 -> 2, 8; t3: 0.
    expect(edfBusyPeriodCycles(set)).toBe(10);
    expect(edfOffsets(set.tasks, 2, 10)).toEqual([0, 2, 6, 8]);
  });

  it('puts the worst case of t3 at offset 2, not at the synchronous release', () => {
    // a = 0: caps t1 2, t2 1: w = 3 -> 6 -> 7 -> 7, R = 7.
    // a = 2: caps t1 3, t2 2: w = 3 -> 6 -> 7 -> 9 -> 10 -> 10, R = 10 - 2 = 8.
    // a = 6: R = 10 - 6 = 4; a = 8: R = 2, below C. So R_3 = 8.
    // Schedule with t3 released at 2 (ties lost): t1 0-1, t2 1-3, t3 3-4, t1 4-5, t3 5-6, t2 6-8,
    // t1 8-9, t3 9-10: response 8.
    expect(edfWorstCaseCycles(set, 2)).toBe(8);
  });

  it('bounds the response of a task whose final region blocks an earlier deadline', () => {
    // t1 (C 1, T = D = 3), t2 (C 3, T = D = 10, all non-preemptive): t1 released one unit after t2
    // started waits for the 2 units left, then runs 1: R = 3, exactly what the schedule shows.
    const np = taskSet([
      task({ name: 't1', priority: 0, periodCycles: 3, wcetCycles: 1 }),
      task({ name: 't2', priority: 1, periodCycles: 10, wcetCycles: 3, preemptibleCycles: 0 }),
    ]);
    expect(edfWorstCaseCycles(np, 0)).toBe(3);
    expect(simulateResponses(np.tasks, [1, 0], 60, 'edf').worst[0]).toBe(3);
  });

  it('safety set 194 reduced: examines the offsets where a jittered job reaches its deadline, J_j before the unjittered one', () => {
    // tj (C 4, T 100, D 10, J 2) arrives at -2, is released at 0 with its deadline at 8; ti (C 2,
    // T 100, D 5) released at 3 has its deadline at 8 too and loses the tie: tj 0-4, ti 4-6, R = 3.
    // Busy period: 4 + 2 = 6. Offsets without the jitter: 0 (R 2: tj's deadline 8 is past 5) and
    // D_j - D_i = 5 (R = 6 - 5 = 1): a bound of 2. The jitter adds D_j - J_j - D_i = 3: R = 6 - 3 = 3.
    const tj = task({ name: 'tj', priority: 1, periodCycles: 100, deadlineCycles: 10, wcetCycles: 4, releaseJitterCycles: 2 });
    const ti = task({ name: 'ti', priority: 0, periodCycles: 100, deadlineCycles: 5, wcetCycles: 2 });
    const jittered = taskSet([ti, tj]);
    expect(edfOffsets(jittered.tasks, 0, 6)).toEqual([0, 3, 5]);
    expect(edfWorstCaseCycles(jittered, 0)).toBe(3);
    // The same instant in the reference scheduler: tj released at 0 with the deadline of its arrival at -2.
    const released = task({ name: 'tj', priority: 1, periodCycles: 100, deadlineCycles: 8, wcetCycles: 4 });
    expect(simulateResponses([ti, released], [3, 0], 100, 'edf').worst[0]).toBe(3);
  });

  it('orders jobs by the deadline the kernel keys them by, not the task deadline', () => {
    // By its deadline ti (D 4) is worst released at 2, tying with tj's deadline 6: tj 0-4, ti 4-5, R 3.
    // A tick kernel keys ti as 6, the same as tj (D 6), so the tie comes at the synchronous release:
    // tj runs 0-4, ti 4-5, R = 5 > D. The reference scheduler, given the keys as deadlines, agrees.
    const tj = task({ name: 'tj', priority: 1, periodCycles: 20, deadlineCycles: 6, wcetCycles: 4 });
    const ti = task({ name: 'ti', priority: 0, periodCycles: 20, deadlineCycles: 4, wcetCycles: 1 });
    expect(edfWorstCaseCycles(taskSet([tj, ti]), 1)).toBe(3);
    expect(edfWorstCaseCycles(taskSet([tj, { ...ti, edfKeyDeadlineCycles: 6 }]), 1)).toBe(5);
    expect(simulateResponses([tj, { ...ti, deadlineCycles: 6 }], [0, 0], 40, 'edf').worst[1]).toBe(5);
  });

  it('gives up, as unbounded, on a busy period with more offsets than the budget', () => {
    // 1e9 cycles of busy period hold 2.5e8 releases of t1 alone: far above MAX_POINTS_PER_TASK.
    expect(edfOffsets(set.tasks, 2, 1e9)).toBeUndefined();
    expect(edfOffsets(set.tasks, 2, 10)).toHaveLength(4);
  });

  it('declares an overloaded set unbounded', () => {
    const over = taskSet([task({ name: 'a', priority: 0, periodCycles: 2, wcetCycles: 1 }), task({ name: 'b', priority: 1, periodCycles: 3, wcetCycles: 2 })]);
    expect(edfWorstCaseCycles(over, 0)).toBe(Infinity);
  });
});
