import type { ReducerFactory } from '../analysis/reducers/index.ts';
import type { ProbeEventType, ProbeListener } from '../hardware/probe.ts';
import type { Cycles } from '../hardware/units.ts';
import { EV_JOB_END, EV_JOB_LOST, EV_JOB_RELEASE, EV_JOB_START, EV_SWITCH_IN } from '../hardware/probe-codes.ts';
import type { Workload } from '../workloads/types.ts';

/*
 * What a fault run shows about the faulted APP and the others, read from the probe: the faulted
 * APP's lost jobs (JobLost: open at the suspension, or released while suspended), every instant one
 * of its tasks got the CPU or started a job, when the guardian's restart ended, and the other APPs'
 * worst response over the jobs released from the fault to that end (the fault's own window).
 */

/** A fault run as the probe saw it. */
export interface FaultTrace {
  /** Jobs of the faulted APP's tasks that never end: open at the suspension or released while it lasted. */
  readonly lostJobs: number;
  /** Each instant a faulted APP's task was switched in or started a job, in cycles. */
  readonly faultedActivityCycles: readonly Cycles[];
  /** End of the restart task's first job, or undefined if it did not end in the run. */
  readonly restartEndCycles: Cycles | undefined;
  /** The other APPs' longest response over their jobs released in [fault, restart end]. */
  readonly othersWorstInWindowCycles: Cycles;
}

class FaultTraceListener implements ProbeListener {
  lostJobs = 0;
  readonly activity: Cycles[] = [];
  restartEnd: Cycles | undefined = undefined;
  worstInWindow = 0;
  private readonly open = new Map<number, number[]>();

  constructor(
    private readonly faulted: ReadonlySet<number>,
    private readonly others: ReadonlySet<number>,
    private readonly restart: number,
    private readonly faultCycles: Cycles,
  ) {}

  onEvent(type: ProbeEventType, time: Cycles, subject: number, data: number): void {
    if (type === EV_JOB_LOST && this.faulted.has(subject)) this.lostJobs++;
    else if ((type === EV_SWITCH_IN || type === EV_JOB_START) && this.faulted.has(subject)) this.activity.push(time);
    else if (type === EV_JOB_END && subject === this.restart && this.restartEnd === undefined) this.restartEnd = time;
    if (!this.others.has(subject)) return;
    // Others' jobs end in release order: each end closes the oldest open one.
    if (type === EV_JOB_RELEASE) this.open.set(subject, [...(this.open.get(subject) ?? []), data]);
    else if (type === EV_JOB_END) {
      const arrival = this.open.get(subject)?.shift();
      const windowEnd = this.restartEnd ?? Infinity;
      if (arrival !== undefined && arrival >= this.faultCycles && arrival <= windowEnd) this.worstInWindow = Math.max(this.worstInWindow, time - arrival);
    }
  }
}

/**
 * The fault trace of a run of a fault scenario's workload: `faultedApp`'s tasks, the restart task
 * `restartTask`, the fault at `faultCycles`. Task indices are the workload's task order (the probe's subjects).
 */
export function faultTrace(faultedApp: string, restartTask: string, faultCycles: Cycles): ReducerFactory<FaultTrace> {
  return (w: Workload) => {
    const indices = (keep: (app: string | undefined) => boolean): Set<number> => new Set(w.tasks.flatMap((t, i) => (t.app !== undefined && keep(t.app) ? [i] : [])));
    const restart = w.tasks.findIndex((t) => t.name === restartTask);
    if (restart < 0) throw new RangeError(`faultTrace: no task "${restartTask}" in ${w.name}`);
    const listener = new FaultTraceListener(indices((a) => a === faultedApp), indices((a) => a !== faultedApp), restart, faultCycles);
    return {
      listener,
      result: () => ({ lostJobs: listener.lostJobs, faultedActivityCycles: listener.activity, restartEndCycles: listener.restartEnd, othersWorstInWindowCycles: listener.worstInWindow }),
    };
  };
}
