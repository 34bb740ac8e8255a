import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getTarget } from '../hardware/targets/index.ts';
import { loadWorkload } from '../workloads/load.ts';
import { analyzeWorkload } from './analyze.ts';
import { correctedBounds } from './corrected.ts';
import { edfBlockingCycles } from './edf-demand.ts';
import { edfSchedulable, processorDemandCycles } from './edf-schedulability.ts';
import { edfOffsets, edfWorstCase } from './edf.ts';
import { modelFromWorkload } from './from-workload.ts';
import { task, taskSet, type TaskSetModel } from './model.ts';
import { simulateResponses } from './reference-schedule.ts';

describe('EDF schedulability without a cliff (issue 8 repro: uunifast-n99-u0.98-s2)', () => {
  const workload = loadWorkload('uunifast-n99-u0.98-s2');
  const model = modelFromWorkload(workload, getTarget('avr')).model;

  it('calls the 99-task implicit-deadline set at U = 0.98 schedulable by the exact U <= 1 test', () => {
    expect(model.tasks).toHaveLength(99);
    expect(edfSchedulable(model)).toBe(true);
  });

  it('gives every task a finite bound within its deadline, flagged inexact, where Spuri has too many offsets', () => {
    const bounds = correctedBounds(model, 'edf');
    expect(edfOffsets(model.tasks, 0, 1e9)).toBeUndefined();
    bounds.forEach((b, i) => {
      expect(Number.isFinite(b.wcrtCycles)).toBe(true);
      expect(b.wcrtCycles).toBeLessThanOrEqual(model.tasks[i]?.deadlineCycles ?? 0);
      expect(b.exact).toBe(false);
    });
    expect(analyzeWorkload(workload, { policy: 'edf' }).schedulable).toBe(true);
  });
});

describe('QPA for constrained deadlines (Zhang and Burns 2009)', () => {
  // Constructed, checked by hand: (C, D, T) = (1, 2, 4), (2, 4, 6), (4, 8, 12), U = 0.917 < 1.
  // h(8) = 2 + 2 + 4 = 8 <= 8; h(10) = 3 (deadlines 2, 6, 10) + 4 (4, 10) + 4 = 11 > 10: a miss.
  const tight = taskSet([
    task({ name: 'a', priority: 0, periodCycles: 4, deadlineCycles: 2, wcetCycles: 1 }),
    task({ name: 'b', priority: 1, periodCycles: 6, deadlineCycles: 4, wcetCycles: 2 }),
    task({ name: 'c', priority: 2, periodCycles: 12, deadlineCycles: 8, wcetCycles: 4 }),
  ]);

  it('finds the demand overflow at t = 10 although U < 1, and the schedule misses there', () => {
    expect(processorDemandCycles(tight, 8)).toBe(8);
    expect(processorDemandCycles(tight, 10)).toBe(11);
    expect(edfSchedulable(tight)).toBe(false);
    const sim = simulateResponses(tight.tasks, [0, 0, 0], 48, 'edf');
    expect(tight.tasks.some((t, i) => (sim.worst[i] ?? 0) > t.deadlineCycles)).toBe(true);
  });

  it('accepts the same set with c one unit shorter (h(10) = 10)', () => {
    const relaxed = taskSet(tight.tasks.map((t) => (t.name === 'c' ? { ...t, wcetCycles: 3, bcetCycles: 3, preemptibleCycles: 3 } : t)));
    expect(edfSchedulable(relaxed)).toBe(true);
  });
});

describe('SRP blocking under EDF (Baker 1991; Baruah 2006)', () => {
  // t1 (C 2, D = T 5) and t2 (C 5, D = T 10) share R; t2 holds it for `cs`. R's ceiling is t1's
  // level, so a job with deadline 5 can be blocked by t2's section; with deadline 10, nobody is left to block.
  const shared = (cs: number): TaskSetModel =>
    taskSet(
      [
        task({ name: 't1', priority: 0, periodCycles: 5, wcetCycles: 2, criticalSectionCycles: { R: 1 } }),
        task({ name: 't2', priority: 1, periodCycles: 10, wcetCycles: 5, criticalSectionCycles: { R: cs } }),
      ],
      [],
      0,
      { R: 'srp' },
    );

  it('charges the longest section of a longer-deadline task on a resource whose ceiling reaches the level', () => {
    expect(edfBlockingCycles(shared(3), 5)).toBe(3);
    expect(edfBlockingCycles(shared(3), 10)).toBe(0);
    // R_1 = B + C_1 = 3 + 2 = 5 <= 5; h(5) + B(5) = 2 + 3 = 5; h(10) + B(10) = 4 + 5 = 9.
    expect(edfWorstCase(shared(3), 0)).toEqual({ cycles: 5, exact: true });
    expect(edfSchedulable(shared(3))).toBe(true);
  });

  it('rejects the set once the section is one unit longer (h(5) + B(5) = 6 > 5)', () => {
    expect(edfSchedulable(shared(4))).toBe(false);
    expect(edfWorstCase(shared(4), 0).cycles).toBe(6);
  });

  it('ignores a resource only longer-deadline tasks use', () => {
    const private_ = taskSet(shared(3).tasks.map((t) => (t.name === 't1' ? { ...t, criticalSectionCycles: {} } : t)));
    expect(edfBlockingCycles(private_, 5)).toBe(0);
  });
});

