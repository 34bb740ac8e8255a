import { task, taskSet, type TaskSetModel } from './model.ts';
import type { TextbookSet } from './textbook-sets.ts';

/** The analysis model of a textbook set, one time unit per cycle (critical sections under the ceiling protocol unless the set names inheritance). */
export function textbookModel(set: TextbookSet): TaskSetModel {
  const inheritance = Object.fromEntries((set.inheritanceMutexes ?? []).map((mutex) => [mutex, 'inheritance' as const]));
  return taskSet(
    set.tasks.map((t) =>
      task({
        name: t.name,
        priority: t.priority,
        thresholdPriority: t.threshold ?? t.priority,
        periodCycles: t.t,
        deadlineCycles: t.d ?? t.t,
        wcetCycles: t.c,
        preemptibleCycles: t.c - (t.finalRegion ?? 0),
        releaseJitterCycles: t.jitter ?? 0,
        ...(t.criticalSections === undefined ? {} : { criticalSectionCycles: t.criticalSections }),
      }),
    ),
    [],
    0,
    inheritance,
  );
}
