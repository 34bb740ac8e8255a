import type { TaskSetModel } from './model.ts';

/*
 * Every quantity of a model must be a safe integer: past 2^53 - 1 (or for a fraction) the sums of
 * the response-time equations are rounded, and a period of 1e303 us once gave a worst case of 0
 * below a best case of 12.5 with "schedulable". Such a model is refused before any analysis.
 */

/** A field and the smallest value it may take. */
type Rule = readonly [field: string, value: number, min: number];

function check(owner: string, rules: readonly Rule[]): void {
  for (const [field, value, min] of rules) {
    if (!Number.isSafeInteger(value)) throw new RangeError(`${owner}: ${field} is ${value}, not a safe integer number of cycles (at most ${Number.MAX_SAFE_INTEGER})`);
    if (value < min) throw new RangeError(`${owner}: ${field} is ${value}, below its minimum ${min}`);
  }
}

/** Throws a RangeError naming the task (or interrupt load) and field of the first quantity that is not a safe integer in range. */
export function assertSafeModel(model: TaskSetModel): void {
  for (const t of model.tasks) {
    const owner = `task "${t.name}"`;
    // Priorities are ranks, not cycles: a kernel model may place a level between two others (x.5).
    for (const [field, value] of [['priority', t.priority], ['thresholdPriority', t.thresholdPriority]] as const) {
      if (!Number.isFinite(value)) throw new RangeError(`${owner}: ${field} is ${value}, not a finite priority`);
    }
    check(owner, [
      ['periodCycles', t.periodCycles, 1],
      ['deadlineCycles', t.deadlineCycles, 1],
      ['wcetCycles', t.wcetCycles, 0],
      ['bcetCycles', t.bcetCycles, 0],
      ['preemptibleCycles', t.preemptibleCycles, 0],
      ['releaseJitterCycles', t.releaseJitterCycles, 0],
    ]);
    if (t.bcetCycles > t.wcetCycles) throw new RangeError(`${owner}: bcetCycles ${t.bcetCycles} exceeds wcetCycles ${t.wcetCycles}`);
    if (t.preemptibleCycles > t.wcetCycles) throw new RangeError(`${owner}: preemptibleCycles ${t.preemptibleCycles} exceeds wcetCycles ${t.wcetCycles}`);
    for (const [mutex, cs] of Object.entries(t.criticalSectionCycles ?? {})) check(owner, [[`criticalSectionCycles.${mutex}`, cs, 0]]);
  }
  for (const l of model.interrupts) {
    check(`interrupt load "${l.name}"`, [
      ['periodCycles', l.periodCycles, 1],
      ['costCycles', l.costCycles, 0],
      ['bestCostCycles', l.bestCostCycles, 0],
      ['releaseJitterCycles', l.releaseJitterCycles, 0],
    ]);
  }
  check('model', [['kernelBlockingCycles', model.kernelBlockingCycles, 0]]);
}
