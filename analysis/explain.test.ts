import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getTarget } from '../hardware/targets/index.ts';
import { ProfileLimitError } from '../kernels/core/validate.ts';
import { allProfiles } from '../kernels/registry.ts';
import { systemModel } from '../kernels/system-model.ts';
import { paperPayloadWorkload, paperTaskCountWorkload } from '../workloads/generators/paper-sweeps.ts';
import { loadWorkload } from '../workloads/load.ts';
import { analyzeWorkload } from './analyze.ts';
import { edfWorstCaseCycles } from './edf.ts';
import { explainedTotal } from './explain.ts';
import { fpWorstCaseCycles } from './fp.ts';
import { modelFromWorkload } from './from-workload.ts';
import { task, taskSet, type TaskSetModel } from './model.ts';
import { edfResponseTerms, fpResponseTerms, termsTotal } from './response-terms.ts';

describe('the terms of a worst-case response time', () => {
  it('gives Burns and Wellings task c its published terms: 5 + 3 jobs of a x 3 + 2 jobs of b x 3 = 20', () => {
    const set = taskSet([task({ name: 'a', priority: 0, periodCycles: 7, wcetCycles: 3 }), task({ name: 'b', priority: 1, periodCycles: 12, wcetCycles: 3 }), task({ name: 'c', priority: 2, periodCycles: 20, wcetCycles: 5 })]);
    const terms = fpResponseTerms(set, 2);
    expect(terms).toMatchObject({ ownCycles: 5, earlierOwnJobs: 0, offsetCycles: 0, jitterCycles: 0, wcrtCycles: 20 });
    expect(terms?.interference).toEqual([
      { name: 'a', kind: 'task', jobs: 3, costCycles: 3, cycles: 9 },
      { name: 'b', kind: 'task', jobs: 2, costCycles: 3, cycles: 6 },
    ]);
  });

  it('names the task and mutex that block: the meter pulse task waits for metering-read in energy-registers', () => {
    // Hand derivation in analyze.test.ts: R = 2000 (metering-read's section) + 800 + 40 + 80 (one of each ISR).
    const report = analyzeWorkload(loadWorkload('meter'), { policy: 'fp' });
    const pulse = report.tasks[0]?.explanation;
    expect(pulse?.ownExecutionCycles).toBe(800);
    expect(pulse?.blocking).toEqual([{ kind: 'critical-section', task: 'metering-read', mutex: 'energy-registers', cycles: 2000 }]);
    expect(pulse?.interrupts.map((l) => l.cycles).sort((x, y) => x - y)).toEqual([40, 80]);
    expect(pulse === undefined || pulse === null ? 0 : explainedTotal(pulse)).toBe(2920);
  });

  // Random sets in the style of properties.test.ts, with thresholds, final regions, jitter, an interrupt and a mutex.
  const setArb = fc
    .array(
      fc.record({ period: fc.constantFrom(4, 5, 6, 8, 10, 12, 30), c: fc.integer({ min: 1, max: 4 }), th: fc.double({ min: 0, max: 1, noNaN: true }), up: fc.nat(2), jitter: fc.nat(3), d: fc.double({ min: 0, max: 1, noNaN: true }), cs: fc.nat(2) }),
      { minLength: 1, maxLength: 5 },
    )
    .chain((raw) =>
      fc.boolean().map((irq): TaskSetModel =>
        taskSet(
          raw.map((r, i) =>
            task({
              name: `t${i}`,
              priority: i,
              thresholdPriority: Math.max(0, i - r.up),
              periodCycles: r.period,
              wcetCycles: r.c,
              preemptibleCycles: Math.round(r.th * r.c),
              releaseJitterCycles: r.jitter,
              deadlineCycles: r.c + Math.round(r.d * (2 * r.period - r.c)),
              criticalSectionCycles: r.cs > 0 ? { m: Math.min(r.cs, r.c) } : {},
            }),
          ),
          irq ? [{ name: 'irq', periodCycles: 9, costCycles: 1, bestCostCycles: 1, releaseJitterCycles: 0, strictlyPeriodic: true }] : [],
          1,
        ),
      ),
    );

  it('sums exactly to the fixed-priority WCRT on random sets, each source counted as jobs x cost', () => {
    fc.assert(
      fc.property(setArb, (m) => {
        m.tasks.forEach((_, i) => {
          const terms = fpResponseTerms(m, i);
          const wcrt = fpWorstCaseCycles(m, i);
          if (terms === undefined) return expect(wcrt).toBe(Infinity);
          expect(termsTotal(terms)).toBe(wcrt);
          for (const s of terms.interference) expect(s.cycles).toBe(s.jobs * s.costCycles);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('sums exactly to the EDF WCRT at the critical instant on random sets, where the exact analysis answers', () => {
    fc.assert(
      fc.property(setArb, (m) => {
        m.tasks.forEach((_, i) => {
          const terms = edfResponseTerms(m, i);
          if (terms !== undefined) expect(termsTotal(terms)).toBe(edfWorstCaseCycles(m, i));
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('explained bounds of the paper sets on every profile', () => {
  const avr = getTarget('avr');
  const workloads = [...[1, 4, 8].map(paperTaskCountWorkload), ...[0.1, 0.5, 0.8].map((payload) => paperPayloadWorkload(payload))];

  it('splits each overhead-aware WCRT into terms that sum to it, own execution being the workload\'s own worst case', () => {
    let explained = 0;
    for (const workload of workloads) {
      const bare = modelFromWorkload(workload, avr).model;
      for (const profile of allProfiles()) {
        let system;
        try {
          system = systemModel(profile, avr, workload);
        } catch (e) {
          // WORIX and iDCX have too few priorities for 7 or 8 tasks: nothing to explain there.
          if (e instanceof ProfileLimitError) continue;
          throw e;
        }
        const report = analyzeWorkload(workload, { system });
        report.tasks.forEach((row, i) => {
          const e = row.explanation;
          if (e === null) return;
          explained++;
          expect(explainedTotal(e)).toBe(row.wcrtCycles);
          expect(e.ownExecutionCycles).toBe(bare.tasks[i]?.wcetCycles);
          // Every job counted (its own, its earlier ones, each interfering one) pays two switches.
          const jobs = 1 + e.earlierOwnJobs + e.interference.reduce((n, s) => n + s.jobs, 0);
          expect(e.kernel.switchCycles).toBe(jobs * 2 * system.overheads.switchCycles);
        });
      }
    }
    expect(explained).toBeGreaterThan(50);
  });

  it('leaves the explanations out when asked, and the bounds as they were', () => {
    const workload = loadWorkload('meter');
    const full = analyzeWorkload(workload, { policy: 'fp' });
    const bare = analyzeWorkload(workload, { policy: 'fp', explain: false });
    expect(full.tasks.some((t) => t.explanation !== null)).toBe(true);
    expect(bare.tasks.every((t) => t.explanation === null)).toBe(true);
    expect(bare).toEqual({ ...full, tasks: full.tasks.map((t) => ({ ...t, explanation: null })) });
  });
});
