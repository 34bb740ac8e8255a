/*
 * The task model every response-time analysis here reads. All times are integer cycles of one
 * analysis target (the names say `Cycles`); `fromWorkload.ts` builds it from a workload and a target.
 * Priorities follow the workload: 0 is the most urgent.
 */

/** One task as the analysis sees it. */
export interface AnalysisTask {
  readonly name: string;
  /** Fixed priority, 0 most urgent (ignored by EDF). */
  readonly priority: number;
  /** Wang and Saksena's preemption threshold (a priority level <= `priority`); equal to `priority` when unused. */
  readonly thresholdPriority: number;
  /** Period, or minimum inter-arrival time of a sporadic task. */
  readonly periodCycles: number;
  /** Relative deadline. */
  readonly deadlineCycles: number;
  /**
   * The relative deadline an EDF kernel orders this task's jobs by, where it is not `deadlineCycles`:
   * a tick kernel keys a job by its release tick plus the deadline in whole ticks, rounded up (see
   * `edfKeyCycles`). Deadline misses are still judged against `deadlineCycles`.
   */
  readonly edfKeyDeadlineCycles?: number;
  /**
   * The earliest key, relative to its release, that the kernel may give one of this task's jobs,
   * where that is before `edfKeyCycles`: a tick kernel keys a job released by a post (a line's ISR,
   * a sporadic task's release timer) from the last tick before the post, so up to a tick early.
   * The analysis counts the task's interference by this key and its own response by the latest.
   */
  readonly edfEarliestKeyDeadlineCycles?: number;
  /** Worst-case execution (C_i). */
  readonly wcetCycles: number;
  /** Best-case execution (C_i^b). */
  readonly bcetCycles: number;
  /** The paper's TH_i: the first TH_i cycles of a job are preemptible, the final C_i - TH_i are not. */
  readonly preemptibleCycles: number;
  /** Release jitter: a job arriving at t is released somewhere in [t, t + J]. */
  readonly releaseJitterCycles: number;
  /** True for strictly periodic release; best-case interference is counted only from these. */
  readonly strictlyPeriodic: boolean;
  /**
   * When a strictly periodic task's first job arrives (its offset; absent: 0). Before it the task
   * releases nothing, so a job of another task that arrives earlier can meet fewer of its jobs than
   * the steady state's best case counts (best-case.ts).
   */
  readonly firstArrivalCycles?: number;
  /**
   * Set where the kernel releases the task by several streams that `periodCycles` and
   * `releaseJitterCycles` fold into one (MOS: its own trigger and its senders' posts). The folded
   * stream counts the task's releases, but its jitter is no lag of a job behind its arrival, so the
   * task's own response is counted from these streams instead.
   */
  readonly foldedReleases?: FoldedReleases;
  /** Longest critical section per mutex name (sections are not nested), for the blocking term of the mutex's protocol. */
  readonly criticalSectionCycles?: Readonly<Record<string, number>>;
  /**
   * The kernel does not reschedule between this task's jobs (a non-preemptive kernel: the take or
   * delay that ends a job returns at once when the next release is due), so a job that ends at or
   * past its next release runs that job straight on, still unpreempted.
   */
  readonly jobsBackToBack?: boolean;
  /**
   * A job of this task can start after a more urgent job has arrived but before that job is ready:
   * it is posted by an ISR of its own (an I/O line's, a sporadic task's release line), and the
   * kernel keeps the pick it makes when that ISR returns while the tick or release ISR that releases
   * the arrival is still pending. What it then runs unpreempted from its start blocks in full
   * (blocking.ts), not a cycle less.
   */
  readonly startsAfterArrivals?: boolean;
}

/** A sporadic release stream: minimum spacing and release jitter, in cycles. */
export interface ReleaseStream {
  readonly periodCycles: number;
  readonly releaseJitterCycles: number;
}

/** The streams a task's folded stream covers, and how late a job's release can be after its arrival as the kernel measures it. */
export interface FoldedReleases {
  readonly streams: readonly ReleaseStream[];
  /**
   * The most a job's release lags its arrival: its own trigger's release jitter (a tick kernel
   * releases a periodic job up to a tick late); a job a post releases arrives at the post.
   */
  readonly releaseLagCycles: number;
}

/**
 * How a mutex bounds priority inversion, which decides its blocking term:
 * - `ceiling`: the immediate priority ceiling (the owner runs at the most urgent user's priority at
 *   once; uC/OS-II's OSMutex): at most one critical section blocks a job, at its release.
 * - `inheritance`: priority inheritance (Sha, Rajkumar and Lehoczky, IEEE ToC 39(9), 1990): a job can
 *   be blocked once by each less urgent job and once per mutex; the blocking is the smaller sum.
 * - `srp`: Baker's Stack Resource Policy (Real-Time Systems 3(1), 1991), with preemption levels from
 *   relative deadlines under EDF; like `ceiling`, one critical section at most, at the release.
 * Under fixed priorities `srp` is analysed as `ceiling`; under EDF `ceiling` is analysed as `srp`
 * (a ceiling kernel under EDF must use preemption levels, or no bound holds) and `inheritance` as
 * deadline inheritance with the same two sums.
 */
export type { MutexProtocol } from '../system/model.ts';
import type { MutexProtocol } from '../system/model.ts';

