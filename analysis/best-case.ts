import { greatestFixpoint, leastFixpoint } from './fixpoint.ts';
import { edfEarliestKeyCycles, edfKeyCycles, finalRegionCycles, taskAt, type AnalysisTask, type InterruptLoad, type TaskSetModel } from './model.ts';

/*
 * Corrected best-case response times (lower bounds), after Redell and Sanfridson, "Exact best-case
 * response time analysis of fixed priority scheduled tasks", ECRTS 2002, eq. (7):
 *   R^b = C^b + sum_j (ceil((R^b - J_j) / T_j) - 1)_0 C^b_j, greatest solution at or below R^w.
 * Corrections to the paper's (4)-(6) and (13)-(15) (see the reference notes):
 * - only strictly periodic interferers count: a sporadic task may simply not arrive;
 * - interference can only land in the preemptible part, whose shortest length is
 *   max(0, C^b - (C - TH)) (the final region may keep its full length in a short job);
 * - under thresholds only tasks above tau_i's threshold preempt a started job;
 * - under EDF a job of tau_j delays tau_i only when released early enough that its absolute deadline
 *   is earlier, i.e. within the first D_i - D_j of tau_i's window.
 * Redell and Sanfridson's downward iteration needs a true upper bound to start from; without one
 * (unbounded worst case, or no preemptible part) and for EDF, where their exactness proof does not
 * apply, the least solution at or above the preemptible part is used instead. It is still a lower
 * bound: the real best window R* has every release of an interferer inside it run first, so
 * R* >= f(R*), and iterating a non-decreasing f upward from below R* never passes R*.
 *
 * Their proof also reads the steady state: interferers that have released jobs for ever, so the
 * work of those released before the window keeps the job from starting early. A system starts,
 * though: a job that arrives before an interferer's first arrival (its offset) meets only the
 * releases at O_j + k T_j (at their latest, + J_j) that fall inside its window, possibly none, and
 * no earlier work of it. Safety set 169 with its t0 made sporadic ran t0's first job, at 0, in 2478
 * cycles on the ideal machine, against 2710 from the steady-state fixpoint: t1 (offset 2600) had
 * not yet released. Where the task under analysis can arrive before an interferer's first arrival,
 * each stretch of start-up (the same interferers started) is a case of its own, bounded by the
 * upward iteration, which needs no history; the bound is the least over the cases and the steady
 * state.
 */

/** Shortest preemptible part of a best-case job. */
function bestPreemptibleCycles(t: AnalysisTask): number {
  return Math.max(0, t.bcetCycles - finalRegionCycles(t));
}

/** A strictly periodic source of interference: a task or an interrupt line. */
type PeriodicSource = Pick<AnalysisTask, 'periodCycles' | 'releaseJitterCycles' | 'firstArrivalCycles'>;

/**
 * Fewest releases of `s` that certainly land inside a window of `x` cycles opened by a job that
 * arrives at `arrival`, or later while the set of interferers that have started stays the same:
 * ceil((x - J) / T) - 1 once `s` has started (Redell and Sanfridson); before its first arrival O,
 * only its releases at O + k T + J before the window's end, which grow with the arrival.
 */
function fewestReleases(s: PeriodicSource, x: number, arrival: number): number {
  const first = s.firstArrivalCycles ?? 0;
  if (first > arrival) return Math.max(0, Math.ceil((arrival + x - first - s.releaseJitterCycles) / s.periodCycles));
  return Math.max(0, Math.ceil((x - s.releaseJitterCycles) / s.periodCycles) - 1);
}

/** The earliest a job of `t` can arrive: a strictly periodic task's first arrival, else at any time from 0. */
function earliestArrival(t: AnalysisTask): number {
  return t.strictlyPeriodic ? (t.firstArrivalCycles ?? 0) : 0;
}

