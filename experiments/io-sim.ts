import { ProbeEvent, type ProbeEventType, type ProbeListener } from '../hardware/probe.ts';
import { RunningStat } from '../hardware/reducers.ts';
import { Prng } from '../hardware/prng.ts';
import { getTarget } from '../hardware/targets/index.ts';
import { cyclesToUs, msToCycles, usToCycles } from '../hardware/units.ts';
import { bootSystem, createEngine, getProfile } from '../kernels/registry.ts';
import type { OsProfile } from '../kernels/profiles/types.ts';
import { randomTaskSet } from '../workloads/generators/uunifast.ts';
import type { Workload } from '../workloads/types.ts';
import type { Framing } from './paper-rows.ts';

/*
 * The simulation shared by fig3, fig4 and bounds: a seeded random task set of the paper's Figs. 3-4
 * shape (7 periodic tasks whose utilisations sum to the payload), fitted to an OS profile in a
 * framing, run on the kernel and reduced to each task's I/O delay (release to its io-out).
 */

/** The paper's payload axis (Figs. 3-4). */
export const PAYLOADS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8] as const;

/** Tasks per set (the paper: 7). */
export const IO_TASKS = 7;

/**
 * Period range of the random sets, in us: 2 to 50 ticks of the assumed 1 kHz tick, the span of the
 * paper-payload workload's periods (the paper gives none).
 */
export const IO_PERIOD_RANGE_US = { min: 2000, max: 50_000 } as const;

/** Simulated time per task set: 4 of the longest possible periods, so every task runs at least 4 jobs. */
export const IO_DURATION_MS = (4 * IO_PERIOD_RANGE_US.max) / 1000;

/** The task set for one payload point and seed: UUniFast shares, log-uniform periods, rate-monotonic ranks. */
export function ioTaskSet(payload: number, seed: number): Workload {
  // One stream per (payload, seed), so each payload point has its own independent sets.
  const prng = new Prng(seed * 1009 + Math.round(payload * 10));
  return randomTaskSet({ tasks: IO_TASKS, utilization: payload, minPeriodUs: IO_PERIOD_RANGE_US.min, maxPeriodUs: IO_PERIOD_RANGE_US.max, referenceTarget: 'avr', tickHz: 1000 }, prng);
}

/**
 * A profile as run in a framing: fixed priority is the kernel as Table 1 describes it; the paper's
 * dynamic-priority framing is the same kernel's timer, services and limits with an EDF ready queue.
 */
export function framedProfile(profileId: string, framing: Framing): OsProfile {
  const p = getProfile(profileId);
  // A kernel with mutexes keeps them under EDF with the Stack Resource Policy: a priority ceiling
  // or inheritance raises a priority, which a deadline-ordered ready list does not read.
  return framing === 'fixed-priority' ? p : { ...p, id: `${p.id}-edf`, design: 'edf', inversion: p.inversion.length > 0 ? ['srp'] : [] };
}

/**
 * `workload` with its rate-monotonic ranks folded into the profile's priority range: where the
 * profile has fewer levels than tasks, the least urgent tasks share its lowest level (and its time
 * slice, for a round-robin kernel).
 */
export function fitPriorities(workload: Workload, profile: Pick<OsProfile, 'priorities'>): Workload {
  return { ...workload, tasks: workload.tasks.map((t) => ({ ...t, priority: Math.min(t.priority, profile.priorities - 1) })) };
}

/** One task's simulated I/O delays, in us. */
export interface TaskIo {
  readonly count: number;
  readonly meanUs: number;
  readonly minUs: number;
  readonly maxUs: number;
  readonly deadlineMisses: number;
}

/**
 * Per-task I/O delay from the job's nominal release to its io-out. A timed job is released by the
 * kernel inside the tick ISR, some entry and timer work after the tick fired; its I/O event is the
 * tick itself (what the analysis calls the release), so the delay opens at the raise of the tick
 * that released it (at the kernel's release time for the jobs released at boot, before any tick).
 */
class NominalIoReducer implements ProbeListener {
  readonly delay: RunningStat[];
  readonly misses: number[];
  private readonly openSince: number[];
  private lastTick = 0;
  /** The tick's line id, known once the kernel has booted (no tick is raised before that). */
  tickLine = -1;

  constructor(tasks: number) {
    this.delay = Array.from({ length: tasks }, () => new RunningStat());
    this.misses = new Array<number>(tasks).fill(0);
    this.openSince = new Array<number>(tasks).fill(NaN);
  }

  onEvent(type: ProbeEventType, time: number, subject: number): void {
    if (type === ProbeEvent.IrqRaised) {
      if (subject === this.tickLine) this.lastTick = time;
    } else if (type === ProbeEvent.JobRelease) {
      if (Number.isNaN(this.openSince[subject] ?? 0)) this.openSince[subject] = this.tickLine < 0 ? time : this.lastTick;
    } else if (type === ProbeEvent.IoOut) {
      const start = this.openSince[subject] ?? NaN;
      if (Number.isNaN(start)) return;
      this.delay[subject]?.add(time - start);
      this.openSince[subject] = NaN;
    } else if (type === ProbeEvent.DeadlineMiss) {
      this.misses[subject] = (this.misses[subject] ?? 0) + 1;
    }
  }
}

/** Runs `workload` on `profile` on `target` for `durationMs` and returns each task's I/O delays (in workload task order). */
export function simulateIo(profile: OsProfile, targetId: string, workload: Workload, durationMs: number, seed: number): TaskIo[] {
  const target = getTarget(targetId);
  const engine = createEngine(profile, target, seed);
  const io = engine.probe.attach(new NominalIoReducer(workload.tasks.length));
  const system = bootSystem({ engine, workload, profile });
  io.tickLine = system.lines.get('tick') ?? -1;
  if (io.tickLine < 0) throw new Error(`simulateIo: kernel ${profile.id} names no 'tick' line`);
  system.run(msToCycles(target, durationMs));
  return workload.tasks.map((spec, i) => {
    const index = system.taskNames.indexOf(spec.name);
    const stat = io.delay[index];
    if (stat === undefined || stat.count === 0) throw new Error(`simulateIo: task ${spec.name} produced no io-out in ${durationMs} ms on ${profile.id}/${targetId}`);
    const us = (c: number): number => Math.round(cyclesToUs(target, c) * 1000) / 1000;
    return { count: stat.count, meanUs: us(stat.mean), minUs: us(stat.min), maxUs: us(stat.max), deadlineMisses: io.misses[index] ?? 0 };
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

/** Microseconds to cycles on a target (for comparing simulated delays with analytic bounds). */
export function usOn(targetId: string, us: number): number {
  return usToCycles(getTarget(targetId), us);
}
