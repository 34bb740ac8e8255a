import { type ProbeEventType, type ProbeListener } from '../../hardware/probe.ts';
import type { Cycles } from '../../hardware/units.ts';
import type { ReducerFactory } from './reducer.ts';
import { RunningStat, type SpanStats } from './running-stat.ts';
import { EV_JOB_LOST, EV_JOB_RELEASE, EV_SWITCH_IN } from '../../hardware/probe-codes.ts';

/**
 * Preemption time: from the release of the `high` task to its first instruction, counted only when
 * the task it switched in from is `low` (it preempted the running low task, rather than the idle loop).
 * A job of `high` lost to its APP's suspension before it ran is never timed: the relaunch switches the
 * task in with no release of its own.
 */
export class PreemptionReducer implements ProbeListener {
  readonly stat = new RunningStat();
  private releasedAt = NaN;

  /** `high` and `low` are task indices, -1 until known (once the kernel has booted). */
  constructor(
    public high = -1,
    public low = -1,
  ) {}

  onEvent(type: ProbeEventType, time: Cycles, subject: number, data: number): void {
    if (type === EV_JOB_RELEASE && subject === this.high) {
      this.releasedAt = time;
    } else if (type === EV_SWITCH_IN && subject === this.high) {
      if (data === this.low && !Number.isNaN(this.releasedAt)) this.stat.add(time - this.releasedAt);
      this.releasedAt = NaN;
    } else if (type === EV_JOB_LOST && subject === this.high) this.releasedAt = NaN;
  }
}

/** Preemption times in cycles of the task named `high` over the task named `low`. */
export function preemption(high: string, low: string): ReducerFactory<SpanStats> {
  return () => {
    const reducer = new PreemptionReducer();
    return {
      listener: reducer,
      booted: ({ taskNames }) => {
        const index = (name: string): number => {
          const i = taskNames.indexOf(name);
          if (i < 0) throw new Error(`preemption: the booted system has no task "${name}"`);
          return i;
        };
        reducer.high = index(high);
        reducer.low = index(low);
      },
      result: () => reducer.stat.snapshot(),
    };
  };
}
