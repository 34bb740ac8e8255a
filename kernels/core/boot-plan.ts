import type { Target } from '../../hardware/target.ts';
import { usToCycles } from '../../hardware/units.ts';
import { svcGateCycles } from '../../multiapp/svc-gate.ts';
import { deadlineUs } from '../../workloads/execution.ts';
import type { MutexProtocol, TaskSpec, Workload } from '../../workloads/types.ts';
import { workloadMutexProtocols } from '../profiles/protocol.ts';
import type { OsProfile } from '../profiles/types.ts';
import { releaseTick } from '../release-ticks.ts';
import type { ReleaseMode } from '../types.ts';
import { checkAppControl } from './app-control.ts';
import * as B from './blocks.ts';
import { compiledBody } from './compiled-bodies.ts';
import { deadlineKeyTicks } from './deadline-key.ts';
import type { CoreDesignSpec } from './design.ts';
import type { SignalCosts } from './objects.ts';
import { cyclesOf } from './pricing.ts';
import type { Release } from './runner.ts';
import type { CompiledBody } from './steps.ts';
import { checkWorkloadFitsProfile, ProfileLimitError } from './validate.ts';
import { memoByIdentity } from './identity-memo.ts';

/*
 * What a core boot derives from its inputs alone: the workload's checks, each task's compiled body,
 * deadlines, levels and release arithmetic, the mutex ceilings and the signal costs. None of it
 * depends on the engine, the seed or anything a run changes, so it is derived once per (workload,
 * profile, design, target, release mode) and every boot reads the same frozen record. Studies boot
 * one workload thousands of times (seeds, sweeps, the bench); deriving this was most of a boot's
 * work besides building the kernel's own state. Keyed by object identity, as workloads, profiles,
 * designs and targets are read-only records; a plan whose checks fail is not remembered (the next
 * boot throws the same error). What a run changes (semaphores, TCBs, contexts, runners, draws) is
 * built fresh by every boot from the plan.
 */

/** How one task's jobs are released, as far as that is fixed before a run. */
export type ReleasePlan =
  /** On the tick; `release` is the whole Release when the task has no jitter (`jitterCycles` 0), else its fixed part. */
  | { readonly kind: 'periodic'; readonly release: Release & { readonly kind: 'periodic' }; readonly jitterCycles: number }
  /** On an exact timer at each arrival plus a jitter of up to `jitterCycles`. */
  | { readonly kind: 'timer'; readonly arrivalCycles: (job: number) => number; readonly jitterCycles: number }
  /** By a post to the task's release signal from `lineName` (an I/O line, or a sporadic source of its own). */
  | { readonly kind: 'signal'; readonly lineName: string; readonly sporadic: { readonly minUs: number; readonly extraUs: number } | undefined };

/** One task's part of a plan. */
export interface TaskPlan {
  /** The task's workload field, for errors. */
  readonly field: string;
  readonly body: CompiledBody;
  /** Relative deadline in cycles (Infinity: none). */
  readonly deadlineCycles: number;
  /** Relative deadline in ticks (the EDF key under tick releases). */
  readonly deadlineTicks: number;
  /** The key the task is created with: its first job's absolute deadline (cycles or ticks). */
  readonly firstDeadlineKey: number;
  readonly threshold: number;
  /** Baker's preemption level (SRP). */
  readonly preemptionLevel: number;
  /** The APP the task belongs to (index in `workload.apps`), or undefined for a kernel task. */
  readonly app: number | undefined;
  /** The SVC gate's cycles added to each kernel call of an APP's task (0 for a kernel task). */
  readonly gateCycles: number;
  readonly release: ReleasePlan;
}

/** A core boot's derived, run-independent inputs (shared by every boot: read only). */
export interface CoreBootPlan {
  readonly tasks: readonly TaskPlan[];
  readonly taskNames: readonly string[];
  readonly mutexProtocols: readonly MutexProtocol[];
  /** Each mutex's ceiling, in `resources.mutexes` order. */
  readonly mutexCeilings: readonly number[];
  readonly stackResourcePolicy: boolean;
  readonly signalCosts: SignalCosts;
  /** Nominal cycle of tick n. */
  readonly tickCycles: (tick: number) => number;
}

