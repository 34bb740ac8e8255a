import { blockingCycles, blockingTerms, type BlockingTerms } from './blocking.ts';
import { leastFixpoint, releasesBefore } from './fixpoint.ts';
import { defaultHorizonCycles, edfEarliestKeyCycles, edfKeyCycles, loadWith, overloaded, type AnalysisTask, type TaskSetModel } from './model.ts';

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

/**
 * Blocking of any job whose absolute deadline, counted from the start of its busy period, is
 * `absoluteDeadline`; `earliestDeadline` (default: the same) is the earliest key the kernel may give
 * that job (a job released by a post: model.ts `edfEarliestKeyCycles`). A blocker is a task whose
 * key can fall after the job's earliest; a mutex guards when a task that can be keyed at or before
 * the job's latest uses it.
 */
export function edfBlockingCycles(model: TaskSetModel, absoluteDeadline: number, earliestDeadline = absoluteDeadline): number {
  return edfBlockingTerms(model, absoluteDeadline, earliestDeadline).cycles;
}

/**
 * `edfBlockingCycles` of one model at many deadlines (Spuri's offsets): the deadlines enter it only
 * through which tasks' keys fall at or before them, and those sets are fixed by how many do (the
 * smallest keys), so the blocking is computed once per pair of counts.
 */
export function edfBlockingByDeadline(model: TaskSetModel): (absoluteDeadline: number, earliestDeadline?: number) => number {
  const byCounts = new Map<number, number>();
  const n = model.tasks.length + 1;
  return (absoluteDeadline, earliestDeadline = absoluteDeadline) => {
    let blockersBefore = 0;
    let guardsBefore = 0;
    for (const t of model.tasks) {
      if (edfKeyCycles(t) <= earliestDeadline) blockersBefore++;
      if (guardKeyCycles(t) <= absoluteDeadline) guardsBefore++;
    }
    const key = blockersBefore * n + guardsBefore;
    let cycles = byCounts.get(key);
    if (cycles === undefined) byCounts.set(key, (cycles = edfBlockingCycles(model, absoluteDeadline, earliestDeadline)));
    return cycles;
  };
}

/** The blocking of `edfBlockingCycles` with the tasks, mutexes or kernel section it comes from. */
export function edfBlockingTerms(model: TaskSetModel, absoluteDeadline: number, earliestDeadline = absoluteDeadline): BlockingTerms {
  return blockingTerms(model, {
    blockers: model.tasks.filter((tj) => edfKeyCycles(tj) > earliestDeadline),
    guards: (mutex) => model.tasks.some((tk) => guardKeyCycles(tk) <= absoluteDeadline && tk.criticalSectionCycles?.[mutex] !== undefined),
    shielded: () => false,
  });
}

/**
 * The earliest absolute deadline, from the start of a busy period, that a job of `t` released in
 * it can carry: its earliest key, less its release jitter, since the key counts from the job's
 * arrival and a job released late may have arrived before the busy period began. A mutex of such a
 * task guards a job with that deadline or a later one: the jittered job is ahead of it, and waits
 * for the section. (EDF on the ideal machine: t2, released 1677 us after its arrival, waited for
 * t0's section of m1 and held t4, whose own level clears m1's ceiling, behind it: 1119 us against a
 * bound of 835 that left m1 unguarded.)
 */
function guardKeyCycles(t: AnalysisTask): number {
  return edfEarliestKeyCycles(t) - t.releaseJitterCycles;
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
