import { describe, expect, it } from 'vitest';
import { getTarget } from '../hardware/targets/index.ts';
import { loadWorkload } from '../workloads/load.ts';
import { analyzeWorkload } from './analyze.ts';
import { fpWorstCaseCycles } from './fp.ts';
import { task, taskSet, type TaskSetModel } from './model.ts';
import { simulateResponses } from './reference-schedule.ts';
import type { Target } from '../hardware/target.ts';
import type { Workload } from '../workloads/types.ts';
import { modelFromWorkload } from './from-workload.ts';
import { assignPreemptionThresholds, meetsDeadlines, smallestRunToCompletionThresholds, withAssignedThresholds, withRunToCompletionThresholds } from './thresholds.ts';

const misses = (m: TaskSetModel): boolean => m.tasks.some((t, i) => fpWorstCaseCycles(m, i) > t.deadlineCycles);

describe('preemption-threshold assignment (Wang and Saksena 1999)', () => {
  // t1 (C 1, T 4, D 3), t2 (C 3, T 9), t3 (C 4, T 10), U = 0.983.
  const base = [
    task({ name: 't1', priority: 0, periodCycles: 4, deadlineCycles: 3, wcetCycles: 1 }),
    task({ name: 't2', priority: 1, periodCycles: 9, wcetCycles: 3 }),
    task({ name: 't3', priority: 2, periodCycles: 10, wcetCycles: 4 }),
  ];

  it('schedules a set that is neither preemptively nor non-preemptively schedulable', () => {
    // Preemptive: R3 = 4 + ceil(R/4) + 3 ceil(R/9): 8 -> 9 -> 10 -> 13 -> 14 -> 14 > 10.
    // Non-preemptive (all thresholds 0): t1 finds a t3 started one unit before its release,
    // B = C3 - 1 = 3, R1 = 3 + 1 = 4 > 3.
    expect(misses(taskSet(base))).toBe(true);
    expect(misses(taskSet(base.map((t) => ({ ...t, thresholdPriority: 0 }))))).toBe(true);
    // The algorithm, least urgent first: t3 needs threshold 1 (S = 1 + 1 + 3 = 5; only t1 preempts
    // after the start: F = 5 + 4 + 1 = 10). t2 at threshold 1 is blocked by a started t3 (shielded),
    // B = 4 - 1 = 3: S = 3 + 2 = 5, F = 5 + 3 = 8 <= 9. t1 is blocked by neither (thresholds 1): R1 = 1.
    const thresholds = assignPreemptionThresholds(taskSet(base));
    expect(thresholds).toEqual([0, 1, 1]);
    const assigned = base.map((t, i) => ({ ...t, thresholdPriority: thresholds?.[i] ?? t.priority }));
    expect(base.map((_, i) => fpWorstCaseCycles(taskSet(assigned), i))).toEqual([1, 8, 10]);
    // The reference scheduler reaches every bound exactly, over all release offsets.
    const worst = [0, 0, 0];
    for (let a = 0; a < 4; a++) {
      for (let c = 0; c < 10; c++) {
        for (let b = 0; b < 9; b++) simulateResponses(assigned, [a, b, c], 720, 'fp').worst.forEach((w, i) => (worst[i] = Math.max(worst[i] ?? 0, w)));
      }
    }
    expect(worst).toEqual([1, 8, 10]);
  });

  it('fails when no thresholds can help (utilisation above 1)', () => {
    expect(assignPreemptionThresholds(taskSet([...base, task({ name: 't4', priority: 3, periodCycles: 12, wcetCycles: 2 })]))).toBeUndefined();
  });

  it('writes thresholds into a workload and keeps the meter schedulable', () => {
    const w = withAssignedThresholds(loadWorkload('meter'), getTarget('avr'));
    expect(w?.tasks.every((t) => t.preemptionThreshold !== undefined && t.preemptionThreshold <= t.priority)).toBe(true);
    expect(w === undefined ? false : analyzeWorkload(w, { policy: 'fp' }).schedulable).toBe(true);
  });
});