/**
 * The arrivals that open each stretch of time in which the same interferers have started: the
 * task's earliest arrival, then every later first arrival of an interferer. Within a stretch each
 * count of `fewestReleases` is least at its opening, so these cases bound every job; the last has
 * every interferer started (the steady state).
 */
function arrivalCases(sources: readonly PeriodicSource[], earliest: number): number[] {
  const later = sources.map((s) => s.firstArrivalCycles ?? 0).filter((first) => first > earliest);
  return [earliest, ...[...new Set(later)].sort((a, b) => a - b)];
}

/** The strictly periodic interrupt lines whose ISRs certainly cost something in the best case. */
function certainInterrupts(interrupts: readonly InterruptLoad[]): InterruptLoad[] {
  return interrupts.filter((l) => l.strictlyPeriodic && l.bestCostCycles > 0);
}

function bestInterrupts(interrupts: readonly InterruptLoad[], x: number, arrival: number): number {
  let sum = 0;
  for (const l of interrupts) sum += fewestReleases(l, x, arrival) * l.bestCostCycles;
  return sum;
}

/** Upward iteration: the least solution at or above the preemptible part (a lower bound in every case). */
function upward(f: (x: number) => number, pb: number, ti: AnalysisTask): number {
  const x = leastFixpoint(f, pb, Math.max(ti.deadlineCycles, ti.periodCycles) * 1000);
  return Number.isFinite(x) ? x : pb;
}

/** Best-case response time of task `i` under fixed priorities, given its worst case `wcrtCycles`. */
export function fpBestCaseCycles(model: TaskSetModel, i: number, wcrtCycles: number): number {
  const ti = taskAt(model.tasks, i);
  // Only a more urgent task certainly preempts: an equal on a time-sliced level (threshold p + 0.5,
  // from-system.ts) may take the CPU at a slice end in the worst case, but a job may also end
  // before its slice does.
  const preempting = model.tasks.filter((t, j) => j !== i && t.priority < Math.min(ti.thresholdPriority, ti.priority) && t.strictlyPeriodic);
  const interrupts = certainInterrupts(model.interrupts);
  const pb = bestPreemptibleCycles(ti);
  const cases = arrivalCases([...preempting, ...interrupts], earliestArrival(ti));
  let window = Infinity;
  for (const [k, arrival] of cases.entries()) {
    const f = (x: number): number => {
      let sum = pb + bestInterrupts(interrupts, x, arrival);
      for (const tj of preempting) sum += fewestReleases(tj, x, arrival) * tj.bcetCycles;
      return sum;
    };
    const steady = k === cases.length - 1;
    window = Math.min(window, Number.isFinite(wcrtCycles) && pb > 0 && steady ? greatestFixpoint(f, Math.max(pb, wcrtCycles - (ti.bcetCycles - pb))) : upward(f, pb, ti));
  }
  return window + (ti.bcetCycles - pb);
}

/** Best-case response time of task `i` under EDF (a lower bound; see above). */
export function edfBestCaseCycles(model: TaskSetModel, i: number): number {
  const ti = taskAt(model.tasks, i);
  // Certain interference only: a job keyed at its latest ahead of this one keyed at its earliest.
  const earlier = model.tasks.filter((t, j) => j !== i && edfKeyCycles(t) < edfEarliestKeyCycles(ti) && t.strictlyPeriodic);
  const interrupts = certainInterrupts(model.interrupts);
  const pb = bestPreemptibleCycles(ti);
  let window = Infinity;
  for (const arrival of arrivalCases([...earlier, ...interrupts], earliestArrival(ti))) {
    const f = (x: number): number => {
      let sum = pb + bestInterrupts(interrupts, x, arrival);
      for (const tj of earlier) sum += fewestReleases(tj, Math.min(x, edfEarliestKeyCycles(ti) - edfKeyCycles(tj)), arrival) * tj.bcetCycles;
      return sum;
    };
    window = Math.min(window, upward(f, pb, ti));
  }
  return window + (ti.bcetCycles - pb);
}
