import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { edfBestCaseCycles, fpBestCaseCycles } from './best-case.ts';
import { edfWorstCaseCycles } from './edf.ts';
import { fpWorstCaseCycles } from './fp.ts';
import { task, taskSet, type AnalysisTask, type InterruptLoad, type TaskSetModel } from './model.ts';
import { simulateResponses } from './reference-schedule.ts';

/*
 * Properties of the corrected analyses, checked against the cycle-by-cycle reference scheduler on
 * small strictly periodic sets (periods with a hyperperiod of at most 120 cycles).
 */

const PERIODS = [4, 5, 6, 8, 10, 12] as const;
const HYPERPERIOD = 120;

/** A random task: priority by position (distinct), a final region and a threshold within range, an offset. */
const taskArb = fc
  .record({
    period: fc.constantFrom(...PERIODS),
    c: fc.integer({ min: 1, max: 4 }),
    thFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    thresholdUp: fc.nat(3),
    dFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    offset: fc.nat(11),
    sharesPriority: fc.boolean(),
  })
  .filter((r) => r.c <= r.period);

/** Tasks in priority order; a task may share its predecessor's priority (ties go to the earlier release). */
const setArb = fc.array(taskArb, { minLength: 1, maxLength: 4 }).map((raw) => {
  let priority = -1;
  return raw.map((r, i) => {
    priority = r.sharesPriority && i > 0 ? priority : priority + 1;
    return {
      offset: r.offset % r.period,
      task: task({
        name: `t${i}`,
        priority,
        thresholdPriority: Math.max(0, priority - r.thresholdUp),
        periodCycles: r.period,
        wcetCycles: r.c,
        preemptibleCycles: Math.round(r.thFraction * r.c),
        deadlineCycles: r.c + Math.round(r.dFraction * (2 * r.period - r.c)), // constrained and arbitrary (D up to 2T)
      }),
    };
  });
});

const model = (items: readonly { task: AnalysisTask }[]): TaskSetModel => taskSet(items.map((x) => x.task));

/** Zero or one interrupt load of 1 cycle, with its offset. */
const irqArb = fc.option(fc.record({ period: fc.constantFrom(...PERIODS), offset: fc.nat(11) }), { nil: undefined }).map((r) =>
  r === undefined ? [] : [{ offset: r.offset % r.period, load: { name: 'irq', periodCycles: r.period, costCycles: 1, bestCostCycles: 1, releaseJitterCycles: 0, strictlyPeriodic: true } satisfies InterruptLoad }],
);
const fpAll = (m: TaskSetModel): number[] => m.tasks.map((_, i) => fpWorstCaseCycles(m, i));
const edfAll = (m: TaskSetModel): number[] => m.tasks.map((_, i) => edfWorstCaseCycles(m, i));
const schedulable = (m: TaskSetModel, wcrts: number[]): boolean => wcrts.every((r, i) => r <= (m.tasks[i]?.deadlineCycles ?? 0));

/** Each policy's corrected bounds: the worst case, and the best case given the worst. */
const ANALYSES = [
  { name: 'fixed priority', policy: 'fp', worst: fpWorstCaseCycles, best: (m: TaskSetModel, i: number, wcrt: number) => fpBestCaseCycles(m, i, wcrt) },
  { name: 'EDF', policy: 'edf', worst: edfWorstCaseCycles, best: (m: TaskSetModel, i: number) => edfBestCaseCycles(m, i) },
] as const;

describe('the corrected bounds hold against the reference scheduler, with and without an interrupt load', () => {
  for (const { name, policy, worst, best } of ANALYSES) {
    it(`${name}: no simulated response exceeds the worst case or undercuts the best case`, () => {
      fc.assert(
        fc.property(setArb, irqArb, (items, irqs) => {
          const m = taskSet(items.map((x) => x.task), irqs.map((x) => x.load));
          const sim = simulateResponses(m.tasks, items.map((x) => x.offset), 3 * HYPERPERIOD, policy, m.interrupts, irqs.map((x) => x.offset));
          m.tasks.forEach((_, i) => {
            const wcrt = worst(m, i);
            expect(sim.worst[i] ?? 0).toBeLessThanOrEqual(wcrt);
            if (Number.isFinite(sim.best[i] ?? Infinity)) expect(best(m, i, wcrt)).toBeLessThanOrEqual(sim.best[i] ?? 0);
          });
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('structural properties of the corrected bounds', () => {
  const grow = fc.tuple(setArb, fc.nat());

  it('never shrink when one task executes longer (fp and edf)', () => {
    fc.assert(
      fc.property(grow, ([items, pick]) => {
        const m = model(items);
        const k = pick % m.tasks.length;
        const bigger = taskSet(m.tasks.map((t, i) => (i === k ? { ...t, wcetCycles: t.wcetCycles + 1, bcetCycles: t.bcetCycles + 1 } : t)));
        const [fpBefore, fpAfter, edfBefore, edfAfter] = [fpAll(m), fpAll(bigger), edfAll(m), edfAll(bigger)];
        m.tasks.forEach((_, i) => {
          expect(fpAfter[i]).toBeGreaterThanOrEqual(fpBefore[i] ?? 0);
          expect(edfAfter[i]).toBeGreaterThanOrEqual(edfBefore[i] ?? 0);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('keep a schedulable set schedulable when a task is removed (fp and edf)', () => {
    fc.assert(
      fc.property(grow, ([items, pick]) => {
        const m = model(items);
        const k = pick % m.tasks.length;
        const fewer = taskSet(m.tasks.filter((_, i) => i !== k));
        if (schedulable(m, fpAll(m))) expect(schedulable(fewer, fpAll(fewer))).toBe(true);
        if (schedulable(m, edfAll(m))) expect(schedulable(fewer, edfAll(fewer))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never call a set with utilisation above 1 schedulable (fp and edf)', () => {
    fc.assert(
      fc.property(setArb, (items) => {
        const m = model(items);
        const u = m.tasks.reduce((s, t) => s + t.wcetCycles / t.periodCycles, 0);
        fc.pre(u > 1);
        expect(schedulable(m, fpAll(m))).toBe(false);
        expect(schedulable(m, edfAll(m))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
