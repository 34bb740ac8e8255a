import { describe, expect, it } from 'vitest';
import { correctedBounds } from './corrected.ts';
import { fpWorstCaseCycles } from './fp.ts';
import { task, taskSet } from './model.ts';

describe('corrected bounds: jobs run back to back on a kernel that does not reschedule between them', () => {
  // hi (C 10, T 100) above lo (C 60, T 50): lo's worst case is past its period, so a late job of lo
  // may be followed at once by the next. Fully non-preemptive (preemptible part 0).
  const hi = task({ name: 'hi', priority: 0, periodCycles: 100, wcetCycles: 10, preemptibleCycles: 0 });
  const lo = task({ name: 'lo', priority: 1, periodCycles: 50, wcetCycles: 60, preemptibleCycles: 0 });

  it('keeps the one-job blocking bound where the kernel reschedules between jobs', () => {
    // hi: blocked by lo's job less one unit (59), then its own 10: 69.
    const set = taskSet([hi, lo]);
    expect(fpWorstCaseCycles(set, 0)).toBe(69);
    expect(correctedBounds(set, 'fp')[0]?.wcrtCycles).toBe(69);
  });

  it('leaves unbounded a task that a late back-to-back task can block, naming it', () => {
    const bounds = correctedBounds(taskSet([hi, { ...lo, jobsBackToBack: true }]), 'fp');
    expect(bounds[0]).toMatchObject({ name: 'hi', wcrtCycles: Infinity, jitterCycles: Infinity, blockedBackToBackBy: 'lo' });
  });

  it('leaves unbounded every task above a late one, whatever sits between, and spares the tasks none can block', () => {
    // top (T 1000) above mid (T 1000, C 10) above lo: lo blocks both. Without lo, top and mid are in
    // time and keep their one-job bounds: top 5 + (10 - 1), mid 10 + 5.
    const top = task({ name: 'top', priority: 0, periodCycles: 1000, wcetCycles: 5, preemptibleCycles: 0, jobsBackToBack: true });
    const mid = task({ name: 'mid', priority: 1, periodCycles: 1000, wcetCycles: 10, preemptibleCycles: 0, jobsBackToBack: true });
    const bounds = correctedBounds(taskSet([top, mid, { ...lo, priority: 2, jobsBackToBack: true }]), 'fp');
    expect(bounds.map((b) => b.blockedBackToBackBy)).toEqual(['lo', 'lo', undefined]);
    expect(correctedBounds(taskSet([top, mid]), 'fp').map((b) => b.wcrtCycles)).toEqual([5 + 9, 10 + 5]);
  });

  it('under EDF, leaves unbounded the tasks whose deadline is earlier than the late task\'s', () => {
    // a (C 5, T 100, D 20) and b (C 46, T 50, D 100), U = 0.97: b's worst case is 46 + 5 = 51, past
    // its period; a's counts one job of b, less one unit, as blocking: 45 + 5 = 50.
    const a = task({ name: 'a', priority: 0, periodCycles: 100, deadlineCycles: 20, wcetCycles: 5, preemptibleCycles: 0 });
    const b = task({ name: 'b', priority: 1, periodCycles: 50, deadlineCycles: 100, wcetCycles: 46, preemptibleCycles: 0 });
    expect(correctedBounds(taskSet([a, b]), 'edf').map((x) => x.wcrtCycles)).toEqual([50, 51]);
    const backToBack = correctedBounds(taskSet([a, { ...b, jobsBackToBack: true }]), 'edf');
    expect(backToBack.map((x) => x.wcrtCycles)).toEqual([Infinity, 51]);
    expect(backToBack[0]?.blockedBackToBackBy).toBe('b');
  });
});

describe('corrected bounds: the best case counts only interferers that keep their period', () => {
  it('under EDF leaves out a task that can still run at its next arrival (overload): its releases may be lost or late', () => {
    // j (C 995, T = D 1000) and an ISR (100 every 1000) need 1.095 of the CPU: j's worst case is
    // unbounded, so a post can find its last job pending and be lost. i (C 2094, D 19100) then
    // certainly meets only the ISR: upward from 2094, f(2094) = 2094 + (ceil(2094/1000) - 1) 100 =
    // 2294 = f(2294). Counting j's jobs in the first D_i - D_j = 18100 cycles of the window as
    // certain gave 22204, above what an overloaded kernel ran (20358 cycles on the ideal machine).
    const irq = { name: 'irq', periodCycles: 1000, costCycles: 100, bestCostCycles: 100, releaseJitterCycles: 0, strictlyPeriodic: true };
    const set = taskSet([task({ name: 'j', priority: 0, periodCycles: 1000, wcetCycles: 995 }), task({ name: 'i', priority: 1, periodCycles: 19_100, wcetCycles: 2094 })], [irq]);
    const [j, i] = correctedBounds(set, 'edf');
    expect(j?.wcrtCycles).toBe(Infinity);
    expect(i?.bcrtCycles).toBe(2294);
  });

  it('keeps counting a task whose worst case stays below its period', () => {
    // j (C 300, T 1000) alone above i (C 2000): WCRT of j 300 < 1000. Best case of i under FP, down
    // from its WCRT (2000 + ceil(R/1000) 300: 2600 -> 2900 -> 2900): f(2900) = 2000 + (3 - 1) 300 =
    // 2600, f(2600) = 2600.
    const set = taskSet([task({ name: 'j', priority: 0, periodCycles: 1000, wcetCycles: 300 }), task({ name: 'i', priority: 1, periodCycles: 10_000, wcetCycles: 2000 })]);
    expect(correctedBounds(set, 'fp')[1]?.bcrtCycles).toBe(2600);
  });
});
