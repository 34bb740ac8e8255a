import { mutexProtocolOf } from '../kernels/profiles/protocol.ts';
import type { OsProfile } from '../kernels/profiles/types.ts';
import { fitAppHeaders } from './adapt-apps.ts';
import type { ResourceSpec, Step, TaskSpec, Workload } from '../workloads/types.ts';

/*
 * What `kbench compare --adapt` changes in a workload so that a profile can host it, each change
 * stated: an architect porting a task set to another kernel folds its priorities into the kernel's
 * levels, takes the mutex protocol the kernel offers, and maps a service the kernel lacks onto one
 * it has. Nothing else is changed: a task count over the kernel's limit, a missing service with no
 * stand-in, or a footprint over the part's memory stays a rejection (the kernel's boot says why).
 * APPs stay APPs (their tasks keep the SVC gate and the MPU switch); an APP header that must follow
 * its adapted tasks is changed and listed (adapt-apps.ts).
 */

/** A workload as adapted to a profile, with one sentence per change (empty when none was needed). */
export interface AdaptedWorkload {
  readonly workload: Workload;
  readonly adaptations: readonly string[];
  /** Mutexes whose lock was removed (a kernel with neither mutexes nor semaphores): their critical sections are no longer protected. */
  readonly unprotectedMutexes: readonly string[];
}

/** The scheduling facts of a design that decide whether priorities must be folded. */
export interface DesignTraits {
  /** A deadline-keyed ready list accepts equal priorities (kernels/core/validate.ts). */
  readonly keyedByDeadline: boolean;
}

/** `workload` changed only as far as `profile` needs to host it, with every change listed. */
export function adaptWorkload(workload: Workload, profile: OsProfile, design: DesignTraits): AdaptedWorkload {
  const priorities = foldPriorities(workload, profile, design);
  const mutexes = fitMutexes(priorities.workload, profile);
  const apps = fitAppHeaders(workload, mutexes.workload);
  return { workload: apps.workload, adaptations: [...priorities.adaptations, ...mutexes.adaptations, ...apps.adaptations], unprotectedMutexes: mutexes.unprotectedMutexes };
}

/**
 * Priorities renumbered to the profile's levels, order kept: the distinct priorities ranked densely
 * (0, 1, 2, ...), and where the profile lets tasks share a level, the ranks past its last level
 * folded into it (they then share it, time-sliced where the kernel slices). A kernel that gives each
 * task its own priority gets one rank per task, ties broken by task order.
 */
function foldPriorities(workload: Workload, profile: OsProfile, design: DesignTraits): AdaptedWorkload {
  const tasks = workload.tasks;
  const shareAllowed = profile.samePriority || design.keyedByDeadline;
  const outOfRange = tasks.some((t) => t.priority >= profile.priorities);
  const shared = new Set(tasks.map((t) => t.priority)).size < tasks.length;
  if (!outOfRange && (shareAllowed || !shared)) return unchanged(workload);
  // Too many tasks for distinct levels: nothing to fold into; the kernel's check says so.
  if (!shareAllowed && tasks.length > profile.priorities) return unchanged(workload);
  const newPriority = shareAllowed ? denseRanks(tasks, profile.priorities) : uniqueRanks(tasks);
  const fold = (t: TaskSpec, i: number): TaskSpec => {
    const priority = newPriority[i] ?? t.priority;
    return { ...t, priority, ...(t.preemptionThreshold === undefined ? {} : { preemptionThreshold: thresholdAfter(t.preemptionThreshold, tasks, newPriority) }) };
  };
  const folded = tasks.map(fold);
  const moved = folded.filter((t, i) => t.priority !== tasks[i]?.priority).map((t) => `${t.name} ${tasks.find((o) => o.name === t.name)?.priority} -> ${t.priority}`);
  const lowest = profile.priorities - 1;
  const sharing = folded.filter((t) => t.priority === lowest).map((t) => t.name);
  const share = shareAllowed && sharing.length > 1 ? `; ${sharing.join(', ')} share level ${lowest}${profile.timeSliceTicks === undefined ? '' : `, time-sliced every ${profile.timeSliceTicks} tick(s)`}` : '';
  return { workload: { ...workload, tasks: folded }, unprotectedMutexes: [], adaptations: [`priorities folded into ${profile.id}'s ${profile.priorities} levels, order kept (${moved.join(', ')})${share}`] };
}

