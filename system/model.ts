/*
 * The system a kernel actually runs, as plain data: one record per (profile or design, target,
 * workload), derived once (kernels/system-model.ts) and read by every consumer: the overhead-aware
 * analysis (analysis/from-system.ts), `kbench analyze`, the bounds and breakdown experiments. Where
 * analysis and simulation disagree about a system, one of them reads this record wrongly.
 *
 * This module imports only workload types: analysis/ and kernels/ both read it, and neither imports
 * the other.
 */

/** How the kernel orders ready jobs: fixed priorities or earliest absolute deadline. */
export type SchedulingPolicy = 'fp' | 'edf';

/**
 * The protocol a mutex follows: priority inheritance (Sha, Rajkumar and Lehoczky 1990), the
 * priority ceiling protocol (ibid.), or the Stack Resource Policy (Baker 1991) of deadline-keyed
 * kernels. A workload names it, so its type lives with the workload's.
 */
export type { MutexProtocol } from '../workloads/types.ts';
import type { MutexProtocol } from '../workloads/types.ts';

/**
 * A kernel's costs on one target, in its cycles, priced from the kernel's own blocks: what the
 * kernel contract reports (kernels/ prices it) and the analysis folds in. Written once, here.
 */
export interface KernelCosts {
  /** The tick ISR's kernel work for the configured task count, no task waking. */
  readonly tickCycles: number;
  /** Making one task ready (from the tick or a post). */
  readonly releaseCycles: number;
  /** Save, pick next, restore. */
  readonly switchCycles: number;
  /**
   * The service that ends a job, at worst: the delay-until call that makes the task unready and
   * puts it to sleep (the switch away is `switchCycles`). It runs after the job's output, so it
   * delays the tasks below, not the job's own I/O.
   */
  readonly jobEndCycles: number;
  readonly isrEntryCycles: number;
  readonly isrExitCycles: number;
  /** The longest masked section of any kernel service in this configuration. */
  readonly longestCriticalSectionCycles: number;
  /** A mutex lock service at worst, from the call to the return (0 without mutexes). */
  readonly mutexLockCycles: number;
  /** A mutex unlock service at worst, waiter hand-over and priority restore included (0 without mutexes). */
  readonly mutexUnlockCycles: number;
}

/** The record the analysis folds in: the kernel's costs plus the period of its tick. */
export interface KernelOverheads extends KernelCosts {
  /** Period of the kernel tick. */
  readonly tickPeriodCycles: number;
}

/** One workload task as the kernel schedules it. */
export interface SystemTask {
  readonly name: string;
  /** The kernel's priority for the task, 0 most urgent (fixed-priority kernels; EDF ignores it). */
  readonly priority: number;
  /**
   * Preemption threshold (Wang and Saksena 1999): once a job has started, only tasks whose priority
   * is more urgent than this preempt it. Equal to `priority` for a fully preemptive task.
   */
  readonly threshold: number;
  /** A started job runs to its end: a non-preemptive kernel (only interrupts preempt it). */
  readonly runToCompletion: boolean;
  /**
   * A job that ends at or past its next release goes straight on into that job with what protects
   * it still in force: the take or delay that ends a job returns at once when the release is due,
   * with no scheduling point (a non-preemptive kernel, or a job under a preemption threshold).
   */
  readonly jobsBackToBack: boolean;
  /** The task shares a time-sliced level: tasks of equal priority preempt a started job at a slice end. */
  readonly timeSliced: boolean;
}

/**
 * How job releases are placed in time. Either way a job's response counts from its true arrival.
 */
export type ReleaseQuantisation =
  /** Periodic jobs are released by the tick ISR at the first tick at or after their arrival. */
  | { readonly kind: 'tick'; readonly tickUs: number; readonly tickPeriodCycles: number }
  /** Every job is released at its exact arrival by a timer (a tickless kernel; the ideal mode). */
  | { readonly kind: 'exact' };

/**
 * A task the kernel releases at another task's send (MOS: a send on a bus object posts the task
 * that receives from it). The receiver then runs as often as its senders, besides its own trigger.
 */
export interface MessageRelease {
  /** Workload index of the sending task. */
  readonly sender: number;
  /** Index of the send step in the sender's body. */
  readonly step: number;
  /** Workload index of the task the send releases. */
  readonly receiver: number;
}

/**
 * What a job pays in its own execution for one message step, at worst, where the analysis counts
 * it: a kernel whose send posts its receiver (MOS's bus: security check, ring write and post, the
 * scheduler check after a task-level post; a receive's check and ring read).
 */
export interface MessageServiceCycles {
  readonly sendCycles: number;
  readonly receiveCycles: number;
}

/** The system a profile (or design) runs for a workload on a target. */
export interface SystemModel {
  readonly profile: string;
  readonly design: string;
  readonly target: string;
  readonly policy: SchedulingPolicy;
  /** In workload task order. */
  readonly tasks: readonly SystemTask[];
  /** Time slice among equal priorities, in cycles; null without time slicing. */
  readonly timeSliceCycles: number | null;
  /** The protocol of each workload mutex, by name. */
  readonly mutexProtocols: Readonly<Record<string, MutexProtocol>>;
  readonly releases: ReleaseQuantisation;
  /** Releases made by sends, one per send step that posts its receiver (empty where a receive waits instead). */
  readonly messageReleases: readonly MessageRelease[];
  /** Cycles each send and receive step adds to its job; null where a receive may block (the suspension is outside the analysed model, and so are these services). */
  readonly messageServices: MessageServiceCycles | null;
  readonly overheads: KernelOverheads;
  /**
   * The relative deadline (us) a deadline-keyed kernel orders each task's jobs by, in workload task
   * order, where it is not the task's own: under tick releases the deadline in whole ticks, rounded
   * up (null for a task without a deadline). Null when the keys are the deadlines (exact releases,
   * fixed priorities).
   */
  readonly edfDeadlineKeysUs: readonly (number | null)[] | null;
  /** What the kernel does that the workload alone does not say, one sentence each (for reports). */
  readonly notes: readonly string[];
}
