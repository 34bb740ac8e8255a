import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { edfWorstCaseCycles } from './edf.ts';
import { fpBlockingCycles, fpWorstCaseCycles } from './fp.ts';
import { task, taskSet, type MutexProtocol } from './model.ts';
import { simulateResponses } from './reference-schedule.ts';

describe('priority inheritance blocking (Sha, Rajkumar and Lehoczky 1990)', () => {
  // The repro of issue 8: H (priority 0) locks m1 then m2, 1 cycle each; M1 holds m1 for 10 cycles,
  // M2 holds m2 for 10 cycles, both less urgent than H.
  const repro = (protocol: MutexProtocol) =>
    taskSet(
      [
        task({ name: 'H', priority: 0, periodCycles: 100, wcetCycles: 2, criticalSectionCycles: { m1: 1, m2: 1 } }),
        task({ name: 'M1', priority: 1, periodCycles: 200, wcetCycles: 12, criticalSectionCycles: { m1: 10 } }),
        task({ name: 'M2', priority: 2, periodCycles: 300, wcetCycles: 12, criticalSectionCycles: { m2: 10 } }),
      ],
      [],
      0,
      { m1: protocol, m2: protocol },
    );

  it('blocks H once per lower job under inheritance: 10 + 10 = 20, not the ceiling protocol 10 (issue 8 repro)', () => {
    // Inheritance: M2 locks m2 and is preempted by M1, which locks m1; H arrives, runs, asks for m1
    // (M1 runs 10 at H's priority), then for m2 (M2 runs 10). By job: 10 + 10; by mutex: 10 + 10; B = 20.
    expect(fpBlockingCycles(repro('inheritance'), 0)).toBe(20);
    expect(fpWorstCaseCycles(repro('inheritance'), 0)).toBe(22);
    // Ceiling: M1 or M2 can hold its mutex (at ceiling 0) when H arrives, not both: B = 10, R = 12.
    expect(fpBlockingCycles(repro('ceiling'), 0)).toBe(10);
    expect(fpWorstCaseCycles(repro('ceiling'), 0)).toBe(12);
    // A model that names no protocol keeps the ceiling protocol.
    expect(fpBlockingCycles(taskSet(repro('ceiling').tasks), 0)).toBe(10);
  });

  it('takes the smaller of the two sums: once per mutex when one lower job holds two', () => {
    // One lower job L uses m1 (10) and m2 (8), H uses both. By job: max(10, 8) = 10 (L blocks once);
    // by mutex: 10 + 8 = 18. B = 10.
    const oneHolder = taskSet(
      [
        task({ name: 'H', priority: 0, periodCycles: 100, wcetCycles: 2, criticalSectionCycles: { m1: 1, m2: 1 } }),
        task({ name: 'L', priority: 1, periodCycles: 200, wcetCycles: 20, criticalSectionCycles: { m1: 10, m2: 8 } }),
      ],
      [],
      0,
      { m1: 'inheritance', m2: 'inheritance' },
    );
    expect(fpBlockingCycles(oneHolder, 0)).toBe(10);
    // Two lower jobs on one mutex: by job 10 + 7 = 17, by mutex max(10, 7) = 10. B = 10.
    const oneMutex = taskSet(
      [
        task({ name: 'H', priority: 0, periodCycles: 100, wcetCycles: 1, criticalSectionCycles: { m: 1 } }),
        task({ name: 'L1', priority: 1, periodCycles: 200, wcetCycles: 20, criticalSectionCycles: { m: 10 } }),
        task({ name: 'L2', priority: 2, periodCycles: 200, wcetCycles: 20, criticalSectionCycles: { m: 7 } }),
      ],
      [],
      0,
      { m: 'inheritance' },
    );
    expect(fpBlockingCycles(oneMutex, 0)).toBe(10);
  });

  it('charges push-through blocking to a middle task that uses no mutex', () => {
    // L holds m (12) and inherits H's priority when H waits for it: M, between them, waits too.
    const set = taskSet(
      [
        task({ name: 'H', priority: 0, periodCycles: 100, wcetCycles: 2, criticalSectionCycles: { m: 1 } }),
        task({ name: 'M', priority: 1, periodCycles: 100, wcetCycles: 5 }),
        task({ name: 'L', priority: 2, periodCycles: 200, wcetCycles: 20, criticalSectionCycles: { m: 12 } }),
      ],
      [],
      0,
      { m: 'inheritance' },
    );
    expect(fpBlockingCycles(set, 1)).toBe(12);
    expect(fpBlockingCycles(set, 2)).toBe(0);
  });

  it('counts a holder that cannot be preempted once started only once, as non-preemptive blocking', () => {
    // L is fully non-preemptive (TH = 0): it never holds m while H runs, so only its C - 1 = 19 blocks.
    const set = taskSet(
      [
        task({ name: 'H', priority: 0, periodCycles: 100, wcetCycles: 2, criticalSectionCycles: { m: 1 } }),
        task({ name: 'L', priority: 1, periodCycles: 200, wcetCycles: 20, preemptibleCycles: 0, criticalSectionCycles: { m: 12 } }),
      ],
      [],
      0,
      { m: 'inheritance' },
    );
    expect(fpBlockingCycles(set, 0)).toBe(19);
  });

  it('adds the final region a holder may run into after its section, bounded by its whole job', () => {
    // L: C 20, TH 15 (final region 5), m held 4: L has run at least one unit of the section before
    // H waits for it, then may run on to the end of its final region: 3 + 5 = 8.
    const set = taskSet(
      [
        task({ name: 'H', priority: 0, periodCycles: 100, wcetCycles: 2, criticalSectionCycles: { m: 1 } }),
        task({ name: 'L', priority: 1, periodCycles: 200, wcetCycles: 20, preemptibleCycles: 15, criticalSectionCycles: { m: 4 } }),
      ],
      [],
      0,
      { m: 'inheritance' },
    );
    // One-shot: the final region, 5 - 1 = 4; inheritance: 8. B = 4 + 8 = 12 (safe: they cannot both occur, but each can).
    expect(fpBlockingCycles(set, 0)).toBe(12);
  });
});

