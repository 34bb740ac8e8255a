import { handover, interruptLatency, preemption, type ReducerFactory, type SpanStats, taskSwitch } from '../analysis/reducers/index.ts';
import { ProbeEvent, type ProbeEventType } from '../hardware/probe.ts';
import { getTarget } from '../hardware/targets/index.ts';
import { cyclesToUs } from '../hardware/units.ts';
import { ProfileLimitError } from '../kernels/core/validate.ts';
import { getDesign, getProfile, portedUnits, unportedPairs, type OsProfile } from '../kernels/registry.ts';
import { MICROBENCHMARKS } from '../workloads/generators/microbench.ts';
import type { Workload } from '../workloads/types.ts';
import { defineExperiment, roundUs, type RunMode } from './contract.ts';
import { sweepProfiles, sweepTargets } from './fig1.ts';
import { modeHorizonCap, runHorizonMs } from './horizon.ts';
import { measureRun } from './measure-run.ts';
import { grid } from './unit-helpers.ts';

/*
 * The four Q/GDW 12180 kernel real-time indicators and the six Rhealstones, per profile and target:
 * each benchmark's workload (workloads/generators/microbench.ts) runs on the kernel, and a reducer
 * turns the probe's events into the span the benchmark names (mean over every occurrence). A
 * profile that lacks what a workload needs (Webit and iDCX have no semaphores, uC/OS-II gives
 * every task its own priority, MOS tasks cannot block) gets a null value with the kernel's own
 * refusal as the note; so does a run in which the benchmark's situation never arose.
 */

/** The indicators in row order: the four Q/GDW 12180 indicators, then the six Rhealstones. */
export const INDICATORS = [
  'qgdw-task-switching',
  'qgdw-channel-communication',
  'qgdw-semaphore-shuffling',
  'qgdw-signal-reception',
  'rhealstone-task-switch',
  'rhealstone-preemption',
  'rhealstone-interrupt-latency',
  'rhealstone-semaphore-shuffle',
  'rhealstone-deadlock-break',
  'rhealstone-message-latency',
] as const;

/** An indicator id (also its workload's name). */
export type Indicator = (typeof INDICATORS)[number];

/** Simulated time per run: the preemption benchmark's low task runs 150 ms per 200 ms job on the AVR. */
const DURATION_MS: Record<RunMode, number> = { quick: 200, full: 1000 };

/** One row: an indicator's mean over the run, or null with the reason. */
export type IndicatorRow = {
  readonly target: string;
  readonly profile: string;
  readonly indicator: string;
  readonly valueUs: number | null;
  readonly cycles: number | null;
  readonly note: string;
};

export interface IndicatorUnit {
  readonly target: string;
  readonly profile: string;
  readonly indicator: Indicator;
  readonly durationMs: number;
  /** The run's cap in quick mode (experiments/horizon.ts `modeHorizonCap`); absent in full mode. */
  readonly horizonCapMs?: number;
}

/** What an indicator measures, as its row note says it, and the reducer that measures it. */
interface Measure {
  readonly what: string;
  /** Whether the span runs from a give to the task that waited for it. */
  readonly handover?: boolean;
  /** The reducer of the benchmark's span on `profile`, or the reason the benchmark cannot be run there. */
  reducer(profile: OsProfile): ReducerFactory<SpanStats> | string;
}

/** A handover measure; where receivers never block (MOS), the span ends at the receiver's take. */
const handoverOn = (give: ProbeEventType, take: ProbeEventType): Measure['reducer'] => (profile) => handover(give, take, getDesign(profile.design).receiversBlock);

/** Task-to-task switches: SwitchOut to SwitchIn, switches from or to the idle task left out. */
const taskToTask: Measure['reducer'] = () => taskSwitch('idle');

const MEASURES: Readonly<Record<Indicator, Measure>> = {
  'qgdw-task-switching': { what: 'task-to-task switch as the higher-priority task delays (SwitchOut to SwitchIn)', reducer: taskToTask },
  'qgdw-channel-communication': { what: 'queue send to the waiting receiver\'s first instruction', handover: true, reducer: handoverOn(ProbeEvent.MsgSend, ProbeEvent.MsgReceive) },
  'qgdw-semaphore-shuffling': { what: 'semaphore give to the waiting task\'s first instruction', handover: true, reducer: handoverOn(ProbeEvent.SemGive, ProbeEvent.SemTake) },
  'qgdw-signal-reception': { what: 'event-flag set to the waiting task\'s first instruction', handover: true, reducer: handoverOn(ProbeEvent.EventSet, ProbeEvent.EventWait) },
  'rhealstone-task-switch': { what: 'switch between equal-priority tasks (SwitchOut to SwitchIn)', reducer: taskToTask },
  'rhealstone-preemption': {
    what: 'release of the high task by the tick to its first instruction, while the low task ran',
    reducer: (profile) =>
      profile.preemptive ? preemption('high', 'low') : `profile ${profile.id} is not preemptive: a released task waits for the running job to end, so there is no preemption to time`,
  },
  'rhealstone-interrupt-latency': {
    what: 'interrupt raised to its handler entered (hardware entry, plus any masked section it waited out)',
    reducer: () => interruptLatency({ line: 'irq' }),
  },
  'rhealstone-semaphore-shuffle': { what: 'semaphore give to the waiting higher-priority task\'s first instruction', handover: true, reducer: handoverOn(ProbeEvent.SemGive, ProbeEvent.SemTake) },
  'rhealstone-deadlock-break': { what: 'the owner\'s mutex unlock to the blocked high task\'s first instruction (priority restored, mutex handed over)', handover: true, reducer: handoverOn(ProbeEvent.SemGive, ProbeEvent.SemTake) },
  'rhealstone-message-latency': { what: 'queue send to the waiting receiver\'s first instruction', handover: true, reducer: handoverOn(ProbeEvent.MsgSend, ProbeEvent.MsgReceive) },
};

