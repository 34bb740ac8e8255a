import type { Step, TaskSpec, Trigger, Workload } from './types.ts';

/*
 * Execution and timing facts derived from a task's declaration, shared by the schema's rules and the
 * analysis so both read a workload the same way.
 */

/** Cycles as they are: the reference target's. */
const asGiven = (cycles: number): number => cycles;

/**
 * Worst-case execution of one job: the sum of its compute steps, each converted by `perStep` (the
 * kernels scale every step to the target on its own, so the sum of scaled steps is what they run).
 */
export function worstCycles(task: Pick<TaskSpec, 'body'>, perStep: (cycles: number) => number = asGiven): number {
  let sum = 0;
  for (const step of task.body) if (step.op === 'compute') sum += perStep(step.cycles);
  return sum;
}

/** Best-case execution of one job: each compute step's `bestCycles`, else its `cycles`, converted by `perStep`. */
export function bestCycles(task: Pick<TaskSpec, 'body'>, perStep: (cycles: number) => number = asGiven): number {
  let sum = 0;
  for (const step of task.body) if (step.op === 'compute') sum += perStep(step.bestCycles ?? step.cycles);
  return sum;
}

/** The task's release jitter in us: how long after its arrival a job may be released (0 when not stated). */
export function releaseJitterUs(task: Pick<TaskSpec, 'releaseJitterUs'>): number {
  return task.releaseJitterUs ?? 0;
}

/** The minimum time between two releases of a trigger in us, or undefined for an I/O line (see the line). */
export function triggerSpacingUs(trigger: Trigger): number | undefined {
  if (trigger.kind === 'periodic') return trigger.periodUs;
  if (trigger.kind === 'sporadic') return trigger.minInterArrivalUs;
  return undefined;
}

/** Minimum release spacing of a task in us (an I/O-triggered task takes its line's), or undefined when unbounded. */
export function taskSpacingUs(task: TaskSpec, workload: Pick<Workload, 'ioLines'>): number | undefined {
  if (task.trigger.kind !== 'io') return triggerSpacingUs(task.trigger);
  const lineName = task.trigger.line;
  const line = workload.ioLines?.find((l) => l.name === lineName);
  if (line === undefined || line.arrival.kind === 'random') return undefined;
  return line.arrival.kind === 'periodic' ? line.arrival.periodUs : line.arrival.minInterArrivalUs;
}

/** The task's relative deadline in us: declared, else its release spacing (undefined if neither exists). */
export function deadlineUs(task: TaskSpec, workload: Pick<Workload, 'ioLines'>): number | undefined {
  return task.deadlineUs ?? taskSpacingUs(task, workload);
}

/** The compute cycles spent between each `lock m` and its `unlock m` (longest per mutex), for blocking terms. */
export function criticalSectionCycles(body: readonly Step[], perStep: (cycles: number) => number = asGiven): Map<string, number> {
  const open = new Map<string, number>();
  const longest = new Map<string, number>();
  for (const step of body) {
    if (step.op === 'lock') open.set(step.mutex, 0);
    else if (step.op === 'unlock') {
      const held = open.get(step.mutex);
      if (held !== undefined) longest.set(step.mutex, Math.max(longest.get(step.mutex) ?? 0, held));
      open.delete(step.mutex);
    } else if (step.op === 'compute') for (const [m, c] of open) open.set(m, c + perStep(step.cycles));
  }
  return longest;
}
