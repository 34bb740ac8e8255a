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
 */

/** Shortest preemptible part of a best-case job. */
function bestPreemptibleCycles(t: AnalysisTask): number {
  return Math.max(0, t.bcetCycles - finalRegionCycles(t));
}

function bestInterrupts(interrupts: readonly InterruptLoad[], x: number): number {
  let sum = 0;
  for (const l of interrupts) if (l.strictlyPeriodic) sum += Math.max(0, Math.ceil((x - l.releaseJitterCycles) / l.periodCycles) - 1) * l.bestCostCycles;
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
  const pb = bestPreemptibleCycles(ti);
  const f = (x: number): number => {
    let sum = pb + bestInterrupts(model.interrupts, x);
    for (const tj of preempting) sum += Math.max(0, Math.ceil((x - tj.releaseJitterCycles) / tj.periodCycles) - 1) * tj.bcetCycles;
    return sum;
  };
  const window = Number.isFinite(wcrtCycles) && pb > 0 ? greatestFixpoint(f, Math.max(pb, wcrtCycles - (ti.bcetCycles - pb))) : upward(f, pb, ti);
  return window + (ti.bcetCycles - pb);
}

/** Best-case response time of task `i` under EDF (a lower bound; see above). */
export function edfBestCaseCycles(model: TaskSetModel, i: number): number {
  const ti = taskAt(model.tasks, i);
  // Certain interference only: a job keyed at its latest ahead of this one keyed at its earliest.
  const earlier = model.tasks.filter((t, j) => j !== i && edfKeyCycles(t) < edfEarliestKeyCycles(ti) && t.strictlyPeriodic);
  const pb = bestPreemptibleCycles(ti);
  const f = (x: number): number => {
    let sum = pb + bestInterrupts(model.interrupts, x);
    for (const tj of earlier) {
      const window = Math.min(x, edfEarliestKeyCycles(ti) - edfKeyCycles(tj));
      sum += Math.max(0, Math.ceil((window - tj.releaseJitterCycles) / tj.periodCycles) - 1) * tj.bcetCycles;
    }
    return sum;
  };
  return upward(f, pb, ti) + (ti.bcetCycles - pb);
}
