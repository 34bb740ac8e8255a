import { edfBlockingByDeadline, edfBusyPeriodCycles } from './edf-demand.ts';
import { edfSchedulable } from './edf-schedulability.ts';
import { leastFixpoint, releasesBefore, releasesUpTo } from './fixpoint.ts';
import { defaultHorizonCycles, edfEarliestKeyCycles, edfKeyCycles, finalRegionCycles, MAX_POINTS_PER_TASK, taskAt, type AnalysisTask, type TaskSetModel } from './model.ts';

export { edfBusyPeriodCycles } from './edf-demand.ts';

/*
 * Corrected worst-case response time under EDF with final non-preemptive regions, after Spuri,
 * "Analysis of deadline scheduled real-time systems", INRIA RR-2772, 1996 (arrival offset a of the
 * job under analysis inside the deadline busy period), with the limited-preemption corrections of
 * the reference notes (as in Prosa's results/edf/rta/limited_preemptive.v):
 * - blocking by one job with a later absolute deadline in its final region, or a critical section
 *   under SRP, or inheritance blocking (edf-demand.ts, blocking.ts);
 * - the final region starts once the preemptible part is done, and releases up to and including that
 *   instant still preempt (floor + 1);
 * - a job of tau_j interferes when its absolute deadline is at or before a + D_i (ties against tau_i);
 * - interrupt loads preempt everything;
 * - jobs are ordered by the deadline the kernel keys them by (model.ts `edfKeyCycles`): a tick kernel
 *   rounds each relative deadline up to whole ticks, so 2.4 and 3 ms at 1 kHz tie.
 * Offsets a are the points where the interference or blocking changes inside the busy period
 * (Spuri's set A); between two such points the response only shrinks. With release jitter a job
 * of tau_j released at k T_j - J_j (its k-th arrival, the first one delayed the whole J_j) has its
 * deadline at k T_j - J_j + D_j, so interference (and tau_i's own earlier jobs) step up at
 * a = k T_j - J_j + D_j - D_i; blocking steps down where a + D_i passes a relative deadline D_j,
 * at a = D_j - D_i. Both families are examined: without the jitter shift the analysis looked J_j
 * past the step, where the same jobs interfere and the response is J_j shorter.
 * Past MAX_POINTS_PER_TASK offsets (or a busy period beyond the horizon) the exact answer is out of
 * reach; `edfWorstCase` then gives a coarser safe bound, flagged inexact, instead of giving up.
 * A task whose jobs the kernel may key early (model.ts `edfEarliestKeyCycles`: released by a post on
 * a tick kernel) interferes by its earliest key and is analysed by its latest; as a blocker it counts
 * by its latest, and its own blockers by its earliest (edf-demand.ts). The offsets take the steps of
 * every key a task can carry.
 */

/** Arrival offsets to check for task `i` within a busy period of length `busyCycles`, ascending; undefined beyond MAX_POINTS_PER_TASK. */
export function edfOffsets(tasks: readonly AnalysisTask[], i: number, busyCycles: number): number[] | undefined {
  const ti = taskAt(tasks, i);
  let count = 0;
  const keys = (t: AnalysisTask): number[] => (edfEarliestKeyCycles(t) === edfKeyCycles(t) ? [edfKeyCycles(t)] : [edfKeyCycles(t), edfEarliestKeyCycles(t)]);
  const ownKeys = keys(ti);
  for (const tj of tasks) count += (tj.releaseJitterCycles > 0 ? 2 : 1) * keys(tj).length * ownKeys.length * (Math.ceil(busyCycles / tj.periodCycles) + 1);
  if (count > MAX_POINTS_PER_TASK) return undefined;
  const offsets = new Set<number>([0]);
  const addSteps = (first: number, period: number): void => {
    let a = first;
    if (a < 0) a += Math.ceil(-a / period) * period;
    for (; a < busyCycles; a += period) offsets.add(a);
  };
  for (const tj of tasks) {
    for (const own of ownKeys) {
      for (const key of keys(tj)) {
        addSteps(key - own, tj.periodCycles);
        if (tj.releaseJitterCycles > 0) addSteps(key - tj.releaseJitterCycles - own, tj.periodCycles);
      }
    }
  }
  return [...offsets].sort((x, y) => x - y);
}

