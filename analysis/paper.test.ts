import { describe, expect, it } from 'vitest';
import { edfBestCaseCycles, fpBestCaseCycles } from './best-case.ts';
import { edfWorstCaseCycles } from './edf.ts';
import { fpWorstCaseCycles } from './fp.ts';
import { task, taskSet } from './model.ts';
import { paperEdf, paperFixedPriority } from './paper.ts';
import { simulateResponses } from './reference-schedule.ts';

describe("the paper's equations (1)-(7), fixed priority, as written", () => {
  it('computes (1)-(7) for a fully preemptive set like the classic analysis', () => {
    // TH = C, so (1) is the classic recurrence: Buttazzo's set (T = 4, 6, 10; C = 1, 2, 3) gives 1, 3, 10.
    // Best case (4)-(6), C^b = C: t3 from T = 10: 3 + (3-1)1 + (2-1)2 = 7 -> 3 + 1 + 2 = 6 -> 3 + 1 + 0 = 4 -> 3 + 0 + 0 = 3.
    const set = taskSet([
      task({ name: 't1', priority: 0, periodCycles: 4, wcetCycles: 1 }),
      task({ name: 't2', priority: 1, periodCycles: 6, wcetCycles: 2 }),
      task({ name: 't3', priority: 2, periodCycles: 10, wcetCycles: 3 }),
    ]);
    const bounds = paperFixedPriority(set);
    expect(bounds.map((b) => b.wcrtCycles)).toEqual([1, 3, 10]);
    expect(bounds[2]?.bcrtCycles).toBe(3);
    expect(bounds[2]?.jitterCycles).toBe(7);
  });

  it('is unsafe without a blocking term: the reference task set where tau1 misses its deadline', () => {
    // Reference notes: tau1 (C 1, T = D = 3, TH 1), tau2 (C 3, T = D = 10, TH 0), scaled by 10 to cycles.
    // (1)-(3) give tau1 L^max = 10. If tau1 arrives 1 cycle after tau2 started its non-preemptive job,
    // it waits 29 cycles and finishes at 40: response 39 > 30 = D.
    const set = taskSet([
      task({ name: 'tau1', priority: 0, periodCycles: 30, wcetCycles: 10 }),
      task({ name: 'tau2', priority: 1, periodCycles: 100, wcetCycles: 30, preemptibleCycles: 0 }),
    ]);
    const paper = paperFixedPriority(set)[0]?.wcrtCycles ?? 0;
    const observed = simulateResponses(set.tasks, [1, 0], 300, 'fp').worst[0] ?? 0;
    const corrected = fpWorstCaseCycles(set, 0);
    expect(paper).toBe(10);
    expect(observed).toBe(39);
    expect(observed).toBeGreaterThan(paper);
    // Corrected: B = 30 - 1 (tau2 started one cycle before), R = 39 = the observed worst, > D: the
    // set is correctly declared unschedulable.
    expect(corrected).toBe(39);
    expect(corrected).toBeGreaterThanOrEqual(observed);
  });

  it('is no lower bound on the best case when the higher-priority task is sporadic', () => {
    // t1 sporadic (C 1, minimum inter-arrival 4), t2 (C 5, T 20). (4) from T = 20: 5 + (5-1) = 9 ->
    // 5 + (3-1) = 7 -> 5 + (2-1) = 6 -> 6. A sporadic t1 may stay silent: t2 then responds in 5.
    const set = taskSet([
      task({ name: 't1', priority: 0, periodCycles: 4, wcetCycles: 1, strictlyPeriodic: false }),
      task({ name: 't2', priority: 1, periodCycles: 20, wcetCycles: 5 }),
    ]);
    const silent = simulateResponses(set.tasks, [1000, 0], 40, 'fp').best[1];
    expect(paperFixedPriority(set)[1]?.bcrtCycles).toBe(6);
    expect(silent).toBe(5);
    expect(fpBestCaseCycles(set, 1, fpWorstCaseCycles(set, 1))).toBe(5);
  });

  it('ignores every higher-priority release when TH = 0', () => {
    // (1) from L^p(0) = TH = 0 has the least solution 0, so (3) returns C_2 = 2 although tau1's
    // synchronous job runs first: the true response is 1 + 2 = 3.
    const set = taskSet([
      task({ name: 'tau1', priority: 0, periodCycles: 10, wcetCycles: 1 }),
      task({ name: 'tau2', priority: 1, periodCycles: 10, wcetCycles: 2, preemptibleCycles: 0 }),
    ]);
    expect(paperFixedPriority(set)[1]?.wcrtCycles).toBe(2);
    expect(simulateResponses(set.tasks, [0, 0], 20, 'fp').worst[1]).toBe(3);
    expect(fpWorstCaseCycles(set, 1)).toBe(3);
  });
});

describe("the paper's equations (8)-(16), EDF, as written", () => {
  it('over-counts best-case interference from jobs whose absolute deadline is later', () => {
    // t1 (C 1, T 2, D 9), t2 (C 4, T 20, D 10), fully preemptive. (13) for t2 counts (ceil(x/2) - 1)
    // t1 jobs over the whole window: from T = 20: 4 + 9 = 13 -> 4 + 6 = 10 -> 4 + 4 = 8 -> 4 + 3 = 7 -> 7.
    // But t2 released at 1 (deadline 11) right after t1's job at 0 ends runs 1-5: t1's jobs at 2 and 4
    // have deadlines 11 and 13, not earlier, so none preempts. Response 4 < 7: (13)-(15) is no lower bound.
    const set = taskSet([
      task({ name: 't1', priority: 0, periodCycles: 2, wcetCycles: 1, deadlineCycles: 9 }),
      task({ name: 't2', priority: 1, periodCycles: 20, wcetCycles: 4, deadlineCycles: 10 }),
    ]);
    const paper = paperEdf(set)[1]?.bcrtCycles ?? 0;
    const observed = simulateResponses(set.tasks, [0, 1], 40, 'edf').best[1] ?? 0;
    expect(paper).toBe(7);
    expect(observed).toBe(4);
    expect(edfBestCaseCycles(set, 1)).toBeLessThanOrEqual(observed);
  });

  it('ignores the earlier-deadline jobs when TH = 0, where the corrected analysis does not', () => {
    // tau1 (C 1, T = D = 4), tau2 (C 2, T = D = 10, TH 0). (9) for tau2 at a = 0 iterates from 0:
    // blocking 0 + W(0, 0) = 0 + 0 + TH 0 = 0, so L^p = 0 and (12) gives 2. Both released at 0,
    // tau1 (deadline 4) runs first: tau2 finishes at 3.
    const set = taskSet([
      task({ name: 'tau1', priority: 0, periodCycles: 4, wcetCycles: 1 }),
      task({ name: 'tau2', priority: 1, periodCycles: 10, wcetCycles: 2, preemptibleCycles: 0 }),
    ]);
    const paper = paperEdf(set)[1]?.wcrtCycles ?? 0;
    const observed = simulateResponses(set.tasks, [0, 0], 40, 'edf').worst[1] ?? 0;
    expect(paper).toBe(2);
    expect(observed).toBe(3);
    expect(edfWorstCaseCycles(set, 1)).toBeGreaterThanOrEqual(observed);
  });
});
