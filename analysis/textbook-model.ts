import { task, taskSet, type TaskSetModel } from './model.ts';
import type { TextbookSet } from './textbook-sets.ts';

/** The analysis model of a textbook set, one time unit per cycle (critical sections under the ceiling protocol). */
export function textbookModel(set: TextbookSet): TaskSetModel {
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
  );
}