/** An EDF worst case: `exact` is false when it is the coarser fallback bound. */
export interface EdfWorstCase {
  readonly cycles: number;
  readonly exact: boolean;
}

/**
 * Worst-case response time of task `i` under EDF: Spuri's exact offsets when they fit, else a safe
 * coarser bound. When the exact test (edfSchedulable) passes, no job misses its deadline, so D_i
 * bounds every response; in any case a job ends within its busy interval, at most the synchronous
 * busy period L after its release, so L + J_i bounds it from its arrival. Infinity only when
 * neither exists (overload, or a busy period past the horizon in an unschedulable set), and then
 * `exact` is true: unbounded is the answer, not an approximation.
 */
export function edfWorstCase(model: TaskSetModel, i: number, horizonCycles = defaultHorizonCycles(model)): EdfWorstCase {
  const ti = taskAt(model.tasks, i);
  const busy = edfBusyPeriodCycles(model, horizonCycles);
  const exact = Number.isFinite(busy) ? spuriWorstJob(model, i, busy, horizonCycles) : undefined;
  if (exact !== undefined && exact !== 'unbounded') return { cycles: exact.wcrtCycles, exact: true };
  const coarse = busy + ti.releaseJitterCycles;
  // The schedulability test orders jobs by one key each: where the kernel may key a job early it
  // does not apply, and the busy period is the bound.
  const oneKeyEach = model.tasks.every((t) => edfEarliestKeyCycles(t) === edfKeyCycles(t));
  if (oneKeyEach && edfSchedulable(model)) return { cycles: Math.min(edfKeyCycles(ti), coarse), exact: false };
  return { cycles: coarse, exact: !Number.isFinite(coarse) };
}

/** Worst-case response time of task `i` under EDF in cycles (see `edfWorstCase`; Infinity when unbounded). */
export function edfWorstCaseCycles(model: TaskSetModel, i: number, horizonCycles = defaultHorizonCycles(model)): number {
  return edfWorstCase(model, i, horizonCycles).cycles;
}

/**
 * The job of task `i` whose response is the worst under EDF, with the fixed points that gave it:
 * it arrives `offsetCycles` into the deadline busy period, enters its final region at
 * `regionCycles` (null without one) and ends at `finishCycles`.
 */
export interface EdfWorstJob {
  readonly offsetCycles: number;
  readonly regionCycles: number | null;
  readonly finishCycles: number;
  /** finish - offset + J_i. */
  readonly wcrtCycles: number;
}

/** The exact worst job of task `i` (Spuri's offsets); undefined when the exact analysis gives no finite answer (see `edfWorstCase`). */
export function edfWorstJob(model: TaskSetModel, i: number, horizonCycles = defaultHorizonCycles(model)): EdfWorstJob | undefined {
  const busy = edfBusyPeriodCycles(model, horizonCycles);
  if (!Number.isFinite(busy)) return undefined;
  const worst = spuriWorstJob(model, i, busy, horizonCycles);
  return worst === 'unbounded' ? undefined : worst;
}

/**
 * Jobs of task `j` (not the one analysed) that can interfere with a job of absolute deadline
 * `absoluteDeadline` in a window counted by `count` up to `t`: none when its deadline falls later,
 * else its releases capped by those whose deadline is at or before the job's.
 */
export function edfInterferingJobs(tj: AnalysisTask, absoluteDeadline: number, t: number, count: typeof releasesBefore): number {
  const cap = edfInterferenceCap(tj, absoluteDeadline);
  return cap === 0 ? 0 : Math.min(count(t, tj.periodCycles, tj.releaseJitterCycles), cap);
}

