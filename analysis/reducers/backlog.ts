import { type ProbeEventType, type ProbeListener } from '../../hardware/probe.ts';
import { EV_JOB_END, EV_JOB_LOST, EV_JOB_RELEASE } from '../../hardware/probe-codes.ts';
import type { Cycles } from '../../hardware/units.ts';
import { closeLostJob } from './lost-job.ts';
import type { ReducerFactory } from './reducer.ts';

/** A task's jobs waiting (released, not ended nor lost) halfway through the run and at its end, and its jobs lost to its APP's suspension. */
export interface TaskBacklog {
  readonly task: string;
  readonly halfway: number;
  readonly end: number;
  readonly lostJobs: number;
}

/**
 * Keeps each task's waiting jobs (their arrivals, the JobRelease data), and the counts as they were
 * at `halfwayCycles`: the counts only change at releases, ends and losses, so those at the first
 * such event at or past the halfway point are the halfway counts. A lost job stops waiting (its APP
 * was suspended: it will never end), and one lost before its release never waited.
 */
export class BacklogReducer implements ProbeListener {
  private readonly open: number[][] = [];
  readonly lost: number[] = [];
  halfway: number[] | undefined;

  constructor(private readonly halfwayCycles: Cycles) {}

  onEvent(type: ProbeEventType, time: Cycles, subject: number, data: number): void {
    if (type !== EV_JOB_RELEASE && type !== EV_JOB_END && type !== EV_JOB_LOST) return;
    if (this.halfway === undefined && time >= this.halfwayCycles) this.halfway = this.waiting();
    const open = (this.open[subject] ??= []);
    if (type === EV_JOB_RELEASE) open.push(data);
    else if (type === EV_JOB_END) open.shift();
    else {
      this.lost[subject] = (this.lost[subject] ?? 0) + 1;
      closeLostJob(open, data);
    }
  }

  /** Each task's waiting jobs now, by task index. */
  waiting(): number[] {
    return Array.from({ length: this.open.length }, (_, i) => this.open[i]?.length ?? 0);
  }
}

/** Each task's waiting jobs halfway through a run of `horizonCycles` and at its end, and its lost jobs (task index order). */
export function backlog(horizonCycles: Cycles): ReducerFactory<TaskBacklog[]> {
  return () => {
    const reducer = new BacklogReducer(Math.floor(horizonCycles / 2));
    return {
      listener: reducer,
      result: (end) => {
        const atEnd = reducer.waiting();
        const halfway = reducer.halfway ?? atEnd;
        return end.taskNames.map((task, i) => ({ task, halfway: halfway[i] ?? 0, end: atEnd[i] ?? 0, lostJobs: reducer.lost[i] ?? 0 }));
      },
    };
  };
}