/** The costs of a release signal: a semaphore where the profile has one, else a message queue. */
export function signalCosts(profile: OsProfile, target: Target): SignalCosts {
  if (profile.services.semaphore || !profile.services.queue) {
    return { pendFast: cyclesOf(B.semPendFast, target), pendWait: cyclesOf(B.semPendWait, target), postCount: cyclesOf(B.semPostCount, target) };
  }
  return { pendFast: cyclesOf(B.queueGet, target), pendWait: cyclesOf(B.queueWait, target), postCount: cyclesOf(B.queuePut, target) };
}

/** The SVC gate's cycles for an APP's task at `field`; a core without one cannot run APPs. */
function appGateCycles(target: Target, field: string): number {
  if (target.zeroCost !== true && target.svcGate === undefined) throw new ProfileLimitError(`${field}.app: target ${target.id} has no SVC gate, so it cannot run an isolated APP's task (use a Cortex-M target)`);
  return svcGateCycles(target);
}

/**
 * A tick kernel releases a job at the first tick at or after its arrival: a 62.5 ms period on a 1 ms
 * tick is released 62, 63, 62, 63 ... ticks apart, as a delay-until on a tick kernel does. A period
 * shorter than one tick cannot be released by the tick at all.
 */
function checkPeriodSpansATick(us: number, tickHz: number, field: string): void {
  if ((us * tickHz) / 1e6 < 1 - 1e-9) throw new Error(`${field}: ${us} us is shorter than one tick at tickHz ${tickHz}`);
}

/**
 * Baker's preemption levels (SRP): the rank of each task's exact relative deadline among the set's,
 * smaller is higher, equal deadlines share a level. Ranked from the workload's own deadlines, never
 * from the tick count of the EDF key: two deadlines rounded up to the same tick (2.4 and 3 ms at
 * 1 kHz) would share a level, and a section whose ceiling is the longer deadline's would then block
 * the shorter one, which SRP (and the analysis) lets preempt it.
 */
function preemptionLevels(w: Workload): number[] {
  const deadlines = w.tasks.map((t) => deadlineUs(t, w) ?? Infinity);
  const distinct = [...new Set(deadlines)].sort((a, b) => a - b);
  return deadlines.map((d) => distinct.indexOf(d));
}

/**
 * A mutex's ceiling: the highest priority of the tasks that lock it, or under SRP their highest
 * preemption level (the rank of the shortest relative deadline, the level `levels` gives each task).
 */
function mutexCeilings(w: Workload, protocols: readonly MutexProtocol[], levels: readonly number[]): number[] {
  return (w.resources?.mutexes ?? []).map((m, i) => {
    const users = w.tasks.flatMap((t, j) => (t.body.some((s) => s.op === 'lock' && s.mutex === m.name) ? [protocols[i] === 'srp' ? (levels[j] as number) : t.priority] : []));
    return users.length > 0 ? Math.min(...users) : 0;
  });
}

/**
 * EDF's key for a task not yet started under exact releases: its first job's absolute deadline, so
 * that the kernel picks it at boot no earlier than a textbook EDF would.
 */
function firstDeadlineCycles(spec: TaskSpec, target: Target, deadlineCycles: number): number {
  return (spec.trigger.kind === 'periodic' ? usToCycles(target, spec.trigger.offsetUs ?? 0) : 0) + deadlineCycles;
}