/** Why a measured run saw no occurrence of its benchmark's situation, where a mechanism explains it. */
function whyNone(indicator: Indicator, profile: OsProfile): string {
  if (indicator === 'rhealstone-deadlock-break' && !profile.preemptive) {
    return `profile ${profile.id} is not preemptive: the owner keeps the CPU until it has unlocked, so the high task never meets the held mutex and there is no inversion to break`;
  }
  if (indicator === 'rhealstone-deadlock-break' && !profile.inversion.includes('inheritance')) {
    return `profile ${profile.id} uses the priority ceiling: the owner runs at the ceiling, so the high task never blocks on the mutex and there is no inversion to break`;
  }
  return `the benchmark's situation never arose on profile ${profile.id} in the run`;
}

/** What a handover figure includes on kernels that schedule differently from the preemptive core. */
function caveat(measure: Measure, profile: OsProfile): string {
  if (!measure.handover) return '';
  if (!getDesign(profile.design).receiversBlock) return ` (${profile.displayName}: to the receiver's take; the send posts the receiver, whose receive never blocks)`;
  return profile.preemptive ? '' : " (not preemptive: the waiter runs only once the giver's job ends or blocks, so the rest of that job is included)";
}

/** Runs one indicator's workload (as `adapt` changes it, e.g. into isolated APPs) on a profile and target and reduces the probe. */
export function measureIndicator(unit: IndicatorUnit, adapt: (w: Workload) => Workload = (w) => w): IndicatorRow {
  const { target: targetId, profile: profileId, indicator, durationMs, horizonCapMs } = unit;
  const target = getTarget(targetId);
  const profile = getProfile(profileId);
  const workload = adapt((MICROBENCHMARKS[indicator] as () => Workload)());
  const row = (valueCycles: number | null, note: string): IndicatorRow => ({
    target: targetId,
    profile: profileId,
    indicator,
    valueUs: valueCycles === null ? null : roundUs(cyclesToUs(target, valueCycles)),
    cycles: valueCycles === null ? null : roundUs(valueCycles),
    note,
  });
  const measure = MEASURES[indicator];
  const reducer = measure.reducer(profile);
  if (typeof reducer === 'string') return row(null, reducer);
  let stat: SpanStats;
  try {
    stat = measureRun({ profile, target, workload, durationMs: runHorizonMs(workload, durationMs, horizonCapMs), seed: 1, reducers: { span: reducer } }).span;
  } catch (e) {
    // The kernel refusing the workload is a finding (a missing service or limit), not a failure.
    if (e instanceof ProfileLimitError) return row(null, `not run: ${e.message}`);
    throw e;
  }
  if (stat.count === 0) return row(null, whyNone(indicator, profile));
  return row(stat.mean, `mean of ${stat.count}: ${measure.what}${caveat(measure, profile)}; max ${roundUs(cyclesToUs(target, stat.max))} us`);
}

/** The indicators experiment: one unit per target x profile x indicator. */
export const indicators = defineExperiment<IndicatorUnit, IndicatorRow>({
  id: 'indicators',
  title: 'Q/GDW 12180 real-time indicators and Rhealstones per profile',
  description:
    "Each benchmark's workload (workloads/generators/microbench.ts) runs on each profile's kernel; a reducer turns the probe's events into the benchmark's span, and valueUs is its mean over every occurrence in the run (the note gives the count and the max). Task switching: SwitchOut to SwitchIn between two application tasks. Channel communication, semaphore shuffling, signal reception, semaphore shuffle, message latency: from the sender's give (queue send, semaphore give, flag set) to the first instruction of the task that was blocked waiting for it. Preemption: from the tick's release of the high task to its first instruction, when it preempted the running low task. Interrupt latency: from the line raised to its handler entered. Deadlock break: from the low owner's mutex unlock to the first instruction of the high task blocked on the mutex (the priority restore and the handover), with a medium task ready in between. Where a profile lacks what the workload needs, the row is null and the note quotes the kernel's refusal; where the situation never arose, the note says why.",
  columns: ['target', 'profile', 'indicator', 'valueUs', 'cycles', 'note'],
  settings: (mode) => ({ seeds: [1], targets: sweepTargets(), durationMs: DURATION_MS[mode], indicators: [...INDICATORS], notRun: unportedPairs(sweepTargets(), sweepProfiles()) }),
  units: (mode) => portedUnits(grid({ target: sweepTargets(), profile: sweepProfiles(), indicator: INDICATORS, durationMs: [DURATION_MS[mode]] })).map((u) => ({ ...u, ...modeHorizonCap(mode) })),
  runUnit: (unit) => measureIndicator(unit),
  reduce: (results) => [...results],
});
