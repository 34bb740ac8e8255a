import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { edfWorstCaseCycles } from './edf.ts';
import { fpWorstCaseCycles } from './fp.ts';
import { task, taskSet, type MutexProtocol } from './model.ts';
import { simulateWithLocks, type LockingTask, type Section } from './reference-locks.ts';

/*
 * The blocking terms against a reference scheduler that really locks: priority ceiling and
 * inheritance under fixed priorities, SRP under EDF, with final non-preemptive regions.
 */

const PERIODS = [4, 5, 6, 8, 10, 12] as const;
const MUTEXES = ['m1', 'm2'] as const;

/** Up to two non-overlapping sections inside a job of `c` units, on different mutexes. */
const sectionsArb = (c: number) =>
  fc.record({ use: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }), cuts: fc.array(fc.nat(c), { minLength: 4, maxLength: 4 }) }).map(({ use, cuts }) => {
    const points = [...cuts].sort((a, b) => a - b);
    const sections: Section[] = [];
    MUTEXES.forEach((mutex, k) => {
      const start = points[2 * k] ?? 0;
      const end = points[2 * k + 1] ?? 0;
      if (use[k] === true && end > start) sections.push({ mutex, start, length: end - start });
    });
    return sections;
  });

const taskArb = fc
  .record({ period: fc.constantFrom(...PERIODS), c: fc.integer({ min: 1, max: 5 }), region: fc.nat(5), d: fc.double({ min: 0, max: 1, noNaN: true }), offset: fc.nat(11) })
  .filter((r) => r.c <= r.period)
  .chain((r) => sectionsArb(r.c).map((sections) => ({ ...r, sections })));

const setArb = (policy: 'fp' | 'edf') =>
  fc.record({
    raw: fc.array(taskArb, { minLength: 2, maxLength: 4 }),
    protocols: policy === 'edf' ? fc.constant({ m1: 'srp', m2: 'srp' } as Record<string, MutexProtocol>) : fc.record({ m1: fc.constantFrom<MutexProtocol>('ceiling', 'inheritance'), m2: fc.constantFrom<MutexProtocol>('ceiling', 'inheritance') }),
  });

/** Tasks in priority order; under inheritance a section ends before the final region (a job does not wait with the scheduler locked). */
function build(raw: readonly { period: number; c: number; region: number; d: number; sections: readonly Section[] }[], protocols: Readonly<Record<string, MutexProtocol>>): LockingTask[] {
  return raw.map((r, i) => {
    const inheritedEnd = Math.max(0, ...r.sections.filter((s) => protocols[s.mutex] === 'inheritance').map((s) => s.start + s.length));
    const region = Math.min(r.region, r.c - inheritedEnd);
    const criticalSectionCycles: Record<string, number> = {};
    for (const s of r.sections) criticalSectionCycles[s.mutex] = s.length;
    return {
      task: task({ name: `t${i}`, priority: i, periodCycles: r.period, wcetCycles: r.c, preemptibleCycles: r.c - region, deadlineCycles: r.c + Math.round(r.d * (2 * r.period - r.c)), criticalSectionCycles }),
      sections: r.sections,
    };
  });
}

describe('blocking with real locks: no simulated response exceeds the bound', () => {
  for (const policy of ['fp', 'edf'] as const) {
    it(`${policy === 'fp' ? 'fixed priority, ceiling and inheritance' : 'EDF with SRP'}, with final regions`, () => {
      fc.assert(
        fc.property(setArb(policy), ({ raw, protocols }) => {
          const tasks = build(raw, protocols);
          const model = taskSet(tasks.map((t) => t.task), [], 0, protocols);
          const sim = simulateWithLocks(tasks, raw.map((r) => r.offset % r.period), 3 * 120, policy, protocols);
          tasks.forEach((_, i) => {
            const bound = policy === 'fp' ? fpWorstCaseCycles(model, i) : edfWorstCaseCycles(model, i);
            expect(sim[i] ?? 0).toBeLessThanOrEqual(bound);
          });
        }),
        { numRuns: 2000 },
      );
    });
  }

  it('charges a ceiling section that runs into the final region up to the end of the job', () => {
    // L (C 10, TH 5) locks m at unit 3 for 3 units: holding m (ceiling 0) it passes TH and then runs
    // non-preemptively to its end. H released one unit after the lock waits 6 units: response 7.
    // Bound: B = max(cs, min(C - 1, cs - 1 + F)) = max(3, min(9, 7)) = 7, R = 8; max(cs, F - 1) = 4 was unsafe.
    const H = task({ name: 'H', priority: 0, periodCycles: 20, wcetCycles: 1, criticalSectionCycles: { m: 1 } });
    const L = task({ name: 'L', priority: 1, periodCycles: 20, wcetCycles: 10, preemptibleCycles: 5, criticalSectionCycles: { m: 3 } });
    const tasks: LockingTask[] = [
      { task: H, sections: [{ mutex: 'm', start: 0, length: 1 }] },
      { task: L, sections: [{ mutex: 'm', start: 3, length: 3 }] },
    ];
    let worst = 0;
    for (let offset = 0; offset < 20; offset++) worst = Math.max(worst, simulateWithLocks(tasks, [offset, 0], 100, 'fp', { m: 'ceiling' })[0] ?? 0);
    expect(worst).toBe(7);
    expect(fpWorstCaseCycles(taskSet([H, L]), 0)).toBe(8);
  });

  it('reproduces the inheritance repro of issue 8: H waits for both lower sections', () => {
    // M2 locks m2 at 0 and is preempted at 1 by M1, which locks m1. H arrives at 2 and asks for m1 at
    // once: M1 runs its 9 units left at H's priority. H runs 1 unit in m1, asks for m2: M2 runs its 9
    // left. H ends after 9 + 9 + 2 = 20; the analysis charges whole sections, 10 + 10 + 2 = 22.
    const H = task({ name: 'H', priority: 0, periodCycles: 100, wcetCycles: 2, criticalSectionCycles: { m1: 1, m2: 1 } });
    const M1 = task({ name: 'M1', priority: 1, periodCycles: 100, wcetCycles: 10, criticalSectionCycles: { m1: 10 } });
    const M2 = task({ name: 'M2', priority: 2, periodCycles: 100, wcetCycles: 10, criticalSectionCycles: { m2: 10 } });
    const tasks: LockingTask[] = [
      { task: H, sections: [{ mutex: 'm1', start: 0, length: 1 }, { mutex: 'm2', start: 1, length: 1 }] },
      { task: M1, sections: [{ mutex: 'm1', start: 0, length: 10 }] },
      { task: M2, sections: [{ mutex: 'm2', start: 0, length: 10 }] },
    ];
    const inheritance = { m1: 'inheritance', m2: 'inheritance' } as const;
    expect(simulateWithLocks(tasks, [2, 1, 0], 100, 'fp', inheritance)[0]).toBe(2 + 9 + 9);
    expect(fpWorstCaseCycles(taskSet([H, M1, M2], [], 0, inheritance), 0)).toBe(22);
    // Under the ceiling protocol M1 cannot preempt M2 inside m2 (ceiling 0): H waits for one section only.
    expect(simulateWithLocks(tasks, [2, 1, 0], 100, 'fp', { m1: 'ceiling', m2: 'ceiling' })[0]).toBe(2 + 8);
  });
});
