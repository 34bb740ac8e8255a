import { type ProbeEventType, type ProbeListener } from '../../hardware/probe.ts';
import { EV_JOB_END, EV_JOB_RELEASE } from '../../hardware/probe-codes.ts';
import type { Cycles } from '../../hardware/units.ts';
import type { ReducerFactory } from './reducer.ts';

/** A task's jobs waiting (released, not ended) halfway through the run and at its end. */
export interface TaskBacklog {
  readonly task: string;
  readonly halfway: number;
  readonly end: number;
}

/**
 * Counts each task's waiting jobs, and keeps the counts as they were at `halfwayCycles`: the counts
 * only change at releases and ends, so those at the first such event at or past the halfway point
 * are the halfway counts.
 */
export class BacklogReducer implements ProbeListener {
  readonly waiting: number[] = [];
  halfway: number[] | undefined;

  constructor(private readonly halfwayCycles: Cycles) {}

  onEvent(type: ProbeEventType, time: Cycles, subject: number): void {
    if (type !== EV_JOB_RELEASE && type !== EV_JOB_END) return;
    if (this.halfway === undefined && time >= this.halfwayCycles) this.halfway = [...this.waiting];
    this.waiting[subject] = Math.max(0, (this.waiting[subject] ?? 0) + (type === EV_JOB_RELEASE ? 1 : -1));
  }
}

/** Each task's waiting jobs halfway through a run of `horizonCycles` and at its end (task index order). */
export function backlog(horizonCycles: Cycles): ReducerFactory<TaskBacklog[]> {
  return () => {
    const reducer = new BacklogReducer(Math.floor(horizonCycles / 2));
    return {
      listener: reducer,
      result: (end) => {
        const halfway = reducer.halfway ?? reducer.waiting;
        return end.taskNames.map((task, i) => ({ task, halfway: halfway[i] ?? 0, end: reducer.waiting[i] ?? 0 }));
      },
    };
  };
}
