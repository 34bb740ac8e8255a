import { blockingTerms, type BlockingTerms } from './blocking.ts';
import { leastFixpoint, releasesBefore, releasesUpTo } from './fixpoint.ts';
import { defaultHorizonCycles, finalRegionCycles, loadWith, MAX_POINTS_PER_TASK, overloaded, taskAt, type AnalysisTask, type InterruptLoad, type TaskSetModel } from './model.ts';

/*
 * Corrected worst-case response time under fixed priorities, for fully preemptive tasks, Wang and
 * Saksena's preemption thresholds and the paper's final non-preemptive region at once:
 *
 * - Blocking (blocking.ts; Wang and Saksena 1999, eq. for B_i; Bril, Lukkien and Verhaegh 2009): one
 *   lower-priority job that started before tau_i's release, either whole (its threshold shields it
 *   from tau_i) or its final region, at most max(F_j - 1, 0) units of it left; or a critical section
 *   under the ceiling protocol; or a masked kernel section; plus priority-inheritance blocking.
 * - Level-i busy period over several jobs (Lehoczky 1990; Wang and Saksena 1999 section 3): every job
 *   k of tau_i in it is checked, because with non-preemptive parts the first job need not be the worst.
 * - Start of job k (Wang and Saksena): S = B + k C_i + sum_{hp} (floor(S / T_j) + 1) C_j.
 * - Start of the final region: releases up to and including that instant still preempt (floor + 1,
 *   Bril et al. 2009), and only tasks above tau_i's threshold preempt once the job has started.
 * - Interrupt loads preempt everything, the final region included.
 * Equal-priority tasks count as higher priority before the job starts (safe for FIFO ties).
 */

/** The blocking term B_i of task `i` (see blocking.ts): one non-preemptive stretch, ceiling section or kernel section, plus inheritance blocking. */
export function fpBlockingCycles(model: TaskSetModel, i: number): number {
  return fpBlockingTerms(model, i).cycles;
}

/** The blocking term B_i of task `i` with the tasks, mutexes or kernel section it comes from. */
export function fpBlockingTerms(model: TaskSetModel, i: number): BlockingTerms {
  const ti = taskAt(model.tasks, i);
  return blockingTerms(model, {
    blockers: model.tasks.filter((tj) => tj.priority > ti.priority),
    guards: (mutex) => ceilingPriority(model, mutex) <= ti.priority,
    shielded: (tj) => tj.thresholdPriority <= ti.priority,
  });
}

/** The most urgent priority of any task that uses `mutex` (the mutex's priority ceiling). */
function ceilingPriority(model: TaskSetModel, mutex: string): number {
  let ceiling = Infinity;
  for (const t of model.tasks) if (t.criticalSectionCycles?.[mutex] !== undefined) ceiling = Math.min(ceiling, t.priority);
  return ceiling;
}

/** No tasks: the interrupts' interference alone. */
const NO_TASKS: readonly AnalysisTask[] = [];

/** Interference of the given tasks and all interrupts with releases counted by `count`. */
function demand(tasks: readonly AnalysisTask[], interrupts: readonly InterruptLoad[], count: (t: number, period: number, jitter: number) => number, t: number): number {
  let sum = 0;
  for (const tj of tasks) sum += count(t, tj.periodCycles, tj.releaseJitterCycles) * tj.wcetCycles;
  for (const l of interrupts) sum += count(t, l.periodCycles, l.releaseJitterCycles) * l.costCycles;
  return sum;
}

/**
 * The job of task `i` whose response is the worst, with the fixed points that gave it: job `job` of
 * the level-i busy period starts at `startCycles`, enters its final region at `regionCycles` (null
 * without one) and ends at `finishCycles`, all from the start of the busy period.
 */
export interface FpWorstJob {
  readonly job: number;
  readonly blocking: BlockingTerms;
  readonly startCycles: number;
  readonly regionCycles: number | null;
  readonly finishCycles: number;
  /** How far into the busy period the job is released at the earliest, before its lag: job T_i (a folded task: see `ownReleases`). */
  readonly offsetCycles: number;
  /** How late its release can be after its arrival: J_i (a folded task: its `releaseLagCycles`). */
  readonly jitterCycles: number;
  /** finish - offset + jitter: the response from the job's true arrival. */
  readonly wcrtCycles: number;
  /**
   * The latest a job ends after its arrival in the task's analysed stream (`periodCycles`,
   * `releaseJitterCycles`): the release jitter of what its jobs post. Equal to `wcrtCycles` unless
   * the task folds several streams, whose folded arrivals are not the jobs' true ones.
   */
  readonly streamResponseCycles: number;
}

/** Worst-case response time of task `i` in cycles, from a job's true arrival (Infinity when unbounded within the horizon). */
export function fpWorstCaseCycles(model: TaskSetModel, i: number, horizonCycles = defaultHorizonCycles(model)): number {
  return fpWorstJob(model, i, horizonCycles)?.wcrtCycles ?? Infinity;
}

