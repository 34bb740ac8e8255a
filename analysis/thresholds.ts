import type { Target } from '../hardware/target.ts';
import type { Workload } from '../workloads/types.ts';
import { fpWorstCaseCycles } from './fp.ts';
import { modelFromWorkload } from './from-workload.ts';
import type { TaskSetModel } from './model.ts';

/*
 * Preemption-threshold assignment, Wang and Saksena, "Scheduling fixed-priority tasks with
 * preemption threshold", RTCSA 1999, section 4 (algorithm "Assign Preemption Thresholds"): visit
 * tasks from the least urgent up; start each threshold at the task's priority and raise it one level
 * at a time until the task meets its deadline. A task's response depends only on its own threshold
 * and on the thresholds of less urgent tasks (through blocking), all final when it is visited, so one
 * pass suffices; it fails when a threshold would pass the most urgent level. Here 0 is most urgent,
 * so "raise" means decrement.
 */

/** Thresholds (by task index) that make the model schedulable, or undefined when the algorithm fails. */
export function assignPreemptionThresholds(model: TaskSetModel): number[] | undefined {
  const thresholds = model.tasks.map((t) => t.priority);
  const mostUrgent = Math.min(...model.tasks.map((t) => t.priority));
  const order = model.tasks.map((_, i) => i).sort((a, b) => (model.tasks[b]?.priority ?? 0) - (model.tasks[a]?.priority ?? 0));
  for (const i of order) {
    const ti = model.tasks[i];
    if (ti === undefined) continue;
    for (;;) {
      const trial: TaskSetModel = { ...model, tasks: model.tasks.map((t, j) => ({ ...t, thresholdPriority: thresholds[j] ?? t.priority })) };
      if (fpWorstCaseCycles(trial, i) <= ti.deadlineCycles) break;
      const next = (thresholds[i] ?? ti.priority) - 1;
      if (next < mostUrgent) return undefined;
      thresholds[i] = next;
    }
  }
  return thresholds;
}

/** The workload with Wang and Saksena thresholds written into its tasks, or undefined when none make it schedulable on `target`. */
export function withAssignedThresholds(workload: Workload, target: Target): Workload | undefined {
  const { model } = modelFromWorkload(workload, target);
  const thresholds = assignPreemptionThresholds(model);
  if (thresholds === undefined) return undefined;
  const byName = new Map(model.tasks.map((t, i) => [t.name, thresholds[i]]));
  return { ...workload, tasks: workload.tasks.map((t) => ({ ...t, preemptionThreshold: byName.get(t.name) ?? t.priority })) };
}
