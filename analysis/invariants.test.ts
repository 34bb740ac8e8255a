import { describe, expect, it } from 'vitest';
import { loadWorkload } from '../workloads/load.ts';
import { analyzeModel, analyzeWorkload } from './analyze.ts';
import { leastFixpoint } from './fixpoint.ts';
import { AnalysisInvariantError, checkedBounds } from './invariants.ts';
import { task, taskSet } from './model.ts';

describe('safe integers (issue 8 repro: a period of 1e303 us gave WCRT 0 below BCRT 12.5, jitter -12.5, schedulable)', () => {
  it('refuses the 1e303 us period, naming the workload field, before any bound is computed', () => {
    const meter = loadWorkload('meter');
    const huge = { ...meter, tasks: meter.tasks.map((t, i) => (i === 1 ? { ...t, trigger: { kind: 'periodic' as const, periodUs: 1e303 } } : t)) };
    const name = meter.tasks[1]?.name ?? '';
    // The workload check names the field; the model's own guard (below) names the task if a model is built by hand.
    expect(name).not.toBe('');
    for (const policy of ['fp', 'edf'] as const) expect(() => analyzeWorkload(huge, { policy })).toThrow(/tasks\[1\]\.trigger\.periodUs: 1e\+303 us .* above the largest exact integer/);
  });

  it('refuses a fractional or oversized quantity in any field, interrupt loads and critical sections included', () => {
    const base = task({ name: 'a', priority: 0, periodCycles: 10, wcetCycles: 2 });
    expect(() => analyzeModel(taskSet([{ ...base, wcetCycles: 2.5, preemptibleCycles: 2.5 }]), 'fp', 'corrected')).toThrow(/task "a": wcetCycles is 2.5/);
    expect(() => analyzeModel(taskSet([{ ...base, deadlineCycles: 2 ** 53 }]), 'edf', 'corrected')).toThrow(/task "a": deadlineCycles/);
    expect(() => analyzeModel(taskSet([{ ...base, criticalSectionCycles: { m: 1e20 } }]), 'fp', 'corrected')).toThrow(/task "a": criticalSectionCycles.m/);
    const irq = { name: 'uart', periodCycles: 0.5, costCycles: 1, bestCostCycles: 1, releaseJitterCycles: 0, strictlyPeriodic: true };
    expect(() => analyzeModel(taskSet([base], [irq]), 'fp', 'paper')).toThrow(/interrupt load "uart": periodCycles/);
    expect(() => analyzeModel(taskSet([base], [], 0.25), 'fp', 'corrected')).toThrow(RangeError);
  });

  it('reports an iteration that would pass 2^53 - 1 as unbounded, never as a rounded number', () => {
    // Near 2^53 adding 1 is lost to rounding: x + 1 === x would look like a fixed point.
    const start = Number.MAX_SAFE_INTEGER - 2;
    expect(leastFixpoint((x) => x + 1, start, Infinity)).toBe(Infinity);
    expect(leastFixpoint((x) => Math.min(x + 1, 10), 0, Infinity)).toBe(10);
    // U = 1/2 + (2^52 + 1) / (2^53 - 1), a hair above 1 (below the overload test's tolerance): b's
    // response grows past 2^53, where the sums round, so no bound is the only right answer.
    const big = taskSet([
      task({ name: 'a', priority: 0, periodCycles: 2 ** 50, wcetCycles: 2 ** 49 }),
      task({ name: 'b', priority: 1, periodCycles: Number.MAX_SAFE_INTEGER, wcetCycles: 2 ** 52 + 1 }),
    ]);
    expect(analyzeModel(big, 'fp', 'corrected')[1]?.wcrtCycles).toBe(Infinity);
  });
});

describe('result invariants: C^b <= BCRT <= WCRT, C <= WCRT, jitter >= 0', () => {
  const set = taskSet([task({ name: 'a', priority: 0, periodCycles: 10, wcetCycles: 3, bcetCycles: 2 })]);

  it('throws an AnalysisInvariantError naming the task and the broken relation', () => {
    const bad = [{ name: 'a', wcrtCycles: 0, bcrtCycles: 12, jitterCycles: -12 }];
    expect(() => checkedBounds(set, bad)).toThrow(AnalysisInvariantError);
    expect(() => checkedBounds(set, bad)).toThrow(/task "a": BCRT 12 <= WCRT 0/);
    expect(() => checkedBounds(set, [{ name: 'a', wcrtCycles: 2, bcrtCycles: 2, jitterCycles: 0 }])).toThrow(/task "a": C 3 <= WCRT 2/);
    expect(() => checkedBounds(set, [{ name: 'a', wcrtCycles: 5, bcrtCycles: 1, jitterCycles: 4 }])).toThrow(/task "a": C\^b 2 <= BCRT 1/);
  });

  it('lets every analysis of the built-in workloads through, and an unbounded worst case too', () => {
    expect(checkedBounds(set, [{ name: 'a', wcrtCycles: Infinity, bcrtCycles: 2, jitterCycles: Infinity }])).toHaveLength(1);
    for (const name of ['meter', 'qgdw-semaphore-shuffling']) {
      for (const policy of ['fp', 'edf'] as const) {
        for (const variant of ['paper', 'corrected'] as const) expect(() => analyzeWorkload(loadWorkload(name), { policy, variant })).not.toThrow();
      }
    }
  });
});
