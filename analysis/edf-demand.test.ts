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
