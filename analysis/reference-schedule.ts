import type { AnalysisTask, InterruptLoad } from './model.ts';

/*
 * A cycle-by-cycle reference scheduler for small strictly periodic task sets: the model the
 * analyses are tested against (a bound must never be below a simulated response). Fixed priority
 * with thresholds and final non-preemptive regions, or EDF with final regions; ties go to the
 * earlier release, then the lower task index. A job is in its final region once it has run the
 * region's first unit (the reading of blocking.ts). Every job runs its worst case. Interrupt loads run
 * before any task work, final regions included, and leave the running task in place.
 */

/** Scheduling rule of the reference scheduler. */
export type ReferencePolicy = 'fp' | 'edf';

interface Job {
  readonly task: number;
  readonly release: number;
  readonly deadline: number;
  done: number;
  /** The first cycle the job ran (-1 until then). */
  start: number;
}

/** One completed job of the reference schedule: task, job number (0-based), release, first cycle run, completion. */
export interface ReferenceJob {
  readonly task: number;
  readonly job: number;
  readonly release: number;
  readonly start: number;
  readonly end: number;
}

/** True when a strictly periodic source with this offset releases at `t`. */
function releasesAt(t: number, offset: number, periodCycles: number): boolean {
  return t >= offset && (t - offset) % periodCycles === 0;
}

/**
 * Largest and smallest observed response per task over `[0, horizon)`, releasing task i at
 * offsets[i] + k T_i and interrupt load j at interruptOffsets[j] + k T_j. Each completed job is
 * appended to `completed` when given.
 */
export function simulateResponses(
  tasks: readonly AnalysisTask[],
  offsets: readonly number[],
  horizon: number,
  policy: ReferencePolicy,
  interrupts: readonly InterruptLoad[] = [],
  interruptOffsets: readonly number[] = [],
  completed?: ReferenceJob[],
): { worst: number[]; best: number[] } {
  const worst = tasks.map(() => 0);
  const best = tasks.map(() => Infinity);
  const ready: Job[] = [];
  let running: Job | undefined;
  let pendingIrqCycles = 0;
  for (let t = 0; t < horizon; t++) {
    tasks.forEach((task, i) => {
      if (releasesAt(t, offsets[i] ?? 0, task.periodCycles)) ready.push({ task: i, release: t, deadline: t + task.deadlineCycles, done: 0, start: -1 });
    });
    interrupts.forEach((irq, j) => {
      if (releasesAt(t, interruptOffsets[j] ?? 0, irq.periodCycles)) pendingIrqCycles += irq.costCycles;
    });
    if (pendingIrqCycles > 0) {
      pendingIrqCycles -= 1;
      continue;
    }
    running = pick(tasks, ready, running, policy);
    if (running === undefined) continue;
    if (running.done === 0) running.start = t;
    running.done += 1;
    const task = tasks[running.task];
    if (task !== undefined && running.done === task.wcetCycles) {
      const response = t + 1 - running.release;
      worst[running.task] = Math.max(worst[running.task] ?? 0, response);
      best[running.task] = Math.min(best[running.task] ?? Infinity, response);
      completed?.push({ task: running.task, job: (running.release - (offsets[running.task] ?? 0)) / task.periodCycles, release: running.release, start: running.start, end: t + 1 });
      ready.splice(ready.indexOf(running), 1);
      running = undefined;
    }
  }
  return { worst, best };
}

/** The jobs the reference scheduler completes in [0, horizon), in completion order (no interrupt loads). */
export function referenceSchedule(tasks: readonly AnalysisTask[], offsets: readonly number[], horizon: number, policy: ReferencePolicy): ReferenceJob[] {
  const completed: ReferenceJob[] = [];
  simulateResponses(tasks, offsets, horizon, policy, [], [], completed);
  return completed;
}

/** Urgency of a job (smaller runs first): FP uses the priority, raised to the threshold once the job has started. */
function urgency(tasks: readonly AnalysisTask[], job: Job, policy: ReferencePolicy): number {
  if (policy === 'edf') return job.deadline;
  const task = tasks[job.task];
  return job.done > 0 ? (task?.thresholdPriority ?? 0) : (task?.priority ?? 0);
}

/** Strict order of jobs: urgency, then a started job before a fresh one (a tie never preempts), release, task index. */
function before(tasks: readonly AnalysisTask[], a: Job, b: Job, policy: ReferencePolicy): boolean {
  const ua = urgency(tasks, a, policy);
  const ub = urgency(tasks, b, policy);
  if (ua !== ub) return ua < ub;
  if ((a.done > 0) !== (b.done > 0)) return a.done > 0;
  return a.release !== b.release ? a.release < b.release : a.task < b.task;
}

function pick(tasks: readonly AnalysisTask[], ready: readonly Job[], running: Job | undefined, policy: ReferencePolicy): Job | undefined {
  const task = running === undefined ? undefined : tasks[running.task];
  // In its final region once it has run the region's first unit: a release at the instant that unit
  // would start is seen first and may preempt (the reading of blocking.ts).
  if (running !== undefined && task !== undefined && running.done > task.preemptibleCycles) return running;
  let best: Job | undefined;
  for (const job of ready) if (best === undefined || before(tasks, job, best, policy)) best = job;
  return best;
}
