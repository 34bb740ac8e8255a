import type { Target } from '../hardware/target.ts';
import type { Workload } from '../workloads/types.ts';
import type { Policy } from './analyze.ts';
import { edfWorstCaseCycles } from './edf.ts';
import { fpWorstCaseCycles } from './fp.ts';
import { modelFromWorkload } from './from-workload.ts';
import type { TaskSetModel } from './model.ts';
import { scaleCycles } from '../workloads/scaling.ts';

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

/*
 * The paper's run-to-completion thresholds TH_i (section 5: the first TH_i of a job is preemptible,
 * the final C_i - TH_i is not). The paper gives no values and no rule for them. kbench assigns the
 * smallest TH_i that keeps every task within its deadline under the corrected analysis: the longest
 * final non-preemptive region, which is the paper's jitter control (a job that is not preempted
 * near its end ends at a steadier time). Tasks are visited from the most urgent down, each by
 * bisection over [0, C_i] with the thresholds already assigned fixed; a threshold found stays
 * schedulable because bisection only ever keeps a value it has checked.
 */

/**
 * Per task (visited in `order`), the smallest threshold in [0, wcets[i]] with which `schedulable`
 * holds, the other thresholds fixed; undefined when the set fails even fully preemptive.
 */
export function smallestRunToCompletionThresholds(wcets: readonly number[], order: readonly number[], schedulable: (thresholds: readonly number[]) => boolean): number[] | undefined {
  const thresholds = [...wcets];
  if (!schedulable(thresholds)) return undefined;
  const holdsWith = (i: number, th: number): boolean => schedulable(thresholds.map((t, j) => (j === i ? th : t)));
  for (const i of order) {
    let hi = thresholds[i] as number;
    if (holdsWith(i, 0)) hi = 0;
    let lo = 0;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (holdsWith(i, mid)) hi = mid;
      else lo = mid;
    }
    thresholds[i] = hi;
  }
  return thresholds;
}

/** True when every task of the model meets its deadline under the corrected analysis of `policy`. */
export function meetsDeadlines(model: TaskSetModel, policy: Policy): boolean {
  const worst = policy === 'fp' ? fpWorstCaseCycles : edfWorstCaseCycles;
  return model.tasks.every((t, i) => worst(model, i) <= t.deadlineCycles);
}

/**
 * The workload with the smallest run-to-completion thresholds (`preemptibleCycles`, in reference
 * cycles) that keep it schedulable on `target` under `policy`, or undefined when it is not
 * schedulable fully preemptive. Tasks are visited most urgent first (by priority, then deadline).
 */
export function withRunToCompletionThresholds(workload: Workload, target: Target, policy: Policy): Workload | undefined {
  const wcets = workload.tasks.map((t) => t.body.reduce((sum, s) => sum + (s.op === 'compute' ? s.cycles : 0), 0));
  const order = workload.tasks.map((_, i) => i).sort((a, b) => (workload.tasks[a]?.priority ?? 0) - (workload.tasks[b]?.priority ?? 0));
  const withThresholds = (thresholds: readonly number[]): Workload => ({ ...workload, tasks: workload.tasks.map((t, i) => ({ ...t, preemptibleCycles: thresholds[i] ?? 0 })) });
  const thresholds = smallestRunToCompletionThresholds(wcets, order, deadlinesMetWith(workload, target, policy));
  return thresholds === undefined ? undefined : withThresholds(thresholds);
}

/**
 * Whether `workload` with thresholds (by task index, in reference cycles) meets its deadlines on
 * `target`: the model built once, each trial setting only its tasks' preemptible parts, as
 * modelFromWorkload reads a task's `preemptibleCycles` (scaled to the target, at most its WCET).
 * Nothing else in the model depends on them, and a threshold within [0, C] scales to a whole
 * number wherever C does, so the workload's own check is each trial's.
 */
function deadlinesMetWith(workload: Workload, target: Target, policy: Policy): (thresholds: readonly number[]) => boolean {
  const { model } = modelFromWorkload(workload, target);
  // The model leaves out tasks it cannot bound (random arrivals): their thresholds change nothing.
  const specIndex = model.tasks.map((m) => workload.tasks.findIndex((t) => t.name === m.name));
  return (thresholds) =>
    meetsDeadlines(
      {
        ...model,
        tasks: model.tasks.map((m, j) => ({ ...m, preemptibleCycles: Math.min(m.wcetCycles, scaleCycles(thresholds[specIndex[j] as number] ?? 0, workload.referenceTarget, target)) })),
      },
      policy,
    );
}
