import { type ProbeEventType, type ProbeListener } from '../../hardware/probe.ts';
import type { Cycles } from '../../hardware/units.ts';
import type { ReducerFactory } from './reducer.ts';
import { RunningStat, type SpanStats } from './running-stat.ts';
import { EV_SWITCH_IN, EV_SWITCH_OUT } from '../../hardware/probe-codes.ts';

/**
 * Which switches a task-switch measurement leaves out, by the idle task:
 * - `none`: every switch (the paper's definition: the paused task's switch-out to the next task's
 *   first instruction).
 * - `switches-from-idle`: switches away from the idle task, which are the tick ISR's preemptions of
 *   the idle loop, whose cost is the ISR exit rather than "task A paused, task B starts" (the
 *   paper's Fig. 2; with one task the only switch is to idle, so its 1-task point exists too).
 * - `idle`: switches from or to the idle task, leaving task-to-task switches only (the Q/GDW 12180
 *   and Rhealstone task-switch indicators).
 */
export type IdleSwitches = 'none' | 'switches-from-idle' | 'idle';

/**
 * Task-switch times: each SwitchOut to the next SwitchIn, whatever the subjects (the outgoing and
 * incoming tasks differ, so a span paired by subject does not fit). A SwitchOut that another
 * SwitchOut follows first keeps the earlier start; a left-out switch closes any open one unmeasured.
 */
export class TaskSwitchReducer implements ProbeListener {
  readonly stat = new RunningStat();
  /** The idle task's probe subject (the task count, kernels/types.ts); known once the kernel has booted. */
  idle = -1;
  private since = NaN;

  constructor(private readonly leaveOut: IdleSwitches = 'none') {}

  onEvent(type: ProbeEventType, time: Cycles, subject: number, data: number): void {
    if (type === EV_SWITCH_OUT) {
      if (this.leftOut(subject, data)) this.since = NaN;
      else if (Number.isNaN(this.since)) this.since = time;
    } else if (type === EV_SWITCH_IN && !Number.isNaN(this.since)) {
      this.stat.add(time - this.since);
      this.since = NaN;
    }
  }

  /** Whether the switch from task `from` to task `to` is left out. */
  private leftOut(from: number, to: number): boolean {
    if (this.leaveOut === 'none') return false;
    return from === this.idle || (this.leaveOut === 'idle' && to === this.idle);
  }
}

/** Task-switch times in cycles, leaving out the switches `leaveOut` names. */
export function taskSwitch(leaveOut: IdleSwitches = 'none'): ReducerFactory<SpanStats> {
  return () => {
    const reducer = new TaskSwitchReducer(leaveOut);
    return {
      listener: reducer,
      booted: (system) => {
        reducer.idle = system.taskNames.length;
      },
      result: () => reducer.stat.snapshot(),
    };
  };
}
