import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SegmentPlan } from './structures.ts';

/** One call on a plan: a part (`add`) or a walk step (`addStep`: unmasked then masked). */
type Call = { readonly kind: 'add'; readonly cycles: number; readonly masked: boolean } | { readonly kind: 'step'; readonly unmasked: number; readonly masked: number };

/** Cycles as a walk produces them, zero included (the ideal target prices every block at 0). */
const cycles = fc.integer({ min: 0, max: 50 });
const call: fc.Arbitrary<Call> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), cycles, masked: fc.boolean() }),
  fc.record({ kind: fc.constant('step' as const), unmasked: cycles, masked: cycles }),
);

/** The plan's parts and total as plain data. */
function contents(plan: SegmentPlan): unknown {
  return { cycles: plan.cycles.slice(0, plan.length), masked: plan.masked.slice(0, plan.length), total: plan.total() };
}

/** The plan built from `calls`, each step written as `addStep` or, by hand, as its two `add`s. */
function build(calls: readonly Call[], allMasked: boolean, steps: 'addStep' | 'two adds'): SegmentPlan {
  const plan = new SegmentPlan();
  plan.reset(allMasked);
  for (const c of calls) {
    if (c.kind === 'add') plan.add(c.cycles, c.masked);
    else if (steps === 'addStep') plan.addStep(c.unmasked, c.masked);
    else {
      plan.add(c.unmasked, false);
      plan.add(c.masked, true);
    }
  }
  return plan;
}

describe('SegmentPlan', () => {
  it('plans a walk step exactly as its unmasked and masked parts added one by one', () => {
    fc.assert(
      fc.property(fc.array(call, { maxLength: 30 }), fc.boolean(), (calls, allMasked) => {
        expect(contents(build(calls, allMasked, 'addStep'))).toEqual(contents(build(calls, allMasked, 'two adds')));
      }),
    );
  });

  it('is a mask schedule by construction: every part has cycles and the masks alternate', () => {
    fc.assert(
      fc.property(fc.array(call, { maxLength: 30 }), (calls) => {
        const plan = build(calls, false, 'addStep');
        for (let i = 0; i < plan.length; i++) {
          expect(plan.cycles[i]).toBeGreaterThan(0);
          if (i > 0) expect(plan.masked[i]).not.toBe(plan.masked[i - 1]);
        }
      }),
    );
  });

  it('is empty after handing its parts over, and plans the next into the spare array', () => {
    const plan = new SegmentPlan();
    plan.add(3, true);
    plan.addStep(2, 5);
    const spare = [7, 7, 7, 7];
    const taken = plan.handOver(spare);
    expect(taken.slice(0, 3)).toEqual([3, 2, 5]);
    expect(plan.length).toBe(0);
    expect(plan.total()).toBe(0);
    plan.add(4, false);
    expect(plan.cycles).toBe(spare);
    expect(contents(plan)).toEqual({ cycles: [4], masked: [false], total: 4 });
    expect(taken.slice(0, 3)).toEqual([3, 2, 5]);
  });
});