/** The workload as given: nothing to adapt. */
export function unchanged(workload: Workload): AdaptedWorkload {
  return { workload, adaptations: [], unprotectedMutexes: [] };
}

/** Dense ranks of the distinct priorities (ties kept), the ranks past `levels - 1` folded onto it. */
function denseRanks(tasks: readonly TaskSpec[], levels: number): number[] {
  const distinct = [...new Set(tasks.map((t) => t.priority))].sort((a, b) => a - b);
  return tasks.map((t) => Math.min(distinct.indexOf(t.priority), levels - 1));
}

/** One rank per task by priority, ties broken by task order (a stable sort). */
function uniqueRanks(tasks: readonly TaskSpec[]): number[] {
  const order = tasks.map((t, i) => ({ priority: t.priority, i })).sort((a, b) => a.priority - b.priority || a.i - b.i);
  const rank: number[] = [];
  order.forEach(({ i }, r) => (rank[i] = r));
  return rank;
}

/**
 * A preemption threshold after renumbering: the new priority of the most urgent task at or below the
 * old threshold, so that the tasks that could preempt before (more urgent than it) still can.
 */
function thresholdAfter(threshold: number, tasks: readonly TaskSpec[], newPriority: readonly number[]): number {
  const candidates = tasks.flatMap((t, i) => (t.priority >= threshold ? [newPriority[i] ?? t.priority] : []));
  return Math.min(...candidates);
}

/**
 * Each mutex under a protocol the profile offers (its own where the workload's is not offered); on a
 * kernel with no mutexes, a binary semaphore where it has semaphores, else the lock is removed and
 * the row says that the critical section runs unprotected.
 */
function fitMutexes(workload: Workload, profile: OsProfile): AdaptedWorkload {
  const mutexes = workload.resources?.mutexes ?? [];
  if (mutexes.length === 0) return unchanged(workload);
  if (!profile.services.mutex) return profile.services.semaphore ? mutexesAsSemaphores(workload, profile) : withoutMutexes(workload, profile);
  const adaptations: string[] = [];
  const fitted = mutexes.map((m) => {
    const protocol = mutexProtocolOf(m, profile);
    if (protocol !== undefined && profile.inversion.includes(protocol)) return m;
    const own = profile.inversion[0];
    if (own === undefined) return m;
    adaptations.push(`mutex ${m.name}: ${m.protocol ?? 'none'} -> ${own} (${profile.id} offers ${profile.inversion.join(', ')})`);
    return { name: m.name, protocol: own };
  });
  if (adaptations.length === 0) return unchanged(workload);
  return { workload: { ...workload, resources: { ...workload.resources, mutexes: fitted } }, adaptations, unprotectedMutexes: [] };
}

/** Every lock a take and every unlock a give of a binary semaphore of the same name, initially free. */
function mutexesAsSemaphores(workload: Workload, profile: OsProfile): AdaptedWorkload {
  const mutexes = workload.resources?.mutexes ?? [];
  const step = (s: Step): Step => (s.op === 'lock' ? { op: 'take', semaphore: s.mutex } : s.op === 'unlock' ? { op: 'give', semaphore: s.mutex } : s);
  const resources: ResourceSpec = { ...workload.resources, mutexes: [], semaphores: [...(workload.resources?.semaphores ?? []), ...mutexes.map((m) => ({ name: m.name, initial: 1, max: 1 }))] };
  return {
    workload: { ...workload, resources, tasks: workload.tasks.map((t) => ({ ...t, body: t.body.map(step) })) },
    unprotectedMutexes: [],
    adaptations: mutexes.map((m) => `mutex ${m.name} -> binary semaphore (${profile.id} has no mutexes; no protection against priority inversion)`),
  };
}

/** Lock and unlock removed: the critical section's work stays as plain computation. */
function withoutMutexes(workload: Workload, profile: OsProfile): AdaptedWorkload {
  const mutexes = workload.resources?.mutexes ?? [];
  const resources: ResourceSpec = { ...workload.resources, mutexes: [] };
  return {
    workload: { ...workload, resources, tasks: workload.tasks.map((t) => ({ ...t, body: t.body.filter((s) => s.op !== 'lock' && s.op !== 'unlock') })) },
    unprotectedMutexes: mutexes.map((m) => m.name),
    adaptations: mutexes.map((m) => `mutex ${m.name} removed (${profile.id} has neither mutexes nor semaphores): its critical sections run unprotected where tasks that may preempt each other share it`),
  };
}
