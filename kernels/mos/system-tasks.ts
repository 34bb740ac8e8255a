import type { MessageRelease, SystemTask } from '../../system/model.ts';
import type { Workload } from '../../workloads/types.ts';
import { ProfileLimitError } from '../core/validate.ts';
import { mapWorkload, type MosMapping } from './config.ts';
import { checkDefaultModulesFit, inWorkloadTerms } from './workload-fields.ts';

/**
 * How MOS schedules each workload task: a fixed priority (module rank, then message bit, which
 * follow the workload's priorities) with limited preemption. Tasks on one execution level never
 * preempt each other, and a higher level preempts a lower one at once: that is Wang and Saksena's
 * preemption threshold set to the most urgent priority of the task's level.
 */
export function mosSystemTasks(workload: Workload): { tasks: SystemTask[]; notes: string[]; messageReleases: MessageRelease[] } {
  checkDefaultModulesFit(workload);
  let mapping: MosMapping;
  try {
    mapping = mapWorkload(workload);
  } catch (e) {
    // Refused in the workload's own fields, as the boot refuses it.
    throw e instanceof ProfileLimitError ? inWorkloadTerms(e, workload) : e;
  }
  const levelOf = (i: number): number => mapping.places[i]?.level ?? 0;
  const levelTop = new Map<number, number>();
  workload.tasks.forEach((t, i) => levelTop.set(levelOf(i), Math.min(levelTop.get(levelOf(i)) ?? Infinity, t.priority)));
  const tasks = workload.tasks.map((t, i): SystemTask => ({ name: t.name, priority: t.priority, threshold: levelTop.get(levelOf(i)) ?? t.priority, runToCompletion: false, jobsBackToBack: false, timeSliced: false }));
  const levels = Array.from({ length: mapping.levels }, (_, l) => workload.tasks.filter((_t, i) => levelOf(i) === l).map((t) => t.name).join(', '));
  const messageReleases = postingSends(workload, mapping);
  const posted = [...new Set(messageReleases.map((m) => m.receiver))].map((r) => workload.tasks[r]?.name);
  return {
    tasks,
    messageReleases,
    notes: [
      ...(posted.length > 0 ? [`mos: a send posts the task that receives from its bus object, so ${posted.join(', ')} also run at each send of their senders, besides their own triggers`] : []),
      `mos: ${mapping.levels} execution levels (${levels.map((names, l) => `level ${l}: ${names}`).join('; ')}); a task is preempted only by a higher level: its preemption threshold is its level's most urgent priority`,
      'mos: a release that finds the task\'s message still pending merges with it (the job is lost), so a task whose bound exceeds its period loses jobs rather than queueing them',
    ],
  };
}

/**
 * The sends that post a task (kernel.ts busSend): every send on a bus object some task receives
 * from, unless the security module refuses it (sender and receiver in different user groups), as
 * the boot plans it.
 */
function postingSends(workload: Workload, mapping: MosMapping): MessageRelease[] {
  const groupOf = (task: number): number | undefined => mapping.modules[mapping.places[task]?.module ?? -1]?.group;
  return workload.tasks.flatMap((task, sender) =>
    task.body.flatMap((step, j): MessageRelease[] => {
      if (step.op !== 'send') return [];
      const receiver = mapping.busObjects.find((o) => o.name === step.queue)?.receiver ?? -1;
      return receiver >= 0 && groupOf(sender) === groupOf(receiver) ? [{ sender, step: j, receiver }] : [];
    }),
  );
}