/** How many jobs of task `j` can have their absolute key at or before `absoluteDeadline` (0: none, its key falls later). */
function edfInterferenceCap(tj: AnalysisTask, absoluteDeadline: number): number {
  const key = edfEarliestKeyCycles(tj);
  if (key > absoluteDeadline + tj.releaseJitterCycles) return 0;
  return 1 + Math.floor((absoluteDeadline - key + tj.releaseJitterCycles) / tj.periodCycles);
}

/** Spuri's worst job over the arrival offsets of a busy period of length `busy`; undefined when there are too many offsets. */
function spuriWorstJob(model: TaskSetModel, i: number, busy: number, horizonCycles: number): EdfWorstJob | 'unbounded' | undefined {
  const ti = taskAt(model.tasks, i);
  const p = ti.preemptibleCycles;
  const q = finalRegionCycles(ti);
  const offsets = edfOffsets(model.tasks, i, busy);
  if (offsets === undefined) return undefined;
  let worst: EdfWorstJob | undefined;
  // The tasks that interfere at an offset, and how many of their jobs at most, depend on the offset
  // alone: found once per offset, not in every step of its fixed points (the sums are the same, in
  // the same task order).
  const interferers: AnalysisTask[] = [];
  const caps: number[] = [];
  const blockingAt = edfBlockingByDeadline(model);
  for (const a of offsets) {
    const absoluteDeadline = a + edfKeyCycles(ti);
    const blocking = blockingAt(absoluteDeadline, a + edfEarliestKeyCycles(ti));
    const own = Math.floor((a + ti.releaseJitterCycles) / ti.periodCycles) * ti.wcetCycles;
    let interfering = 0;
    model.tasks.forEach((tj, j) => {
      const cap = j === i ? 0 : edfInterferenceCap(tj, absoluteDeadline);
      if (cap === 0) return;
      interferers[interfering] = tj;
      caps[interfering] = cap;
      interfering++;
    });
    const demand = (t: number, count: typeof releasesBefore): number => {
      let sum = 0;
      for (let k = 0; k < interfering; k++) {
        const tj = interferers[k] as AnalysisTask;
        sum += Math.min(count(t, tj.periodCycles, tj.releaseJitterCycles), caps[k] as number) * tj.wcetCycles;
      }
      for (const irq of model.interrupts) sum += count(t, irq.periodCycles, irq.releaseJitterCycles) * irq.costCycles;
      return sum;
    };
    let finish: number;
    let region: number | null = null;
    if (q > 0) {
      const regionStart = leastFixpoint((s) => blocking + own + p + demand(s, releasesUpTo), blocking + own + p, horizonCycles);
      if (!Number.isFinite(regionStart)) return 'unbounded';
      let irqAtRegion = 0;
      for (const irq of model.interrupts) irqAtRegion += releasesUpTo(regionStart, irq.periodCycles, irq.releaseJitterCycles) * irq.costCycles;
      finish = leastFixpoint(
        (r) => {
          let irqSum = 0;
          for (const irq of model.interrupts) irqSum += releasesBefore(r, irq.periodCycles, irq.releaseJitterCycles) * irq.costCycles;
          return regionStart + q + Math.max(0, irqSum - irqAtRegion);
        },
        regionStart + q,
        horizonCycles,
      );
      region = regionStart;
    } else {
      finish = leastFixpoint((w) => blocking + own + ti.wcetCycles + demand(w, releasesBefore), blocking + own + ti.wcetCycles, horizonCycles);
    }
    if (!Number.isFinite(finish)) return 'unbounded';
    const response = finish - a + ti.releaseJitterCycles;
    if (worst === undefined || response > worst.wcrtCycles) worst = { offsetCycles: a, regionCycles: region, finishCycles: finish, wcrtCycles: response };
  }
  // Offset 0 is always examined, and its job alone takes C_i.
  return worst;
}
