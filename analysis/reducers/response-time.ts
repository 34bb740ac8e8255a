import { type ProbeEventType, type ProbeListener } from '../../hardware/probe.ts';
import type { Cycles } from '../../hardware/units.ts';
import { closeLostJob } from './lost-job.ts';
import { listening, type ReducerFactory } from './reducer.ts';
import { EV_JOB_END, EV_JOB_LOST, EV_JOB_RELEASE } from '../../hardware/probe-codes.ts';

/**
 * Each task's longest and shortest response time, from every job's arrival (the JobRelease event's data: the
 * arrival the kernel released the job for, before any tick quantisation) to its JobEnd. A task's
 * jobs end in release order, so each end closes the oldest open job. A job still open when the run
 * ends counts with the time it has waited so far. A job a kernel drops (MOS merges a post to a
 * pending message) is never released, so it is not measured here; nor is a job lost to its APP's
 * suspension (JobLost closes it without a response).
 */
export class ResponseTimeReducer implements ProbeListener {
  private readonly open: number[][] = [];
  private readonly longest: number[] = [];
  /** Per task, the shortest response of a job that ended; absent while none has. */
  private readonly shortest: number[] = [];

  onEvent(type: ProbeEventType, time: Cycles, subject: number, data: number): void {
    if (type === EV_JOB_RELEASE) {
      (this.open[subject] ??= []).push(data);
      this.longest[subject] ??= 0;
    } else if (type === EV_JOB_END) {
      const arrival = this.open[subject]?.shift();
      if (arrival !== undefined) {
        const response = time - arrival;
        this.longest[subject] = Math.max(this.longest[subject] ?? 0, response);
        this.shortest[subject] = Math.min(this.shortest[subject] ?? Infinity, response);
      }
    } else if (type === EV_JOB_LOST) {
      // A lost job that was released (its APP was suspended mid-job) has no response.
      closeLostJob(this.open[subject], data);
    }
  }

  /** Per task (by index, `tasks` of them), the longest response seen up to `now`, open jobs included; 0 for a task never released. */
  maxima(tasks: number, now: Cycles): number[] {
    return Array.from({ length: tasks }, (_, i) => {
      const oldest = this.open[i]?.[0];
      return Math.max(this.longest[i] ?? 0, oldest === undefined ? 0 : now - oldest);
    });
  }

  /** Per task (by index, `tasks` of them), the shortest response of a job that ended; null for a task none of whose jobs ended. */
  minima(tasks: number): (number | null)[] {
    return Array.from({ length: tasks }, (_, i) => this.shortest[i] ?? null);
  }
}

/** One task's longest and shortest response from a job's true arrival, in cycles. */
export interface TaskResponse {
  readonly task: string;
  readonly longestCycles: number;
  /** The shortest response of a job that ended (a lower bound must not pass it); null when none ended. */
  readonly shortestCycles: number | null;
}

/** Each task's longest response from arrival to job end, open jobs at the end of the run included, and its shortest over ended jobs (in task index order). */
export function responseTimes(): ReducerFactory<TaskResponse[]> {
  return listening(
    () => new ResponseTimeReducer(),
    (reducer, end) => {
      const longest = reducer.maxima(end.taskNames.length, end.engine.now);
      const shortest = reducer.minima(end.taskNames.length);
      return end.taskNames.map((task, i) => ({ task, longestCycles: longest[i] ?? 0, shortestCycles: shortest[i] ?? null }));
    },
  );
}
