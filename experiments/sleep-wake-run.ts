import { maskedIntervals, taskSwitch } from '../analysis/reducers/index.ts';
import { getTarget } from '../hardware/targets/index.ts';
import { cyclesToUs } from '../hardware/units.ts';
import { fitPriorities } from '../workloads/fit-priorities.ts';
import { paperTaskCountWorkload } from '../workloads/generators/paper-sweeps.ts';
import type { Workload } from '../workloads/types.ts';
import { withNesting } from '../kernels/profiles/nesting.ts';
import { getProfile } from '../kernels/registry.ts';
import { roundUs } from './contract.ts';
import { HORIZON_CAP_MS, runHorizonMs } from './horizon.ts';
import { measureRun } from './measure-run.ts';

/*
 * One run of the paper's Figs. 1-2 task set (the named workload paper-tasks-<n>: n tasks that each
 * compute a little and sleep until the next tick, task i at priority i folded into the profile's range), with
 * the two probe reductions Figs. 1 and 2 plot. fig1 and fig2 both call it, each for its own column.
 */

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

/** The set a Figs. 1-2 unit runs: `paper-tasks-<tasks>` fitted to the profile's priority range. */
export function sleepWakeSet(profileId: string, tasks: number): Workload {
  return fitPriorities(paperTaskCountWorkload(tasks), getProfile(profileId));
}

/**
 * Runs `tasks` sleep-wake tasks on a profile and target for their horizon (experiments/horizon.ts,
 * at least `floorMs`, at most `capMs`) and reduces the probe; `nested` forces interrupt nesting on or off (the
 * sensitivity variant), else the profile's port decides. The
 * switches timed are those away from an application task (it paused: slept at the end of its job),
 * to whichever task runs next, idle included: the paper's "task A paused, task B starts".
 */
export function runSleepWake(targetId: string, profileId: string, tasks: number, floorMs: number, nested?: boolean, capMs = HORIZON_CAP_MS): SleepWakeResult {
  const target = getTarget(targetId);
  const profile = nested === undefined ? getProfile(profileId) : withNesting(getProfile(profileId), nested);
  const workload = sleepWakeSet(profileId, tasks);
  const durationMs = runHorizonMs(workload, floorMs, capMs);
  const { masked, switches } = measureRun({
    profile,
    target,
    workload,
    durationMs,
    seed: 1,
    reducers: { masked: maskedIntervals(), switches: taskSwitch('switches-from-idle') },
  });
  if (switches.count === 0) throw new Error(`sleep-wake ${profileId}/${targetId}/${tasks}: no task switch in ${durationMs} ms`);
  const us = (c: number): number => roundUs(cyclesToUs(target, c));
  return {
    target: targetId,
    profile: profileId,
    tasks,
    maxIrqOffUs: us(masked.max),
    switchMinUs: us(switches.min),
    switchMeanUs: us(switches.mean),
    switchMaxUs: us(switches.max),
    switches: switches.count,
  };
}
