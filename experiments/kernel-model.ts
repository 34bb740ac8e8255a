import { modelFromWorkload } from '../analysis/from-workload.ts';
import type { TaskSetModel } from '../analysis/model.ts';
import { withOverheads } from '../analysis/overheads.ts';
import { getTarget } from '../hardware/targets/index.ts';
import type { OsProfile } from '../kernels/profiles/types.ts';
import type { Workload } from '../workloads/types.ts';
import { overheadsFor } from './overheads.ts';

/**
 * The analysis model of `workload` as `profile`'s kernel runs it on a target, the kernel's priced
 * overheads included. Two facts of the kernel the workload alone does not carry: a non-preemptive
 * kernel (uKernel) runs every job to completion once dispatched (TH_i = 0: the whole job is its
 * final region), and a round-robin kernel's time slice lets a task on the same level take the CPU
 * after a job has started, so tasks sharing a level preempt each other throughout (modelled as a
 * threshold half a level below their own priority, which puts exactly the equal-level tasks among
 * those that preempt a started job).
 */
export function kernelModel(profile: OsProfile, targetId: string, workload: Workload): TaskSetModel {
  const target = getTarget(targetId);
  const built = modelFromWorkload(workload, target);
  const shared = (p: number): boolean => workload.tasks.filter((t) => t.priority === p).length > 1;
  const tasks = built.model.tasks.map((t) => ({
    ...t,
    preemptibleCycles: profile.preemptive ? t.preemptibleCycles : 0,
    thresholdPriority: profile.timeSliceTicks !== undefined && shared(t.priority) ? t.priority + 0.5 : t.thresholdPriority,
  }));
  return withOverheads({ ...built.model, tasks }, overheadsFor(profile, target, workload), built.releasingLines);
}
