import { type ProbeEventType, type ProbeListener } from '../../hardware/probe.ts';
import { EV_JOB_END, EV_JOB_LOST, EV_JOB_RELEASE } from '../../hardware/probe-codes.ts';
import { usToCycles, type Cycles } from '../../hardware/units.ts';
import { deadlineUs } from '../../workloads/execution.ts';
import type { Workload } from '../../workloads/types.ts';
import { closeLostJob } from './lost-job.ts';
import type { ReducerFactory } from './reducer.ts';
import { RunningStat, type SpanStats } from './running-stat.ts';

/*
 * Each task's response times, from a job's true arrival (the JobRelease data) to its JobEnd: count,
 * min, mean, max, and a histogram over the task's relative deadline D in HISTOGRAM_BINS equal bins
 * plus one for responses past it. Bin k (0-based) holds responses in (k D / n, (k + 1) D / n]; the
 * last bin holds those above D (the misses). A task without a deadline gets no histogram. A job lost
 * to its APP's suspension (JobLost) has no response: it is counted apart, in no bin.
 */

/** Bins over [0, D]; one more holds the responses past the deadline. */
export const HISTOGRAM_BINS = 10;

/** One task's responses in cycles, with the histogram's deadline (null: none). */
export interface TaskResponseProfile {
  readonly task: string;
  readonly stats: SpanStats;
  readonly deadlineCycles: number | null;
  /** HISTOGRAM_BINS + 1 counts (see above); empty without a deadline. */
  readonly histogram: readonly number[];
  /** Jobs lost to their APP's suspension (open at it, or due while it lasted): neither responses nor misses. */
  readonly lostJobs: number;
}

/** Folds each ended job's response into its task's figures, and counts each task's lost jobs. */
export class ResponseProfileReducer implements ProbeListener {
  private readonly open: number[][] = [];
  readonly stats: RunningStat[] = [];
  readonly counts: number[][] = [];
  readonly lost: number[] = [];
  /** Deadline per task index in cycles (NaN: none), set once the system has booted. */
  deadlines: number[] = [];

  onEvent(type: ProbeEventType, time: Cycles, subject: number, data: number): void {
    if (type === EV_JOB_RELEASE) (this.open[subject] ??= []).push(data);
    else if (type === EV_JOB_END) {
      const arrival = this.open[subject]?.shift();
      if (arrival === undefined) return;
      const response = time - arrival;
      (this.stats[subject] ??= new RunningStat()).add(response);
      const d = this.deadlines[subject];
      if (d === undefined || Number.isNaN(d)) return;
      const bin = response > d ? HISTOGRAM_BINS : Math.max(0, Math.ceil((response * HISTOGRAM_BINS) / d) - 1);
      const counts = (this.counts[subject] ??= new Array<number>(HISTOGRAM_BINS + 1).fill(0));
      counts[bin] = (counts[bin] ?? 0) + 1;
    } else if (type === EV_JOB_LOST) {
      this.lost[subject] = (this.lost[subject] ?? 0) + 1;
      closeLostJob(this.open[subject], data);
    }
  }
}

/** Each task's response figures and histogram (in task index order). */
export function responseProfile(): ReducerFactory<TaskResponseProfile[]> {
  return (workload: Workload) => {
    const reducer = new ResponseProfileReducer();
    return {
      listener: reducer,
      booted: (system) => {
        reducer.deadlines = system.taskNames.map((name) => {
          const spec = workload.tasks.find((t) => t.name === name);
          const d = spec === undefined ? undefined : deadlineUs(spec, workload);
          return d === undefined ? NaN : usToCycles(system.engine.target, d);
        });
      },
      result: (end) =>
        end.taskNames.map((task, i) => {
          const d = reducer.deadlines[i];
          const deadlineCycles = d === undefined || Number.isNaN(d) ? null : d;
          const stats = (reducer.stats[i] ?? new RunningStat()).snapshot();
          return { task, stats, deadlineCycles, histogram: deadlineCycles === null ? [] : (reducer.counts[i] ?? new Array<number>(HISTOGRAM_BINS + 1).fill(0)), lostJobs: reducer.lost[i] ?? 0 };
        }),
    };
  };
}