describe("the paper's run-to-completion thresholds: the smallest that keep the set schedulable", () => {
  // t1 (C 1, T 3, D 2), t2 (C 3, T = D 10), fixed priority.
  const base = [task({ name: 't1', priority: 0, periodCycles: 3, deadlineCycles: 2, wcetCycles: 1 }), task({ name: 't2', priority: 1, periodCycles: 10, wcetCycles: 3 })];
  const holds = (ths: readonly number[]): boolean => meetsDeadlines(taskSet(base.map((t, i) => ({ ...t, preemptibleCycles: ths[i] ?? t.wcetCycles }))), 'fp');

  it('makes the most urgent task fully non-preemptive and gives the other the longest final region its blocking allows', () => {
    // t1 first: TH1 = 0 blocks nobody above it, and t2 still finishes by 1 + 3 + 1 = 5 <= 10.
    // t2: TH2 = 0 leaves a final region F2 = 3 that blocks t1 by F2 - 1 = 2: R1 = 2 + 1 = 3 > 2.
    // TH2 = 1: F2 = 2, blocking 1, R1 = 2 <= 2; and t2 itself: S = 1 + (floor(S/3) + 1) 1 = 2, 2 + 2 = 4 <= 10.
    expect(smallestRunToCompletionThresholds([1, 3], [0, 1], holds)).toEqual([0, 1]);
  });

  it('assigns none when the set misses a deadline even fully preemptive', () => {
    expect(smallestRunToCompletionThresholds([1, 3], [0, 1], () => false)).toBeUndefined();
  });

  it('writes the thresholds into a workload in reference cycles, keeping it schedulable under both policies', () => {
    const meter = loadWorkload('meter');
    for (const policy of ['fp', 'edf'] as const) {
      const w = withRunToCompletionThresholds(meter, getTarget('avr'), policy);
      expect(w).toBeDefined();
      expect(w?.tasks.some((t) => (t.preemptibleCycles ?? Infinity) < worstOf(t))).toBe(true);
      expect(w === undefined ? false : analyzeWorkload(w, { policy }).schedulable).toBe(true);
    }
  });
});

describe('run-to-completion thresholds on a workload', () => {
  // The reference: every trial a whole workload with its thresholds written in, modelled afresh.
  function searchedOnWorkloads(w: Workload, target: Target, policy: 'fp' | 'edf'): number[] | undefined {
    const wcets = w.tasks.map(worstOf);
    const order = w.tasks.map((_, i) => i).sort((a, b) => (w.tasks[a]?.priority ?? 0) - (w.tasks[b]?.priority ?? 0));
    const withThresholds = (ths: readonly number[]): Workload => ({ ...w, tasks: w.tasks.map((t, i) => ({ ...t, preemptibleCycles: ths[i] ?? 0 })) });
    return smallestRunToCompletionThresholds(wcets, order, (ths) => meetsDeadlines(modelFromWorkload(withThresholds(ths), target).model, policy));
  }

  it("finds the thresholds a search over whole workloads finds, on the I/O figures' sets", () => {
    let assigned = 0;
    for (const targetId of ['avr', 'm4']) {
      for (const payload of ['0.3', '0.6', '0.8']) {
        for (const seed of [1, 2, 3]) {
          const w = loadWorkload(`paper-payload-${payload}-s${seed}`);
          for (const policy of ['fp', 'edf'] as const) {
            const expected = searchedOnWorkloads(w, getTarget(targetId), policy);
            const got = withRunToCompletionThresholds(w, getTarget(targetId), policy);
            expect(got?.tasks.map((t) => t.preemptibleCycles)).toEqual(expected);
            if (expected !== undefined) assigned++;
          }
        }
      }
    }
    // Most sets get thresholds: the comparison is not between two undefineds.
    expect(assigned).toBeGreaterThan(20);
  });
});

function worstOf(t: { body: readonly { op: string; cycles?: number }[] }): number {
  return t.body.reduce((s, b) => s + (b.op === 'compute' ? (b.cycles ?? 0) : 0), 0);
}
