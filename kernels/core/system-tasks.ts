import type { SystemTask } from '../../system/model.ts';
import type { Workload } from '../../workloads/types.ts';
import type { OsProfile } from '../profiles/types.ts';
import type { CoreDesignSpec } from './design.ts';
import { checkWorkloadFitsProfile } from './validate.ts';

/** How a core-based kernel schedules each workload task, with the sentences that explain it. */
export function coreSystemTasks(design: CoreDesignSpec, profile: OsProfile, workload: Workload): { tasks: SystemTask[]; notes: string[] } {
  checkWorkloadFitsProfile(workload, profile, design.keyedByDeadline);
  const sharing = (p: number): number => workload.tasks.filter((t) => t.priority === p).length;
  const sliced = profile.timeSliceTicks !== undefined;
  const tasks = workload.tasks.map((t): SystemTask => {
    // The deadline-keyed ready list ignores thresholds (the dispatcher compares deadlines only).
    const threshold = design.keyedByDeadline ? t.priority : (t.preemptionThreshold ?? t.priority);
    return {
      name: t.name,
      priority: t.priority,
      threshold,
      runToCompletion: !profile.preemptive,
      // A due release re-enters the job without OS_Sched (kernel.ts delayUntil, semTake), and the
      // job keeps the CPU as it had it: whole, or under its threshold.
      jobsBackToBack: !profile.preemptive || threshold < t.priority,
      timeSliced: sliced && sharing(t.priority) > 1,
    };
  });
  const notes: string[] = [];
  if (design.keyedByDeadline) notes.push(`${profile.id}: earliest absolute deadline first (ready list keyed by deadline); task priorities and preemption thresholds are not used`);
  if (!profile.preemptive) notes.push(`${profile.id} is non-preemptive: a started job runs to its end, so its whole execution is a final non-preemptive region`);
  const shared = [...new Set(tasks.filter((t) => t.timeSliced).map((t) => t.priority))];
  if (shared.length > 0) notes.push(`priorities ${shared.join(', ')} are shared by several tasks that time-slice every ${String(profile.timeSliceTicks)} ticks: tasks of one level preempt each other after a job starts`);
  return { tasks, notes };
}
