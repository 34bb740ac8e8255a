import type { OsProfile } from '../kernels/profiles/types.ts';
import type { Workload } from '../workloads/types.ts';
import type { BenchModules } from './bench-modules.ts';

/**
 * A workload on a design's default profile. The bench times a design's mechanisms, not a profile's
 * limits: the profile is widened to the workload's priorities and tasks (WORIX has 6, the meter
 * 11); a mutex takes the profile's own inversion protocol; and where the profile has no mutexes
 * (MOS: one level never preempts itself, shared data goes over the bus) the lock/unlock steps are
 * dropped, with the tree's own `withoutLocks`.
 */
export function fitted(modules: BenchModules, profile: OsProfile, workload: Workload): { profile: OsProfile; workload: Workload } {
  const levels = workload.tasks.length;
  const widened = { ...profile, priorities: Math.max(profile.priorities, levels), maxTasks: Math.max(profile.maxTasks, levels) };
  const protocol = profile.inversion[0];
  if (profile.services.mutex && protocol !== undefined) {
    const mutexes = (workload.resources?.mutexes ?? []).map((m) => ({ ...m, protocol }));
    return { profile: widened, workload: { ...workload, resources: { ...workload.resources, mutexes } } };
  }
  return { profile: widened, workload: modules.withoutLocks(workload) };
}
