import { blockingCycles, blockingTerms, type BlockingTerms } from './blocking.ts';
import { leastFixpoint, releasesBefore } from './fixpoint.ts';
import { defaultHorizonCycles, edfKeyCycles, loadWith, overloaded, type TaskSetModel } from './model.ts';

/*
 * What the EDF analyses (edf.ts, edf-schedulability.ts) share: the blocking of a job under the
 * Stack Resource Policy and the length of the longest busy period.
 *
 * SRP (Baker, "Stack-based scheduling of realtime processes", Real-Time Systems 3(1), 1991): the
 * preemption level of a task orders relative deadlines (shorter = higher level), a resource's
 * ceiling is the highest level of its users, and a job is blocked at most once, at its release, by
 * one less urgent job. For a job with absolute deadline t in a busy period that starts at 0, the
 * blockers are the tasks with D_j > t (a job of theirs released before 0 can still be running;
 * one released later cannot start ahead of it), and a section of theirs blocks when some task with
 * D_k <= t uses the same resource (its ceiling reaches the level of a job that competes with the
 * one analysed). This is Baruah's B(t) ("Resource sharing in EDF-scheduled systems: a closer look",
 * RTSS 2006); final regions and the kernel's masked section block the same way (blocking.ts).
 */

/** Blocking of any job whose absolute deadline, counted from the start of its busy period, is `absoluteDeadline`. */
export function edfBlockingCycles(model: TaskSetModel, absoluteDeadline: number): number {
  return edfBlockingTerms(model, absoluteDeadline).cycles;
}

/**
 * `edfBlockingCycles` of one model at many deadlines (Spuri's offsets): a deadline enters it only
 * through which tasks' keys fall at or before it, and that set is fixed by how many do (the
 * smallest keys), so the blocking is computed once per count.
 */
export function edfBlockingByDeadline(model: TaskSetModel): (absoluteDeadline: number) => number {
  const byCount: number[] = [];
  return (absoluteDeadline) => {
    let atOrBefore = 0;
    for (const t of model.tasks) if (edfKeyCycles(t) <= absoluteDeadline) atOrBefore++;
    let cycles = byCount[atOrBefore];
    if (cycles === undefined) byCount[atOrBefore] = cycles = edfBlockingCycles(model, absoluteDeadline);
    return cycles;
  };
}

/** The blocking of `edfBlockingCycles` with the tasks, mutexes or kernel section it comes from. */
export function edfBlockingTerms(model: TaskSetModel, absoluteDeadline: number): BlockingTerms {
  return blockingTerms(model, {
    blockers: model.tasks.filter((tj) => edfKeyCycles(tj) > absoluteDeadline),
    guards: (mutex) => model.tasks.some((tk) => edfKeyCycles(tk) <= absoluteDeadline && tk.criticalSectionCycles?.[mutex] !== undefined),
    shielded: () => false,
  });
}

/** Longest blocking any job can suffer: every task a blocker, every mutex guarded. */
export function edfMaxBlockingCycles(model: TaskSetModel): number {
  return blockingCycles(model, { blockers: model.tasks, guards: () => true, shielded: () => false });
}

/**
 * Synchronous busy period with the longest blocking, or Infinity under overload or past `horizonCycles`.
 * It bounds every busy interval: one that starts from idle holds only work released inside it.
 */
export function edfBusyPeriodCycles(model: TaskSetModel, horizonCycles = defaultHorizonCycles(model)): number {
  const blocking = edfMaxBlockingCycles(model);
  if (overloaded(loadWith(model, model.tasks), blocking)) return Infinity;
  const f = (l: number): number => {
    let sum = blocking;
    for (const t of model.tasks) sum += releasesBefore(l, t.periodCycles, t.releaseJitterCycles) * t.wcetCycles;
    for (const irq of model.interrupts) sum += releasesBefore(l, irq.periodCycles, irq.releaseJitterCycles) * irq.costCycles;
    return sum;
  };
  let smallest = Infinity;
  for (const t of model.tasks) smallest = Math.min(smallest, t.wcetCycles);
  return leastFixpoint(f, blocking + smallest, horizonCycles);
}
