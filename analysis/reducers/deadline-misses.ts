import { type ProbeEventType, type ProbeListener } from '../../hardware/probe.ts';
import { usToCycles } from '../../hardware/units.ts';
import { deadlineUs } from '../../workloads/execution.ts';
import type { ReducerFactory } from './reducer.ts';
import { EV_DEADLINE_MISS, EV_JOB_END, EV_JOB_LOST, EV_JOB_RELEASE } from '../../hardware/probe-codes.ts';
import { closeLostJob } from './lost-job.ts';

/**
 * Counts each task's job releases and deadline misses (by task index; arrays grow on a task's first
 * event), and keeps the arrivals of its open jobs (the JobRelease data), oldest first: a job still
 * running when the run ends has not reported a miss, though it may be long past its deadline. A job
 * lost to its APP's suspension (JobLost) is counted apart and leaves the open jobs: it never ends,
 * so it is neither a miss nor overdue.
 */
export class DeadlineMissReducer implements ProbeListener {
  readonly eventTypes = [EV_JOB_RELEASE, EV_JOB_END, EV_DEADLINE_MISS, EV_JOB_LOST];
  readonly releases: number[] = [];
  readonly misses: number[] = [];
  readonly open: number[][] = [];
  readonly lost: number[] = [];

  onEvent(type: ProbeEventType, _time: number, subject: number, data: number): void {
    if (type === EV_JOB_RELEASE) {
      this.releases[subject] = (this.releases[subject] ?? 0) + 1;
      (this.open[subject] ??= []).push(data);
    } else if (type === EV_JOB_END) this.open[subject]?.shift();
    else if (type === EV_DEADLINE_MISS) this.misses[subject] = (this.misses[subject] ?? 0) + 1;
    else if (type === EV_JOB_LOST) {
      this.lost[subject] = (this.lost[subject] ?? 0) + 1;
      closeLostJob(this.open[subject], data);
    }
  }
}

/**
 * One task's jobs: how many were released, how many ended after their deadline, how many were still
 * open past it when the run ended, and how many were lost to their APP's suspension (open at it, or
 * due while it lasted and never released).
 */
export interface TaskDeadlines {
  readonly task: string;
  readonly releases: number;
  readonly misses: number;
  readonly overdueAtEnd: number;
  readonly lostJobs: number;
}

/** Each task's releases, deadline misses, jobs overdue at the end of the run and lost jobs (in task index order). */
export function deadlineMisses(): ReducerFactory<TaskDeadlines[]> {
  return (workload) => {
    const listener = new DeadlineMissReducer();
    return {
      listener,
      result: (end) =>
        end.taskNames.map((task, i) => {
          const spec = workload.tasks.find((t) => t.name === task);
          const d = spec === undefined ? undefined : deadlineUs(spec, workload);
          const deadlineCycles = d === undefined ? Infinity : usToCycles(end.engine.target, d);
          const overdueAtEnd = (listener.open[i] ?? []).filter((arrival) => arrival + deadlineCycles < end.engine.now).length;
          return { task, releases: listener.releases[i] ?? 0, misses: listener.misses[i] ?? 0, overdueAtEnd, lostJobs: listener.lost[i] ?? 0 };
        }),
    };
  };
}