describe('QPA against the reference scheduler on random small sets', () => {
  const PERIODS = [4, 5, 6, 8, 10, 12] as const;
  const setArb = fc
    .array(
      fc.record({ period: fc.constantFrom(...PERIODS), c: fc.integer({ min: 1, max: 4 }), d: fc.double({ min: 0, max: 1, noNaN: true }), th: fc.double({ min: 0, max: 1, noNaN: true }) }),
      { minLength: 1, maxLength: 4 },
    )
    .map((raw) =>
      raw
        .filter((r) => r.c <= r.period)
        .map((r, i) => task({ name: `t${i}`, priority: i, periodCycles: r.period, wcetCycles: r.c, deadlineCycles: r.c + Math.round(r.d * (r.period - r.c)), preemptibleCycles: Math.round(r.th * r.c) })),
    )
    .filter((tasks) => tasks.length > 0);

  it('is exact for fully preemptive sets with constrained or arbitrary deadlines: schedulable iff the synchronous schedule meets every deadline', () => {
    fc.assert(
      fc.property(setArb, fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), (tasks, stretch) => {
        // Some deadlines doubled past the period (D up to 2T: several jobs of a task in the busy period).
        const preemptive = taskSet(tasks.map((t, i) => ({ ...t, preemptibleCycles: t.wcetCycles, deadlineCycles: stretch[i] === true ? t.deadlineCycles + t.periodCycles : t.deadlineCycles })));
        // With U <= 1 the first busy period ends within the hyperperiod (120), so a miss shows before 2 * 120 + 24.
        fc.pre(preemptive.tasks.reduce((u, t) => u + t.wcetCycles / t.periodCycles, 0) <= 1);
        const sim = simulateResponses(preemptive.tasks, preemptive.tasks.map(() => 0), 2 * 120 + 12, 'edf');
        const met = preemptive.tasks.every((t, i) => (sim.worst[i] ?? 0) <= t.deadlineCycles);
        expect(edfSchedulable(preemptive)).toBe(met);
      }),
      { numRuns: 300 },
    );
  });

  it('is safe with final regions: a set it accepts meets every deadline from any release offsets', () => {
    fc.assert(
      fc.property(setArb, fc.array(fc.nat(11), { minLength: 4, maxLength: 4 }), (tasks, offsets) => {
        const m = taskSet(tasks);
        fc.pre(edfSchedulable(m));
        const sim = simulateResponses(m.tasks, m.tasks.map((t, i) => (offsets[i] ?? 0) % t.periodCycles), 3 * 120, 'edf');
        m.tasks.forEach((t, i) => expect(sim.worst[i] ?? 0).toBeLessThanOrEqual(t.deadlineCycles));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the exact test and the per-task bounds agree', () => {
  it('gives every task of a set QPA accepts a bound within its deadline (jitter, final regions, SRP)', () => {
    const arb = fc.array(
      fc.record({ period: fc.constantFrom(4, 5, 6, 8, 10, 12), c: fc.integer({ min: 1, max: 4 }), d: fc.double({ min: 0, max: 1, noNaN: true }), th: fc.double({ min: 0, max: 1, noNaN: true }), cs: fc.nat(3), uses: fc.boolean(), jitter: fc.nat(2) }),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(arb, (raw) => {
        const tasks = raw
          .filter((r) => r.c <= r.period)
          .map((r, i) =>
            task({ name: `t${i}`, priority: i, periodCycles: r.period, wcetCycles: r.c, deadlineCycles: r.c + Math.round(r.d * (2 * r.period - r.c)), preemptibleCycles: Math.round(r.th * r.c), releaseJitterCycles: r.jitter, criticalSectionCycles: r.uses ? { R: Math.min(r.cs, r.c) } : {} }),
          );
        fc.pre(tasks.length > 0);
        const m = taskSet(tasks, [], 0, { R: 'srp' });
        fc.pre(edfSchedulable(m));
        m.tasks.forEach((t, i) => expect(edfWorstCase(m, i).cycles).toBeLessThanOrEqual(t.deadlineCycles));
      }),
      { numRuns: 1000 },
    );
  });
});
