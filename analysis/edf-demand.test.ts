import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { edfBlockingByDeadline, edfBlockingCycles } from './edf-demand.ts';
import { task, taskSet } from './model.ts';

describe('edfBlockingByDeadline', () => {
  it('gives edfBlockingCycles at every deadline, whatever order the deadlines are asked in (SRP sections, final regions, tick keys, a kernel section)', () => {
    const arb = fc.record({
      tasks: fc.array(
        fc.record({ period: fc.integer({ min: 4, max: 40 }), c: fc.integer({ min: 1, max: 4 }), d: fc.integer({ min: 0, max: 30 }), key: fc.option(fc.integer({ min: 0, max: 10 })), th: fc.nat(4), cs: fc.nat(3), uses: fc.constantFrom('R', 'S', undefined) }),
        { minLength: 1, maxLength: 6 },
      ),
      kernel: fc.nat(3),
      deadlines: fc.array(fc.integer({ min: -5, max: 80 }), { minLength: 1, maxLength: 40 }),
    });
    fc.assert(
      fc.property(arb, ({ tasks, kernel, deadlines }) => {
        const model = taskSet(
          tasks.map((r, i) => {
            const deadline = r.c + r.d;
            return task({
              name: `t${i}`,
              priority: i,
              periodCycles: r.period,
              wcetCycles: r.c,
              deadlineCycles: deadline,
              // A tick kernel's key rounds the deadline up: equal keys for different deadlines.
              ...(r.key === null ? {} : { edfKeyDeadlineCycles: deadline + r.key }),
              preemptibleCycles: Math.min(r.th, r.c),
              criticalSectionCycles: r.uses === undefined ? {} : { [r.uses]: Math.min(r.cs, r.c) },
            });
          }),
          [],
          kernel,
          { R: 'srp', S: 'srp' },
        );
        const cached = edfBlockingByDeadline(model);
        for (const d of deadlines) expect(cached(d)).toBe(edfBlockingCycles(model, d));
      }),
      { numRuns: 500 },
    );
  });
});

describe('edfBlockingCycles with release jitter', () => {
  it('guards a mutex of a task whose jittered job can carry a deadline inside the window, though its relative deadline is longer', () => {
    // hi (D 2500) uses no mutex; mid (D 3700, jitter 1837) and lo (D 5900, a 511-cycle section)
    // share m1. For a job with deadline 2500 after the busy period starts, mid's job released at 0
    // may have arrived 1837 earlier: its deadline 3700 - 1837 = 1863 <= 2500, so it is ahead of the
    // job and waits for lo's section of m1: blocking 511. Without jitter mid's deadline is 3700, past
    // 2500, and m1 blocks nothing.
    const hi = task({ name: 'hi', priority: 0, periodCycles: 2500, wcetCycles: 92 });
    const lo = task({ name: 'lo', priority: 2, periodCycles: 5900, wcetCycles: 1369, criticalSectionCycles: { m1: 511 } });
    const mid = task({ name: 'mid', priority: 1, periodCycles: 3700, wcetCycles: 687, criticalSectionCycles: { m1: 122 } });
    const mutexProtocols = { m1: 'srp' } as const;
    expect(edfBlockingCycles(taskSet([hi, { ...mid, releaseJitterCycles: 1837 }, lo], [], 0, mutexProtocols), 2500)).toBe(511);
    expect(edfBlockingCycles(taskSet([hi, mid, lo], [], 0, mutexProtocols), 2500)).toBe(0);
  });
});
