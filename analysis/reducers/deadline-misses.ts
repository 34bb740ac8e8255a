import { ProbeEvent, type ProbeEventType, type ProbeListener } from '../../hardware/probe.ts';
import { listening, type ReducerFactory } from './reducer.ts';

/** Counts each task's job releases and deadline misses (by task index; arrays grow on a task's first event). */
export class DeadlineMissReducer implements ProbeListener {
  readonly releases: number[] = [];
  readonly misses: number[] = [];

  onEvent(type: ProbeEventType, _time: number, subject: number): void {
    if (type === ProbeEvent.JobRelease) this.releases[subject] = (this.releases[subject] ?? 0) + 1;
    else if (type === ProbeEvent.DeadlineMiss) this.misses[subject] = (this.misses[subject] ?? 0) + 1;
  }
}

/** One task's jobs: how many were released, and how many missed their deadline. */
export interface TaskDeadlines {
  readonly task: string;
  readonly releases: number;
  readonly misses: number;
}

/** Each task's releases and deadline misses (in task index order). */
export function deadlineMisses(): ReducerFactory<TaskDeadlines[]> {
  return listening(
    () => new DeadlineMissReducer(),
    (reducer, end) => end.taskNames.map((task, i) => ({ task, releases: reducer.releases[i] ?? 0, misses: reducer.misses[i] ?? 0 })),
  );
}
