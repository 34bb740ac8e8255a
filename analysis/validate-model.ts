import type { TaskSetModel } from './model.ts';

/*
 * Every quantity of a model must be a safe integer: past 2^53 - 1 (or for a fraction) the sums of
 * the response-time equations are rounded, and a period of 1e303 us once gave a worst case of 0
 * below a best case of 12.5 with "schedulable". Such a model is refused before any analysis.
 */

/** Throws naming `owner` and `field` unless `value` is a safe integer of at least `min`. */
function check(owner: string | (() => string), field: string, value: number, min: number): void {
  if (Number.isSafeInteger(value) && value >= min) return;
  const who = typeof owner === 'string' ? owner : owner();
  if (!Number.isSafeInteger(value)) throw new RangeError(`${who}: ${field} is ${value}, not a safe integer number of cycles (at most ${Number.MAX_SAFE_INTEGER})`);
  throw new RangeError(`${who}: ${field} is ${value}, below its minimum ${min}`);
}

/** Throws a RangeError naming the task (or interrupt load) and field of the first quantity that is not a safe integer in range. */
export function assertSafeModel(model: TaskSetModel): void {
  // Every analysis checks its model first, so the passing path builds no names or lists.
  for (const t of model.tasks) {
    const owner = (): string => `task "${t.name}"`;
    // Priorities are ranks, not cycles: a kernel model may place a level between two others (x.5).
    if (!Number.isFinite(t.priority)) throw new RangeError(`${owner()}: priority is ${t.priority}, not a finite priority`);
    if (!Number.isFinite(t.thresholdPriority)) throw new RangeError(`${owner()}: thresholdPriority is ${t.thresholdPriority}, not a finite priority`);
    check(owner, 'periodCycles', t.periodCycles, 1);
    check(owner, 'deadlineCycles', t.deadlineCycles, 1);
    check(owner, 'wcetCycles', t.wcetCycles, 0);
    check(owner, 'bcetCycles', t.bcetCycles, 0);
    check(owner, 'preemptibleCycles', t.preemptibleCycles, 0);
    check(owner, 'releaseJitterCycles', t.releaseJitterCycles, 0);
    if (t.bcetCycles > t.wcetCycles) throw new RangeError(`${owner()}: bcetCycles ${t.bcetCycles} exceeds wcetCycles ${t.wcetCycles}`);
    if (t.preemptibleCycles > t.wcetCycles) throw new RangeError(`${owner()}: preemptibleCycles ${t.preemptibleCycles} exceeds wcetCycles ${t.wcetCycles}`);
    const sections = t.criticalSectionCycles;
    if (sections === undefined) continue;
    for (const mutex in sections) {
      const cycles = sections[mutex] as number;
      if (!Number.isSafeInteger(cycles) || cycles < 0) check(owner, `criticalSectionCycles.${mutex}`, cycles, 0);
    }
  }
  for (const l of model.interrupts) {
    const owner = (): string => `interrupt load "${l.name}"`;
    check(owner, 'periodCycles', l.periodCycles, 1);
    check(owner, 'costCycles', l.costCycles, 0);
    check(owner, 'bestCostCycles', l.bestCostCycles, 0);
    check(owner, 'releaseJitterCycles', l.releaseJitterCycles, 0);
  }
  check('model', 'kernelBlockingCycles', model.kernelBlockingCycles, 0);
}