describe('non-preemptive final regions: one reading of integer time (Bril, Lukkien and Verhaegh 2009)', () => {
  it('blocks by C_j - 1 when the lower task is wholly non-preemptive (TH = 0), exactly as scheduled', () => {
    // H (C 2, T 20), L (C 6, T 30, TH 0). H released one unit after L starts finds 5 units left:
    // R_H = 5 + 2 = 7. Released at the same instant L would start, H is seen first and runs first.
    const set = taskSet([
      task({ name: 'H', priority: 0, periodCycles: 20, wcetCycles: 2 }),
      task({ name: 'L', priority: 1, periodCycles: 30, wcetCycles: 6, preemptibleCycles: 0 }),
    ]);
    expect(fpBlockingCycles(set, 0)).toBe(5);
    expect(fpWorstCaseCycles(set, 0)).toBe(7);
    expect(edfWorstCaseCycles(set, 0)).toBe(7);
    let worst = 0;
    for (let offset = 0; offset < 20; offset++) worst = Math.max(worst, simulateResponses(set.tasks, [offset, 0], 120, 'fp').worst[0] ?? 0);
    expect(worst).toBe(7);
    expect(simulateResponses(set.tasks, [0, 0], 120, 'fp').worst[0]).toBe(2);
  });

  it('bounds the most urgent task exactly with one lower task in any final region (property)', () => {
    // With T_H >= C_L + C_H the lower job can always reach its region undisturbed, so the bound
    // max(F_L - 1, 0) + C_H is reached by some release offset of H.
    const arb = fc
      .record({ ch: fc.integer({ min: 1, max: 3 }), cl: fc.integer({ min: 1, max: 6 }), th: fc.nat(6), extra: fc.nat(4), tl: fc.integer({ min: 7, max: 14 }) })
      .map((r) => ({ ...r, th: Math.min(r.th, r.cl), th_: r.ch + r.cl + r.extra }));
    fc.assert(
      fc.property(arb, (r) => {
        const set = taskSet([
          task({ name: 'H', priority: 0, periodCycles: r.th_, wcetCycles: r.ch }),
          task({ name: 'L', priority: 1, periodCycles: r.tl, wcetCycles: r.cl, preemptibleCycles: r.th }),
        ]);
        const bound = fpWorstCaseCycles(set, 0);
        let worst = 0;
        for (let offset = 0; offset < r.th_; offset++) worst = Math.max(worst, simulateResponses(set.tasks, [offset, 0], 4 * r.th_ * r.tl, 'fp').worst[0] ?? 0);
        expect(bound).toBe(Math.max(r.cl - r.th - 1, 0) + r.ch);
        expect(worst).toBe(bound);
      }),
      { numRuns: 150 },
    );
  });
});

describe('a blocker whose job can start after the blocked job has arrived (startsAfterArrivals)', () => {
  // H (priority 0, C 10) and L (priority 1, C 50), both periodic 200 unless said otherwise.
  const withL = (l: Partial<Parameters<typeof task>[0]>) =>
    taskSet([task({ name: 'H', priority: 0, periodCycles: 200, wcetCycles: 10 }), task({ name: 'L', priority: 1, periodCycles: 200, wcetCycles: 50, ...l })]);

  it('blocks for its whole non-preemptive job, C = 50, where a job started before the arrival leaves C - 1 = 49', () => {
    // Started one cycle before H's arrival at the latest, L has at most 49 cycles left; dispatched
    // at H's arrival (before H's release is processed), it has all 50.
    expect(fpBlockingCycles(withL({ preemptibleCycles: 0 }), 0)).toBe(49);
    expect(fpBlockingCycles(withL({ preemptibleCycles: 0, startsAfterArrivals: true }), 0)).toBe(50);
    // Shielded by a threshold at H's level, its whole job runs on once started: the same 50.
    expect(fpBlockingCycles(withL({ thresholdPriority: 0, startsAfterArrivals: true }), 0)).toBe(50);
  });

  it('keeps F - 1 for a final region behind a preemptible part: the release is processed before that part ends', () => {
    // 30 preemptible cycles, then a final region of 20: H's release preempts the first part, so the
    // region starts after it, as for any blocker: 20 - 1.
    expect(fpBlockingCycles(withL({ preemptibleCycles: 30, startsAfterArrivals: true }), 0)).toBe(19);
  });
});
