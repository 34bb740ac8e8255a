import { describe, expect, it } from 'vitest';
import { edfBestCaseCycles, fpBestCaseCycles } from './best-case.ts';
import { fpWorstCaseCycles } from './fp.ts';
import { task, taskSet } from './model.ts';
import { paperFixedPriority } from './paper.ts';

describe('best-case response times (Redell and Sanfridson 2002)', () => {
  // Constructed example: t1 (C 1, T 4), t2 (C 2, T 6), t3 (C 5, T 20), all with C^b = C.
  const set = taskSet([
    task({ name: 't1', priority: 0, periodCycles: 4, wcetCycles: 1 }),
    task({ name: 't2', priority: 1, periodCycles: 6, wcetCycles: 2 }),
    task({ name: 't3', priority: 2, periodCycles: 20, wcetCycles: 5 }),
  ]);

  it('iterates down from the worst case to the greatest fixed point', () => {
    // WCRT of t3: 5 + 1 + 2 = 8 -> 5 + 2 + 4 = 11 -> 5 + 3 + 4 = 12 -> 12.
    // BCRT: f(12) = 5 + (3-1)1 + (2-1)2 = 9; f(9) = 5 + 2 + 2 = 9. The schedule: t3 released at 0,
    // t1 at 1 and 5, t2 at 3, all released again at 9: t3 runs 0-1, 2-3, 6-9 and ends at 9.
    const wcrt = fpWorstCaseCycles(set, 2);
    expect(wcrt).toBe(12);
    expect(fpBestCaseCycles(set, 2, wcrt)).toBe(9);
  });

  it('counts no interference from an equal on a time-sliced level, which a job may finish before its slice ends', () => {
    // Webit's shared level (safety set 53 on the ideal target): a (C 191, T 2000) and b (C 3947,
    // T 10000), both priority 0, time-sliced (threshold 0.5, as analysis/from-system.ts models a
    // slice). In the worst case a takes the CPU from b at slice ends; but a job of b that has the CPU
    // keeps it until its slice ends, and kbench's Webit ran one in 4138 cycles from its arrival.
    // Counting a's 2 later jobs as certain preemptions gave a best case of 4329, above that job.
    const sliced = taskSet([
      task({ name: 'a', priority: 0, thresholdPriority: 0.5, periodCycles: 2000, wcetCycles: 191 }),
      task({ name: 'b', priority: 0, thresholdPriority: 0.5, periodCycles: 10_000, wcetCycles: 3947 }),
    ]);
    expect(fpBestCaseCycles(sliced, 1, fpWorstCaseCycles(sliced, 1))).toBe(3947);
  });

  it('counts no interference from sporadic tasks, which may not arrive at all', () => {
    const sporadic = taskSet(set.tasks.map((t) => (t.name === 't3' ? t : { ...t, strictlyPeriodic: false })));
    expect(fpBestCaseCycles(sporadic, 2, fpWorstCaseCycles(sporadic, 2))).toBe(5);
  });

  it('is below the paper best case when the final region may keep its length in a short job', () => {
    // t2: C 4, C^b 2, TH 1 (final region 3). Paper (4)-(6): min(C^b, TH) = 1 preemptible, so t1
    // (T 3) can be counted. Corrected: preemptible part max(0, 2 - 3) = 0, BCRT = C^b = 2.
    const np = taskSet([
      task({ name: 't1', priority: 0, periodCycles: 3, wcetCycles: 1 }),
      task({ name: 't2', priority: 1, periodCycles: 12, wcetCycles: 4, bcetCycles: 2, preemptibleCycles: 1 }),
    ]);
    expect(fpBestCaseCycles(np, 1, fpWorstCaseCycles(np, 1))).toBe(2);
    expect(paperFixedPriority(np)[1]?.bcrtCycles).toBeGreaterThanOrEqual(2);
  });

  it('under EDF counts only jobs whose absolute deadline can be earlier', () => {
    // t2 (C^b 4, D 10) and t1 (C^b 1, T 2, D 9): a t1 job delays t2 only if released in the first
    // D_2 - D_1 = 1 cycle, window min(x, 1): ceil(1/2) - 1 = 0 jobs, so BCRT = 4 (the paper's (13)
    // would count ceil(x/2) - 1 jobs over the whole window).
    const edf = taskSet([
      task({ name: 't1', priority: 0, periodCycles: 2, wcetCycles: 1, deadlineCycles: 9 }),
      task({ name: 't2', priority: 1, periodCycles: 20, wcetCycles: 4, deadlineCycles: 10 }),
    ]);
    expect(edfBestCaseCycles(edf, 1)).toBe(4);
  });
});
