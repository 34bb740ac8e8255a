import { getTarget, studiedTargets } from '../hardware/targets/index.ts';
import { interruptNesting } from '../kernels/profiles/nesting.ts';
import { DEFAULT_NESTING } from '../kernels/profiles/types.ts';
import { comparedProfiles, getProfile, portedUnits, unportedPairs } from '../kernels/registry.ts';
import { defineExperiment, type RunMode } from './contract.ts';
import type { Fig1Row } from './paper-rows.ts';
import { runSleepWake, type SleepWakeResult } from './sleep-wake-run.ts';
import { grid } from './unit-helpers.ts';
import { modeHorizonCap } from './horizon.ts';

/*
 * The paper's Figure 1: the longest interrupt-disable time against the number of running tasks,
 * for the five profiles (and MOS) on the ATmega128L and the Cortex-M4. The task set is the one
 * named workload paper-tasks-<n> defines (workloads/generators/paper-sweeps.ts); the max is the longest MaskOn-MaskOff interval the probe saw.
 */

/** The compared profiles in registry order: the paper's five in its Table 1 order, then MOS (and any added since). */
export function sweepProfiles(): string[] {
  return comparedProfiles().map((p) => p.id);
}

/** Targets the paper sweeps run on: every target marked `inStudies`, in registry order. */
export function sweepTargets(): string[] {
  return studiedTargets().map((t) => t.id);
}

/** The paper's task counts, 1 to 8. */
export const SWEEP_TASKS = [1, 2, 3, 4, 5, 6, 7, 8] as const;

/**
 * Simulated time per run. Nothing in the set is random, so the run repeats every tick after the
 * first: a few dozen ticks already show every masked interval; full mode runs 200 (1 kHz tick).
 */
export const SWEEP_DURATION_MS: Record<RunMode, number> = { quick: 50, full: 200 };

/** One sweep point. */
export interface SweepUnit {
  readonly target: string;
  readonly profile: string;
  readonly tasks: number;
  readonly durationMs: number;
  /** The run's cap in quick mode (experiments/horizon.ts `modeHorizonCap`); absent in full mode. */
  readonly horizonCapMs?: number;
}

/** The sweep's units, target outermost, then profile, then task count (a kernel only on the cores it has a port for). */
export function sweepUnits(mode: RunMode): SweepUnit[] {
  return portedUnits(grid({ target: sweepTargets(), profile: sweepProfiles(), tasks: SWEEP_TASKS, durationMs: [SWEEP_DURATION_MS[mode]] })).map((u) => ({ ...u, ...modeHorizonCap(mode) }));
}

/** The sweep's manifest settings. */
export function sweepSettings(mode: RunMode): { seeds: number[]; targets: string[]; durationMs: number; profiles: string[]; tasks: number[]; notRun: string[] } {
  return { seeds: [1], targets: sweepTargets(), durationMs: SWEEP_DURATION_MS[mode], profiles: sweepProfiles(), tasks: [...SWEEP_TASKS], notRun: unportedPairs(sweepTargets(), sweepProfiles()) };
}

/** One fig1 unit's runs: the kernel as its port nests, and the max interrupt-disable time with nesting forced the other way. */
export interface Fig1Result extends SleepWakeResult {
  readonly nesting: 'on' | 'off';
  readonly nestingBasis: 'cited' | 'default';
  readonly irqOffNestingOnUs: number;
  readonly irqOffNestingOffUs: number;
}

/** Runs one sweep point as the port nests interrupts, then with nesting the other way (the sensitivity variant). */
export function runFig1Unit({ target, profile, tasks, durationMs, horizonCapMs }: SweepUnit): Fig1Result {
  const port = interruptNesting(getProfile(profile), getTarget(target));
  if (port.basis === 'variant') throw new Error(`fig1: profile ${profile} is already a nesting variant`);
  const asPort = runSleepWake(target, profile, tasks, durationMs, undefined, horizonCapMs);
  const other = runSleepWake(target, profile, tasks, durationMs, !port.nested, horizonCapMs).maxIrqOffUs;
  return {
    ...asPort,
    nesting: port.nested ? 'on' : 'off',
    nestingBasis: port.basis,
    irqOffNestingOnUs: port.nested ? asPort.maxIrqOffUs : other,
    irqOffNestingOffUs: port.nested ? other : asPort.maxIrqOffUs,
  };
}

/** The fig1 experiment: one unit per target x profile x task count, each run with interrupt nesting as cited and the other way. */
export const fig1 = defineExperiment<SweepUnit, Fig1Result>({
  id: 'fig1',
  title: 'Max interrupt-disable time against running tasks (the paper\'s Figure 1)',
  description:
    `n = 1..8 tasks (the named workload paper-tasks-<n>) that each compute 200 AVR reference cycles and sleep until the next 1 kHz tick, so every tick wakes all of them (the timer ISR does its most work); task i has priority i, folded into the profile's range. maxIrqOffUs is the longest interval with interrupts masked that the probe saw (MaskOn to MaskOff), over the whole run: the paper's TcloseINT + TdoISR + TsaveReg + TstartService. Whether the tick ISR runs with interrupts enabled (so that only its critical sections mask) is a fact of each kernel's port: nesting gives it per profile and target, nestingBasis says whether a port or the paper was cited for it or the one default rule applied (${DEFAULT_NESTING.rule}). The sensitivity variant runs every kernel with nesting forced on (irqOffNestingOnUs) and off (irqOffNestingOffUs). The set has no random input, so one seed suffices.`,
  columns: ['target', 'profile', 'tasks', 'maxIrqOffUs', 'nesting', 'nestingBasis', 'irqOffNestingOnUs', 'irqOffNestingOffUs'],
  settings: sweepSettings,
  units: sweepUnits,
  runUnit: runFig1Unit,
  reduce: (results) =>
    results.map((r): Fig1Row => ({
      target: r.target,
      profile: r.profile,
      tasks: r.tasks,
      maxIrqOffUs: r.maxIrqOffUs,
      nesting: r.nesting,
      nestingBasis: r.nestingBasis,
      irqOffNestingOnUs: r.irqOffNestingOnUs,
      irqOffNestingOffUs: r.irqOffNestingOffUs,
    })),
});
