import { permissionOf } from '../workloads/app-rules.ts';
import type { AppPermission, AppSpec, Workload } from '../workloads/types.ts';

/*
 * What `--adapt`'s other changes mean for a workload's APPs. Folding priorities and mapping services
 * never take a task out of its APP nor drop an APP, so the SVC gate and the MPU switch stay charged.
 * They can leave an APP's header out of step with its tasks, though: its main thread's priority
 * (pri_main) still on a level the kernel has not got, or its tasks calling a service its permissions
 * do not name (the SVC gate would refuse the call on a real meter). The header follows its tasks, and
 * each such change is stated like any other adaptation.
 */

/** `adapted` (what adapting `original` gave) with every APP header following its tasks, and one sentence per header change. */
export function fitAppHeaders(original: Workload, adapted: Workload): { readonly workload: Workload; readonly adaptations: readonly string[] } {
  const apps = adapted.apps ?? [];
  if (apps.length === 0) return { workload: adapted, adaptations: [] };
  const adaptations: string[] = [];
  const fitted = apps.map((app): AppSpec => {
    const mainPriority = foldedMainPriority(app.header.mainPriority, original, adapted);
    const added = missingPermissions(app, adapted);
    if (mainPriority !== app.header.mainPriority) adaptations.push(`APP ${app.name}: pri_main ${app.header.mainPriority} -> ${mainPriority} (its main thread folded with the tasks)`);
    if (added.length > 0) adaptations.push(`APP ${app.name}: permission ${added.join(', ')} added to its header (its adapted tasks call ${added.length > 1 ? 'these services' : 'this service'} through the SVC gate)`);
    return { ...app, header: { ...app.header, mainPriority, permissions: [...app.header.permissions, ...added] } };
  });
  if (adaptations.length === 0) return { workload: adapted, adaptations };
  return { workload: { ...adapted, apps: fitted }, adaptations };
}

/**
 * A main thread's priority after the tasks were renumbered: the new priority of the most urgent task
 * at or below it before, so that the tasks it preempted it still preempts; unchanged when no task
 * moved.
 */
function foldedMainPriority(mainPriority: number, original: Workload, adapted: Workload): number {
  const moved = adapted.tasks.some((t, i) => t.priority !== original.tasks[i]?.priority);
  if (!moved) return mainPriority;
  const below = adapted.tasks.filter((_t, i) => (original.tasks[i]?.priority ?? -1) >= mainPriority).map((t) => t.priority);
  return below.length > 0 ? Math.min(...below) : Math.max(...adapted.tasks.map((t) => t.priority));
}

/** Services the APP's tasks call that its header does not permit, in first-call order. */
function missingPermissions(app: AppSpec, w: Workload): AppPermission[] {
  const allowed = new Set(app.header.permissions);
  const missing: AppPermission[] = [];
  for (const task of w.tasks.filter((t) => t.app === app.name)) {
    for (const step of task.body) {
      const needs = permissionOf(step);
      if (needs !== undefined && !allowed.has(needs) && !missing.includes(needs)) missing.push(needs);
    }
  }
  return missing;
}