/** The latest end of a job of task `i` after its arrival in its analysed stream (FpWorstJob `streamResponseCycles`; Infinity when unbounded). */
export function fpStreamResponseCycles(model: TaskSetModel, i: number, horizonCycles = defaultHorizonCycles(model)): number {
  return fpWorstJob(model, i, horizonCycles)?.streamResponseCycles ?? Infinity;
}

/** The jobs of a task a busy period can hold: how many, where job k is released at the earliest, and the lag of a release behind its arrival. */
interface OwnReleases {
  readonly count: number;
  readonly offset: (k: number) => number;
  readonly jitterCycles: number;
}

/**
 * The task's own jobs in a busy period of `busy` cycles; undefined past MAX_POINTS_PER_TASK. A plain
 * task is the classic stream: job k arrives k T_i after the first, whose release lags it by up to
 * J_i. A task with folded streams counts its jobs by the streams themselves: job k needs k + 1
 * releases in the closed window from the busy period's start to its release, which no window
 * shorter than the k-th smallest of the streams' earliest releases max(0, m T_j - J_j) holds; the
 * folded stream's jitter is not added, only how late a release can be after its own arrival.
 */
function ownReleases(ti: AnalysisTask, busy: number): OwnReleases | undefined {
  const folded = ti.foldedReleases;
  if (folded === undefined) {
    const count = releasesBefore(busy, ti.periodCycles, ti.releaseJitterCycles);
    return count > MAX_POINTS_PER_TASK ? undefined : { count, offset: (k) => k * ti.periodCycles, jitterCycles: ti.releaseJitterCycles };
  }
  const count = folded.streams.reduce((n, s) => n + releasesBefore(busy, s.periodCycles, s.releaseJitterCycles), 0);
  if (count > MAX_POINTS_PER_TASK) return undefined;
  const earliest: number[] = [];
  for (const s of folded.streams) {
    const jobs = releasesBefore(busy, s.periodCycles, s.releaseJitterCycles);
    for (let m = 0; m < jobs; m++) earliest.push(Math.max(0, m * s.periodCycles - s.releaseJitterCycles));
  }
  earliest.sort((a, b) => a - b);
  return { count, offset: (k) => earliest[k] as number, jitterCycles: folded.releaseLagCycles };
}

/** The worst job of task `i` and its fixed points (see FpWorstJob); undefined when unbounded within the horizon. */
export function fpWorstJob(model: TaskSetModel, i: number, horizonCycles = defaultHorizonCycles(model)): FpWorstJob | undefined {
  const ti = taskAt(model.tasks, i);
  const others = model.tasks.filter((_, j) => j !== i);
  const hp = others.filter((t) => t.priority <= ti.priority);
  const preempting = others.filter((t) => t.priority < ti.thresholdPriority);
  const irq = model.interrupts;
  const blockingTerm = fpBlockingTerms(model, i);
  const blocking = blockingTerm.cycles;
  const level = [...hp, ti];
  if (overloaded(loadWith(model, level), blocking)) return undefined;

  const busy = leastFixpoint((l) => blocking + demand(level, irq, releasesBefore, l), blocking + ti.wcetCycles, horizonCycles);
  if (!Number.isFinite(busy)) return undefined;
  const own = ownReleases(ti, busy);
  if (own === undefined) return undefined;
  const c = ti.wcetCycles;
  const p = ti.preemptibleCycles;
  const q = finalRegionCycles(ti);
  let worst: Omit<FpWorstJob, 'streamResponseCycles'> | undefined;
  let streamResponse = 0;
  for (let k = 0; k < own.count; k++) {
    const start = leastFixpoint((s) => blocking + k * c + demand(hp, irq, releasesUpTo, s), blocking + k * c, horizonCycles);
    if (!Number.isFinite(start)) return undefined;
    // Releases already counted up to the start are not counted again after it.
    const before = demand(preempting, irq, releasesUpTo, start);
    let finish: number;
    let region: number | null = null;
    if (q > 0) {
      const regionStart = leastFixpoint((x) => start + p + demand(preempting, irq, releasesUpTo, x) - before, start + p, horizonCycles);
      const irqAtRegion = demand(NO_TASKS, irq, releasesUpTo, regionStart);
      finish = leastFixpoint((r) => regionStart + q + Math.max(0, demand(NO_TASKS, irq, releasesBefore, r) - irqAtRegion), regionStart + q, horizonCycles);
      region = regionStart;
    } else {
      finish = leastFixpoint((r) => start + c + demand(preempting, irq, releasesBefore, r) - before, start + c, horizonCycles);
    }
    if (!Number.isFinite(finish)) return undefined;
    const offset = own.offset(k);
    const response = finish - offset + own.jitterCycles;
    streamResponse = Math.max(streamResponse, finish - k * ti.periodCycles + ti.releaseJitterCycles);
    if (worst === undefined || response > worst.wcrtCycles) worst = { job: k, blocking: blockingTerm, startCycles: start, regionCycles: region, finishCycles: finish, offsetCycles: offset, jitterCycles: own.jitterCycles, wcrtCycles: response };
  }
  return worst === undefined ? undefined : { ...worst, streamResponseCycles: streamResponse };
}
