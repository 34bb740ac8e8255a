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
  /** Longest critical section per mutex name, for the blocking term of the ceiling protocol. */
  readonly criticalSectionCycles?: Readonly<Record<string, number>>;
}

/** Work above every task (ISRs, the kernel tick): it preempts tasks, even their non-preemptive regions. */
export interface InterruptLoad {
  readonly name: string;
  /** Minimum spacing between two occurrences. */
  readonly periodCycles: number;
  readonly costCycles: number;
  readonly bestCostCycles: number;
  readonly releaseJitterCycles: number;
  readonly strictlyPeriodic: boolean;
}

/** A task set ready for analysis. */
export interface TaskSetModel {
  readonly tasks: readonly AnalysisTask[];
  readonly interrupts: readonly InterruptLoad[];
  /** Blocking every task can suffer from a masked kernel section (0 without overheads). */
  readonly kernelBlockingCycles: number;
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
}

/** A model with only the given tasks, for tests and the builders (no interrupts, no kernel blocking). */
export function taskSet(tasks: readonly AnalysisTask[], interrupts: readonly InterruptLoad[] = [], kernelBlockingCycles = 0): TaskSetModel {
  return { tasks, interrupts, kernelBlockingCycles };
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

/** How far a response-time iteration may go before the task is declared unbounded: 1000 times the longest period or deadline. */
export function defaultHorizonCycles(model: TaskSetModel): number {
  let longest = 1;
  for (const t of model.tasks) longest = Math.max(longest, t.periodCycles, t.deadlineCycles);
  for (const l of model.interrupts) longest = Math.max(longest, l.periodCycles);
  return longest * 1000;
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
