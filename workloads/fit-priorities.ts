import type { Workload } from './types.ts';

/**
 * `workload` with its priorities folded into a kernel's range of `priorities` levels: where the
 * kernel has fewer levels than the workload's ranks, the least urgent tasks share its lowest level
 * (and its time slice, for a round-robin kernel). Every study fits a named set to a kernel this way.
 */
export function fitPriorities(workload: Workload, profile: { readonly priorities: number }): Workload {
  return { ...workload, tasks: workload.tasks.map((t) => ({ ...t, priority: Math.min(t.priority, profile.priorities - 1) })) };
}