/** Task `i`'s release arithmetic; throws naming the field where the tick cannot release it or its line is unknown. */
function releasePlan(w: Workload, spec: TaskSpec, target: Target, releases: ReleaseMode, field: string): ReleasePlan {
  const trig = spec.trigger;
  const jitterCycles = usToCycles(target, spec.releaseJitterUs ?? 0);
  if (trig.kind === 'periodic') {
    const offsetUs = trig.offsetUs ?? 0;
    const arrivalCycles = (job: number): number => usToCycles(target, offsetUs + job * trig.periodUs);
    if (releases === 'exact') return { kind: 'timer', arrivalCycles, jitterCycles };
    checkPeriodSpansATick(trig.periodUs, w.tickHz, `${field}.trigger.periodUs`);
    // Job j waits for the first tick at or after its arrival, as a delay-until on the tick does.
    const tickOf = (job: number): number => 1 + releaseTick(offsetUs, trig.periodUs, job, w.tickHz);
    const tickAtOrAfter = (cycles: number): number => 1 + Math.ceil((cycles * w.tickHz) / target.clockHz - 1e-9);
    return { kind: 'periodic', release: Object.freeze({ kind: 'periodic', tickOf, arrivalCycles, jitterCycles: undefined, tickAtOrAfter }), jitterCycles };
  }
  if (trig.kind === 'io' && !(w.ioLines ?? []).some((l) => l.name === trig.line)) {
    throw new Error(`${field}.trigger.line: unknown I/O line "${trig.line}"; declared: ${(w.ioLines ?? []).map((l) => l.name).join(', ') || 'none'}`);
  }
  if (trig.kind === 'io') return { kind: 'signal', lineName: trig.line, sporadic: undefined };
  return { kind: 'signal', lineName: `release:${spec.name}`, sporadic: { minUs: trig.minInterArrivalUs, extraUs: trig.maxExtraUs ?? 0 } };
}

/** Derives the plan, checking the workload as the boot always has (the same errors, in the same order). */
function derivePlan(design: CoreDesignSpec, profile: OsProfile, w: Workload, target: Target, releases: ReleaseMode): CoreBootPlan {
  // Asked before the profile's limits: no change to the workload gives the core an SVC gate, so this
  // is the reason an APP workload cannot run here (`kbench compare` reports the first refusal).
  const firstAppTask = w.tasks.findIndex((t) => t.app !== undefined);
  if (firstAppTask >= 0) appGateCycles(target, `tasks[${firstAppTask}]`);
  checkWorkloadFitsProfile(w, profile, design.keyedByDeadline);
  if (!(w.tickHz > 0)) throw new Error(`tickHz: must be > 0, got ${w.tickHz}`);
  checkAppControl(w, releases);
  const protocols = workloadMutexProtocols(w, profile);
  const levels = preemptionLevels(w);
  const tasks = w.tasks.map((spec, i): TaskPlan => {
    const field = `tasks[${i}]`;
    const body = compiledBody(w, i, target, field);
    const release = releasePlan(w, spec, target, releases, field);
    const d = deadlineUs(spec, w);
    const deadlineCycles = d === undefined ? Infinity : usToCycles(target, d);
    const deadlineTicks = deadlineKeyTicks(spec, w);
    return Object.freeze({
      field,
      body,
      deadlineCycles,
      deadlineTicks,
      firstDeadlineKey: releases === 'exact' ? firstDeadlineCycles(spec, target, deadlineCycles) : 1 + deadlineTicks,
      threshold: spec.preemptionThreshold ?? spec.priority,
      preemptionLevel: levels[i] as number,
      app: spec.app === undefined ? undefined : (w.apps ?? []).findIndex((a) => a.name === spec.app),
      gateCycles: spec.app === undefined ? 0 : appGateCycles(target, field),
      release,
    });
  });
  return Object.freeze({
    tasks: Object.freeze(tasks),
    taskNames: Object.freeze(w.tasks.map((t) => t.name)),
    mutexProtocols: Object.freeze(protocols),
    mutexCeilings: Object.freeze(mutexCeilings(w, protocols, levels)),
    stackResourcePolicy: protocols.includes('srp'),
    signalCosts: Object.freeze(signalCosts(profile, target)),
    tickCycles: (tick: number): number => Math.floor(((tick - 1) * target.clockHz) / w.tickHz),
  });
}

/** The plan of booting `w` on `profile`'s `design` on `target` with `releases`; derived (and checked) on first use only. */
const planOf = memoByIdentity((w: Workload, profile: OsProfile, design: CoreDesignSpec, target: Target, releases: ReleaseMode) => derivePlan(design, profile, w, target, releases));

/** The plan of booting `w` on `profile`'s `design` on `target` with `releases`; derived (and checked) on first use only. */
export function coreBootPlan(design: CoreDesignSpec, profile: OsProfile, w: Workload, target: Target, releases: ReleaseMode): CoreBootPlan {
  return planOf(w, profile, design, target, releases);
}
