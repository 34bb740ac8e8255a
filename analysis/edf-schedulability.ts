import { edfBlockingCycles, edfBusyPeriodCycles, edfMaxBlockingCycles } from './edf-demand.ts';
import { edfKeyCycles, type TaskSetModel } from './model.ts';
import { utilizationAtMostOne } from './utilization.ts';

/*
 * EDF schedulability without a cliff.
 *
 * - Implicit deadlines (D = T), no release jitter, no interrupt load and no blocking: the exact test
 *   U <= 1 (Liu and Layland 1973), in exact rational arithmetic.
 * - Otherwise the processor-demand test h(t) + B(t) <= t for every t >= 0 (Baruah, Rosier and Howell
 *   1990, with Baruah's SRP blocking B(t), RTSS 2006; edf-demand.ts), where
 *     h(t) = sum_j max(0, floor((t + J_j - D_j) / T_j) + 1) C_j + sum_irq ceil((t + J) / T) C
 *   with D_j the deadline the kernel keys jobs by (model.ts `edfKeyCycles`): the test then says no
 *   job runs past its key, and the key bounds its response
 *   (jobs with a deadline at or before t, interrupt work released before t), checked by Zhang and
 *   Burns' Quick Processor-demand Analysis (QPA, IEEE ToC 58(9), 2009, theorem 5): walking down
 *   from the bound L, t <- h(t) + B when that is below t, else the last point below t where h
 *   changes; every t' in [h(t) + B, t] passes with t. B(t) only changes at relative deadlines, so
 *   the walk runs once per interval between two of them, each with its constant B.
 * - L = min(L_a, L_b): L_b is the synchronous busy period (edf-demand.ts); past max D_j,
 *   h(t) + B(t) <= U t + X with X = sum_j U_j (T_j - D_j + J_j) + sum_irq (C + U J) + kernel
 *   blocking, so no t >= L_a = max(max D_j, X / (1 - U)) can fail.
 * A set the walk cannot finish within MAX_QPA_STEPS is reported unschedulable (conservative); with
 * utilisation exactly 1 and blocking or jitter the busy period may not end and the same holds.
 */

/** Most steps of the QPA walk before giving up (each costs one pass over the tasks). */
const MAX_QPA_STEPS = 1_000_000;

/** Where a step of h(t) goes up: t = offset + k period for k >= 0 (h is constant from one point to the next). */
interface Points {
  readonly offset: number;
  readonly period: number;
}

/** Largest change point strictly below `t` of any source, or -Infinity. */
function lastPointBelow(points: readonly Points[], t: number): number {
  let best = -Infinity;
  for (const p of points) {
    if (p.offset >= t) continue;
    best = Math.max(best, p.offset + Math.floor((t - 1 - p.offset) / p.period) * p.period);
  }
  return best;
}

/** Demand of jobs with a deadline at or before `t`, plus interrupt work released before `t`. */
export function processorDemandCycles(model: TaskSetModel, t: number): number {
  let sum = 0;
  for (const tj of model.tasks) sum += Math.max(0, Math.floor((t + tj.releaseJitterCycles - edfKeyCycles(tj)) / tj.periodCycles) + 1) * tj.wcetCycles;
  for (const l of model.interrupts) sum += Math.max(0, Math.ceil((t + l.releaseJitterCycles) / l.periodCycles)) * l.costCycles;
  return sum;
}

/** Bound L past which h(t) + B(t) <= t always holds, or Infinity when none is known. */
function demandHorizon(model: TaskSetModel): number {
  let u = 0;
  let x = model.kernelBlockingCycles;
  let longestDeadline = 0;
  for (const t of model.tasks) {
    const ut = t.wcetCycles / t.periodCycles;
    u += ut;
    x += ut * (t.periodCycles - edfKeyCycles(t) + t.releaseJitterCycles);
    longestDeadline = Math.max(longestDeadline, edfKeyCycles(t));
  }
  for (const l of model.interrupts) {
    const ul = l.costCycles / l.periodCycles;
    u += ul;
    x += l.costCycles + ul * l.releaseJitterCycles;
  }
  // A relative margin of 1e-9 covers the rounding of the floating sums (far above 1e-16 per term).
  const la = u < 1 - 1e-9 ? Math.max(longestDeadline, Math.ceil((Math.max(0, x) * (1 + 1e-9)) / (1 - u)) + 1) : Infinity;
  const lb = edfBusyPeriodCycles(model, Math.min(la, Number.MAX_SAFE_INTEGER));
  return Math.min(la, lb);
}

/** True when only the exact utilisation test applies: implicit deadlines, no jitter, no interrupt load, no blocking. */
function implicitWithoutBlocking(model: TaskSetModel): boolean {
  return model.interrupts.length === 0 && model.tasks.every((t) => edfKeyCycles(t) === t.periodCycles && t.releaseJitterCycles === 0) && edfMaxBlockingCycles(model) === 0;
}

const verdicts = new WeakMap<TaskSetModel, boolean>();

/** True when no job of the model misses its deadline under EDF (exact for implicit deadlines, QPA otherwise). */
export function edfSchedulable(model: TaskSetModel): boolean {
  const known = verdicts.get(model);
  if (known !== undefined) return known;
  const verdict = decide(model);
  verdicts.set(model, verdict);
  return verdict;
}

function decide(model: TaskSetModel): boolean {
  const sources = [...model.tasks.map((t) => ({ c: t.wcetCycles, t: t.periodCycles })), ...model.interrupts.map((l) => ({ c: l.costCycles, t: l.periodCycles }))];
  if (!utilizationAtMostOne(sources)) return false;
  if (implicitWithoutBlocking(model)) return true;
  const horizon = demandHorizon(model);
  if (!Number.isFinite(horizon) || horizon > Number.MAX_SAFE_INTEGER) return false;
  const points: Points[] = [
    ...model.tasks.map((t) => ({ offset: edfKeyCycles(t) - t.releaseJitterCycles, period: t.periodCycles })),
    // ceil((t + J) / T) steps up at t = k T - J + 1.
    ...model.interrupts.map((l) => ({ offset: 1 - l.releaseJitterCycles, period: l.periodCycles })),
  ].map((p) => (p.offset >= 0 ? p : { offset: p.offset + Math.ceil(-p.offset / p.period) * p.period, period: p.period }));
  // No job has a deadline below the first task deadline point: nothing can be missed there.
  let firstDeadline = Infinity;
  for (const t of model.tasks) firstDeadline = Math.min(firstDeadline, Math.max(0, edfKeyCycles(t) - t.releaseJitterCycles));
  if (!Number.isFinite(firstDeadline)) return true;
  // Intervals [lo, hi) on which B(t) is constant: cut at every relative deadline.
  const cuts = [...new Set([firstDeadline, ...model.tasks.map((t) => edfKeyCycles(t)).filter((d) => d > firstDeadline && d <= horizon), horizon + 1])].sort((a, b) => a - b);
  let steps = 0;
  for (let k = cuts.length - 2; k >= 0; k--) {
    const lo = cuts[k] ?? 0;
    const hi = cuts[k + 1] ?? 0;
    const blocking = edfBlockingCycles(model, lo);
    let t = hi - 1;
    while (t >= lo) {
      if (++steps > MAX_QPA_STEPS) return false;
      const need = processorDemandCycles(model, t) + blocking;
      if (need > t) return false;
      t = need < t ? need : lastPointBelow(points, t);
    }
  }
  return true;
}
