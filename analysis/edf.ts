import { leastFixpoint, releasesBefore, releasesUpTo } from './fixpoint.ts';
import { defaultHorizonCycles, finalRegionCycles, loadWith, MAX_POINTS_PER_TASK, overloaded, type AnalysisTask, type TaskSetModel } from './model.ts';

/*
 * Corrected worst-case response time under EDF with final non-preemptive regions, after Spuri,
 * "Analysis of deadline scheduled real-time systems", INRIA RR-2772, 1996 (arrival offset a of the
 * job under analysis inside the deadline busy period), with the limited-preemption corrections of
 * the reference notes (as in Prosa's results/edf/rta/limited_preemptive.v):
 * - blocking by one job with a later absolute deadline in its final region (or critical section);
 * - the final region starts once the preemptible part is done, and releases up to and including that
 *   instant still preempt (floor + 1);
 * - a job of tau_j interferes when its absolute deadline is at or before a + D_i (ties against tau_i);
 * - interrupt loads preempt everything.
 * Offsets a are the points where the interference or blocking changes: a = k T_j + D_j - D_i >= 0
 * inside the busy period (Spuri's set A); between two such points the response only shrinks.
 */

/** Blocking of tau_i's job with absolute deadline `absoluteDeadline`: one job with a later deadline, or a kernel section. */
function edfBlockingCycles(model: TaskSetModel, i: number, absoluteDeadline: number): number {
  let blocking = model.kernelBlockingCycles;
  model.tasks.forEach((tj, j) => {
    if (j === i || tj.deadlineCycles <= absoluteDeadline) return;
    blocking = Math.max(blocking, finalRegionCycles(tj));
    for (const [mutex, cs] of Object.entries(tj.criticalSectionCycles ?? {})) {
      const sharedWithEarlier = model.tasks.some((tk, k) => k !== j && tk.deadlineCycles <= absoluteDeadline && tk.criticalSectionCycles?.[mutex] !== undefined);
      if (sharedWithEarlier) blocking = Math.max(blocking, cs);
    }
  });
  return blocking;
}

/** Longest blocking any job can suffer, for the busy period. */
function maxBlockingCycles(model: TaskSetModel): number {
  let blocking = model.kernelBlockingCycles;
  for (const t of model.tasks) {
    blocking = Math.max(blocking, finalRegionCycles(t));
    for (const cs of Object.values(t.criticalSectionCycles ?? {})) blocking = Math.max(blocking, cs);
  }
  return blocking;
}

/** Arrival offsets to check for task `i` within a busy period of length `busyCycles`, ascending; undefined beyond MAX_POINTS_PER_TASK. */
export function edfOffsets(tasks: readonly AnalysisTask[], i: number, busyCycles: number): number[] | undefined {
  const ti = tasks[i];
  if (ti === undefined) throw new RangeError(`no task at index ${i}`);
  let count = 0;
  for (const tj of tasks) count += Math.ceil(busyCycles / tj.periodCycles) + 1;
  if (count > MAX_POINTS_PER_TASK) return undefined;
  const offsets = new Set<number>([0]);
  for (const tj of tasks) {
    let a = tj.deadlineCycles - ti.deadlineCycles;
    if (a < 0) a += Math.ceil(-a / tj.periodCycles) * tj.periodCycles;
    for (; a < busyCycles; a += tj.periodCycles) offsets.add(a);
  }
  return [...offsets].sort((x, y) => x - y);
}

/** Synchronous busy period with the longest blocking, or Infinity under overload. */
export function edfBusyPeriodCycles(model: TaskSetModel, horizonCycles = defaultHorizonCycles(model)): number {
  const blocking = maxBlockingCycles(model);
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

/** Worst-case response time of task `i` under EDF in cycles (Infinity when unbounded). */
export function edfWorstCaseCycles(model: TaskSetModel, i: number, horizonCycles = defaultHorizonCycles(model)): number {
  const ti = model.tasks[i];
  if (ti === undefined) throw new RangeError(`no task at index ${i}`);
  const busy = edfBusyPeriodCycles(model, horizonCycles);
  if (!Number.isFinite(busy)) return Infinity;
  const p = ti.preemptibleCycles;
  const q = finalRegionCycles(ti);
  const offsets = edfOffsets(model.tasks, i, busy);
  if (offsets === undefined) return Infinity;
  let worst = ti.wcetCycles;
  for (const a of offsets) {
    const absoluteDeadline = a + ti.deadlineCycles;
    const blocking = edfBlockingCycles(model, i, absoluteDeadline);
    const own = Math.floor((a + ti.releaseJitterCycles) / ti.periodCycles) * ti.wcetCycles;
    const demand = (t: number, count: typeof releasesBefore): number => {
      let sum = 0;
      model.tasks.forEach((tj, j) => {
        if (j === i || tj.deadlineCycles > absoluteDeadline + tj.releaseJitterCycles) return;
        const cap = 1 + Math.floor((absoluteDeadline - tj.deadlineCycles + tj.releaseJitterCycles) / tj.periodCycles);
        sum += Math.min(count(t, tj.periodCycles, tj.releaseJitterCycles), cap) * tj.wcetCycles;
      });
      for (const irq of model.interrupts) sum += count(t, irq.periodCycles, irq.releaseJitterCycles) * irq.costCycles;
      return sum;
    };
    let finish: number;
    if (q > 0) {
      const region = leastFixpoint((s) => blocking + own + p + demand(s, releasesUpTo), blocking + own + p, horizonCycles);
      if (!Number.isFinite(region)) return Infinity;
      let irqAtRegion = 0;
      for (const irq of model.interrupts) irqAtRegion += releasesUpTo(region, irq.periodCycles, irq.releaseJitterCycles) * irq.costCycles;
      finish = leastFixpoint(
        (r) => {
          let irqSum = 0;
          for (const irq of model.interrupts) irqSum += releasesBefore(r, irq.periodCycles, irq.releaseJitterCycles) * irq.costCycles;
          return region + q + Math.max(0, irqSum - irqAtRegion);
        },
        region + q,
        horizonCycles,
      );
    } else {
      finish = leastFixpoint((w) => blocking + own + ti.wcetCycles + demand(w, releasesBefore), blocking + own + ti.wcetCycles, horizonCycles);
    }
    if (!Number.isFinite(finish)) return Infinity;
    worst = Math.max(worst, finish - a + ti.releaseJitterCycles);
  }
  return worst;
}