/** Work above every task (ISRs, the kernel tick): it preempts tasks, even their non-preemptive regions. */
export interface InterruptLoad {
  readonly name: string;
  /** Minimum spacing between two occurrences. */
  readonly periodCycles: number;
  readonly costCycles: number;
  readonly bestCostCycles: number;
  readonly releaseJitterCycles: number;
  readonly strictlyPeriodic: boolean;
  /** When a strictly periodic line first arrives (its offset; absent: 0), as for a task. */
  readonly firstArrivalCycles?: number;
}

/** A task set ready for analysis. */
export interface TaskSetModel {
  readonly tasks: readonly AnalysisTask[];
  readonly interrupts: readonly InterruptLoad[];
  /** Blocking every task can suffer from a masked kernel section (0 without overheads). */
  readonly kernelBlockingCycles: number;
  /** Protocol per mutex name; a mutex not listed (or no map at all) uses `ceiling`. */
  readonly mutexProtocols?: Readonly<Record<string, MutexProtocol>>;
}

/** Task `i` of a task list, or a RangeError naming the index. */
/** The relative deadline EDF orders the task's jobs by: the kernel's key where it has one, else the deadline. */
export function edfKeyCycles(t: AnalysisTask): number {
  return t.edfKeyDeadlineCycles ?? t.deadlineCycles;
}

/** The earliest relative key one of the task's jobs can carry (`edfEarliestKeyDeadlineCycles`, else `edfKeyCycles`): where it interferes with others. */
export function edfEarliestKeyCycles(t: AnalysisTask): number {
  return t.edfEarliestKeyDeadlineCycles ?? edfKeyCycles(t);
}

export function taskAt(tasks: readonly AnalysisTask[], i: number): AnalysisTask {
  const t = tasks[i];
  if (t === undefined) throw new RangeError(`no task at index ${i}`);
  return t;
}

/** The protocol of `mutex` in `model` (`ceiling` unless the model says otherwise). */
export function mutexProtocol(model: TaskSetModel, mutex: string): MutexProtocol {
  return model.mutexProtocols?.[mutex] ?? 'ceiling';
}

/** Final non-preemptive region of a task: C_i - TH_i. */
export function finalRegionCycles(task: AnalysisTask): number {
  return task.wcetCycles - task.preemptibleCycles;
}

/** Per-task bounds in cycles; Infinity when no bound exists (overload, divergence). */
export interface ModelBounds {
  readonly name: string;
  readonly wcrtCycles: number;
  readonly bcrtCycles: number;
  readonly jitterCycles: number;
  /**
   * False when the exact analysis had too many points to examine and `wcrtCycles` is a coarser safe
   * bound instead (EDF: the relative deadline of a set the exact test calls schedulable, else the
   * longest busy period plus release jitter). Absent means exact.
   */
  readonly exact?: boolean;
  /** Set when the task is unbounded because this less urgent task can run its jobs back to back and block for several (corrected.ts). */
  readonly blockedBackToBackBy?: string;
}

/** A model with only the given tasks, for tests and the builders (no interrupts, no kernel blocking, every mutex `ceiling`). */
export function taskSet(tasks: readonly AnalysisTask[], interrupts: readonly InterruptLoad[] = [], kernelBlockingCycles = 0, mutexProtocols?: Readonly<Record<string, MutexProtocol>>): TaskSetModel {
  return mutexProtocols === undefined ? { tasks, interrupts, kernelBlockingCycles } : { tasks, interrupts, kernelBlockingCycles, mutexProtocols };
}

/** A task with defaults for the optional parts of the model: fully preemptive, no threshold, D = T, no jitter, periodic. */
export function task(fields: Pick<AnalysisTask, 'name' | 'priority' | 'periodCycles' | 'wcetCycles'> & Partial<AnalysisTask>): AnalysisTask {
  return {
    thresholdPriority: fields.priority,
    deadlineCycles: fields.periodCycles,
    bcetCycles: fields.wcetCycles,
    preemptibleCycles: fields.wcetCycles,
    releaseJitterCycles: 0,
    strictlyPeriodic: true,
    ...fields,
  };
}

/**
 * Most jobs (FP) or arrival offsets (EDF) one task's analysis examines. A busy period that needs more
 * (utilisation within a hair of 1 over a long hyperperiod) is reported unbounded rather than computed
 * for minutes: conservative, and said so in the report.
 */
export const MAX_POINTS_PER_TASK = 20_000;

/** How far a response-time iteration may go before the task is declared unbounded: 1000 times the longest period or deadline, and never past the safe integers. */
export function defaultHorizonCycles(model: TaskSetModel): number {
  let longest = 1;
  for (const t of model.tasks) longest = Math.max(longest, t.periodCycles, t.deadlineCycles);
  for (const l of model.interrupts) longest = Math.max(longest, l.periodCycles);
  return Math.min(longest * 1000, Number.MAX_SAFE_INTEGER);
}

/** Utilisation of the given tasks plus every interrupt load. */
export function loadWith(model: TaskSetModel, tasks: readonly AnalysisTask[]): number {
  let u = 0;
  for (const t of tasks) u += t.wcetCycles / t.periodCycles;
  for (const l of model.interrupts) u += l.costCycles / l.periodCycles;
  return u;
}

/** True when a busy period with this load and blocking cannot end: U > 1, or U = 1 with blocking. */
export function overloaded(utilizationValue: number, blockingCycles: number): boolean {
  const EPS = 1e-12;
  return utilizationValue > 1 + EPS || (utilizationValue >= 1 - EPS && blockingCycles > 0);
}
