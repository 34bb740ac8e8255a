import { ProbeEvent, type ProbeEventType, type ProbeListener } from '../hardware/probe.ts';
import { RunningStat, SpanReducer } from '../hardware/reducers.ts';
import { getTarget } from '../hardware/targets/index.ts';
import { cyclesToUs, msToCycles, type Cycles } from '../hardware/units.ts';
import { sleepWakeWorkload } from '../kernels/paper-sweep.ts';
import { bootSystem, getProfile } from '../kernels/registry.ts';
import { roundUs } from './contract.ts';

/*
 * One run of the paper's Figs. 1-2 task set (kernels/paper-sweep.ts: n tasks that each compute a
 * little and sleep until the next tick, task i at priority i folded into the profile's range), with
 * the two probe reductions Figs. 1 and 2 plot. fig1 and fig2 both call it, each for its own column.
 */

const SWITCH_OUT = ProbeEvent.SwitchOut;
const SWITCH_IN = ProbeEvent.SwitchIn;

/**
 * Task-level switch times: from the SwitchOut of an application task (it paused: slept at the end
 * of its job) to the next SwitchIn, whichever task that is (the next ready one, or the idle task
 * once all have slept). Switches away from the idle task are left out: they are the tick ISR's
 * preemptions of the idle loop, whose cost is the ISR exit rather than the paper's "task A paused,
 * task B starts". With one task the only switch is to idle, so the 1-task point exists too.
 */
export class TaskPauseSwitchReducer implements ProbeListener {
  readonly stat = new RunningStat();
  private since = NaN;

  constructor(private readonly idle: number) {}

  onEvent(type: ProbeEventType, time: Cycles, subject: number): void {
    if (type === SWITCH_OUT) {
      if (subject === this.idle) this.since = NaN;
      else if (Number.isNaN(this.since)) this.since = time;
    } else if (type === SWITCH_IN && !Number.isNaN(this.since)) {
      this.stat.add(time - this.since);
      this.since = NaN;
    }
  }
}

/** What one sleep-wake run measured, in microseconds. */
export interface SleepWakeResult {
  readonly target: string;
  readonly profile: string;
  readonly tasks: number;
  readonly maxIrqOffUs: number;
  readonly switchMinUs: number;
  readonly switchMeanUs: number;
  readonly switchMaxUs: number;
  readonly switches: number;
}

/** Runs `tasks` sleep-wake tasks on a profile and target for `durationMs` and reduces the probe. */
export function runSleepWake(targetId: string, profileId: string, tasks: number, durationMs: number): SleepWakeResult {
  const target = getTarget(targetId);
  const profile = getProfile(profileId);
  const booted = bootSystem({ target, profile, seed: 1, workload: sleepWakeWorkload(tasks, profile) });
  const off = booted.engine.probe.attach(new SpanReducer(ProbeEvent.MaskOn, ProbeEvent.MaskOff));
  // The idle task's probe subject is the task count (kernels/types.ts).
  const sw = booted.engine.probe.attach(new TaskPauseSwitchReducer(tasks));
  booted.run(msToCycles(target, durationMs));
  if (sw.stat.count === 0) throw new Error(`sleep-wake ${profileId}/${targetId}/${tasks}: no task switch in ${durationMs} ms`);
  const us = (c: number): number => roundUs(cyclesToUs(target, c));
  return {
    target: targetId,
    profile: profileId,
    tasks,
    maxIrqOffUs: us(off.stat.max),
    switchMinUs: us(sw.stat.min),
    switchMeanUs: us(sw.stat.mean),
    switchMaxUs: us(sw.stat.max),
    switches: sw.stat.count,
  };
}
