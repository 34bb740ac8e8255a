import { deadlineMisses, taskIoDelay } from '../analysis/reducers/index.ts';
import { getTarget } from '../hardware/targets/index.ts';
import { cyclesToUs } from '../hardware/units.ts';
import { memoByIdentity } from '../kernels/core/identity-memo.ts';
import { getProfile } from '../kernels/registry.ts';
import type { OsProfile } from '../kernels/profiles/types.ts';
import { fitPriorities } from '../workloads/fit-priorities.ts';
import { PAPER_PAYLOADS, PAYLOAD_PERIOD_RANGE_US, PAYLOAD_TASKS, paperPayloadWorkload } from '../workloads/generators/paper-sweeps.ts';
import type { Workload } from '../workloads/types.ts';
import { roundUs } from './contract.ts';
import { HORIZON_CAP_MS, runHorizonMs } from './horizon.ts';
import { measureRun } from './measure-run.ts';
import type { Framing } from './paper-rows.ts';

/*
 * The simulation shared by fig3, fig4 and bounds: a seeded random task set of the paper's Figs. 3-4
 * shape (7 periodic tasks whose utilisations sum to the payload), fitted to an OS profile in a
 * framing, run on the kernel and reduced to each task's I/O delay (release to its io-out).
 */

/** The paper's payload axis (Figs. 3-4). */
export const PAYLOADS = PAPER_PAYLOADS;

/** Tasks per set (the paper: 7). */
export const IO_TASKS = PAYLOAD_TASKS;

/** Period range of the sets, in us (workloads/generators/paper-sweeps.ts). */
export const IO_PERIOD_RANGE_US = PAYLOAD_PERIOD_RANGE_US;

/** Least simulated time per task set (4 of the longest possible periods); experiments/horizon.ts lengthens it per set. */
export const IO_DURATION_MS = (4 * IO_PERIOD_RANGE_US.max) / 1000;

/** The task set for one payload point and seed: the named workload `paper-payload-<payload>-s<seed>`. */
export function ioTaskSet(payload: number, seed: number): Workload {
  return paperPayloadWorkload(payload, seed);
}

/** The set an I/O unit (fig3, fig4, bounds) runs: `paper-payload-<payload>-s<seed>` fitted to the framed profile. */
export function ioUnitWorkload(unit: { readonly profile: string; readonly framing: Framing; readonly payload: number; readonly seed: number }): Workload {
  return fitPriorities(ioTaskSet(unit.payload, unit.seed), framedProfile(unit.profile, unit.framing));
}

/**
 * A profile as run in a framing: fixed priority is the kernel as Table 1 describes it; the paper's
 * dynamic-priority framing is the same kernel's timer, services and limits with an EDF ready queue.
 */
export function framedProfile(profileId: string, framing: Framing): OsProfile {
  const p = getProfile(profileId);
  return framing === 'fixed-priority' ? p : edfFramed(p);
}

/**
 * A profile as EDF frames it, one object per registered profile: what is derived per profile
 * (the footprint's code) is then derived once, not once per unit.
 */
const edfFramed = memoByIdentity(
  (p: OsProfile): OsProfile =>
    // A kernel with mutexes keeps them under EDF with the Stack Resource Policy: a priority ceiling
    // or inheritance raises a priority, which a deadline-ordered ready list does not read.
    ({ ...p, id: `${p.id}-edf`, design: 'edf', inversion: p.inversion.length > 0 ? ['srp'] : [] }),
);

export { fitPriorities };

/** One task's simulated I/O delays, in us. */
export interface TaskIo {
  readonly count: number;
  readonly meanUs: number;
  readonly minUs: number;
  readonly maxUs: number;
  readonly deadlineMisses: number;
}

/**
 * Runs `workload` on `profile` on `target` for its horizon (experiments/horizon.ts, at least
 * `floorMs`, at most `capMs`) and returns each task's I/O delays (in workload task order). A delay starts at the raise of the tick that released the job (the I/O
 * event the analysis calls the release), so the tick ISR's entry and timer work count.
 */
export function simulateIo(profile: OsProfile, targetId: string, workload: Workload, floorMs: number, seed: number, capMs = HORIZON_CAP_MS): TaskIo[] {
  const target = getTarget(targetId);
  const durationMs = runHorizonMs(workload, floorMs, capMs);
  const { io, deadlines } = measureRun({ profile, target, workload, durationMs, seed, reducers: { io: taskIoDelay('releasing-tick'), deadlines: deadlineMisses() } });
  return workload.tasks.map((spec) => {
    const index = io.findIndex((t) => t.task === spec.name);
    const delay = io[index]?.delay;
    if (delay === undefined || delay.count === 0) throw new Error(`simulateIo: task ${spec.name} produced no io-out in ${durationMs} ms on ${profile.id}/${targetId}`);
    const us = (c: number): number => roundUs(cyclesToUs(target, c));
    return { count: delay.count, meanUs: us(delay.mean), minUs: us(delay.min), maxUs: us(delay.max), deadlineMisses: deadlines[index]?.misses ?? 0 };
  });
}

/** What fig3 and fig4 keep of one simulated task set. */
export interface SetIo {
  /** Mean I/O delay over every job of every task. */
  readonly meanUs: number;
  /** Longest I/O delay of any job. */
  readonly maxUs: number;
  /** The largest per-task jitter (max - min I/O delay of one task). */
  readonly jitterUs: number;
}

/** Reduces one set's per-task delays to the figure's three numbers. */
export function summariseSet(tasks: readonly TaskIo[]): SetIo {
  const jobs = tasks.reduce((n, t) => n + t.count, 0);
  return {
    meanUs: tasks.reduce((s, t) => s + t.meanUs * t.count, 0) / jobs,
    maxUs: Math.max(...tasks.map((t) => t.maxUs)),
    jitterUs: Math.max(...tasks.map((t) => t.maxUs - t.minUs)),
  };
}
