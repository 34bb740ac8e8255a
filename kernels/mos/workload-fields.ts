import type { Workload } from '../../workloads/types.ts';
import { ProfileLimitError } from '../core/validate.ts';
import { MAX_MODULES, MESSAGE_BITS } from './config.ts';

/*
 * MOS checks a workload in its own terms (`workload.tasks[2] (name)`, `config.modules[0] (prio0)`),
 * which suits its tests and its config. A user who runs a workload file on MOS has only the
 * workload's fields, so the registry-facing adapter states MOS's limits on those fields.
 */

/**
 * Workloads that passed `checkDefaultModulesFit`: the check is pure in the workload (a read-only
 * record), and studies boot one workload thousands of times. A failing one is not remembered.
 */
const fitting = new WeakSet<Workload>();

/** What the default mapping (one module per priority) needs: at most 32 priorities, at most 32 tasks per priority. */
export function checkDefaultModulesFit(workload: Workload): void {
  if (fitting.has(workload)) return;
  const tasksAt = new Map<number, number>();
  workload.tasks.forEach((task, i) => {
    const n = (tasksAt.get(task.priority) ?? 0) + 1;
    tasksAt.set(task.priority, n);
    if (n > MESSAGE_BITS) {
      throw new ProfileLimitError(`mos: tasks[${i}].priority: ${n} tasks share priority ${task.priority}; MOS makes one module per priority, and a module holds at most ${MESSAGE_BITS} tasks (one per message bit)`);
    }
  });
  const priorities = [...tasksAt.keys()].sort((a, b) => a - b);
  const firstOver = priorities[MAX_MODULES];
  if (firstOver !== undefined) {
    const i = workload.tasks.findIndex((t) => t.priority === firstOver);
    throw new ProfileLimitError(`mos: tasks[${i}].priority: the workload has ${priorities.length} distinct priorities; MOS makes one module per priority and has at most ${MAX_MODULES} modules (one module-ready word)`);
  }
  fitting.add(workload);
}

/** `error` with MOS's names for workload fields replaced by the workload's own field paths. */
export function inWorkloadTerms(error: ProfileLimitError, workload: Workload): ProfileLimitError {
  const names: [string, string][] = [['workload.tickHz', 'tickHz']];
  workload.tasks.forEach((task, i) => names.push([`workload.tasks[${i}] (${task.name})`, `tasks[${i}]`]));
  (workload.resources?.queues ?? []).forEach((q, j) => names.push([`workload.resources (bus object ${q.name})`, `resources.queues[${j}]`]));
  (workload.resources?.mailboxes ?? []).forEach((b, j) => names.push([`workload.resources (bus object ${b.name})`, `resources.mailboxes[${j}]`]));
  names.push(['workload.tasks', 'tasks']);
  let message = error.message;
  for (const [mos, field] of names) message = message.replace(`mos: ${mos}`, `mos: ${field}`);
  return message === error.message ? error : new ProfileLimitError(message);
}
