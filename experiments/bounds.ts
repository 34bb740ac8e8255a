import { analyzeModel, type Variant } from '../analysis/analyze.ts';
import { modelFromSystem } from '../analysis/from-system.ts';
import { getTarget } from '../hardware/targets/index.ts';
import { usToCycles } from '../hardware/units.ts';
import { systemModel } from '../kernels/system-model.ts';
import { defineExperiment, type RunMode, type Row } from './contract.ts';
import { ioTargets, type IoSeries } from './io-figure.ts';
import { framedProfile, ioUnitWorkload, IO_DURATION_MS, PAYLOADS, simulateIo } from './io-sim.ts';
import type { BoundsRow } from './paper-rows.ts';
import { grid, groupInOrder } from './unit-helpers.ts';
import { modeHorizonCap } from './horizon.ts';

/*
 * The fig3 and fig4 task sets (fewer per payload point) simulated on each framed kernel, each task's
 * longest simulated I/O delay set against the paper's equations as written and the corrected
 * analysis, both with the kernel's own priced overheads folded in. A violation is a task whose
 * simulated max exceeds its bound; a row counts the task sets with at least one.
 *
 * Task sets in which a job missed its deadline in the simulation are left out: a periodic task that
 * overruns is released again by its delay-until loop as soon as it finishes (and under EDF gets its
 * deadline from that late release), so its releases no longer keep the period apart, which neither
 * analysis models. `taskSets` counts the sets compared.
 */

/**
 * The framed kernels of Figs. 3-4, each analysed in its own framing, and uKernel as Table 1 describes
 * it (fixed priority, non-preemptive): the case where the paper's FP equations lack a blocking term.
 */
export const BOUNDS_SERIES: readonly IoSeries[] = [
  { profile: 'idcx', framing: 'fixed-priority' },
  { profile: 'webit', framing: 'fixed-priority' },
  { profile: 'ucos2', framing: 'fixed-priority' },
  { profile: 'ukernel', framing: 'fixed-priority' },
  { profile: 'worix', framing: 'dynamic-priority' },
  { profile: 'ukernel', framing: 'dynamic-priority' },
  { profile: 'ucos2', framing: 'dynamic-priority' },
];

const SETS: Record<RunMode, number> = { quick: 2, full: 30 };

const VARIANTS: readonly Variant[] = ['paper', 'corrected'];

interface BoundsUnit extends IoSeries {
  readonly target: string;
  readonly payload: number;
  readonly seed: number;
  /** The run's cap in quick mode (experiments/horizon.ts `modeHorizonCap`); absent in full mode. */
  readonly horizonCapMs?: number;
}

/** Per variant, the tasks of one set whose simulated max exceeds the bound. */
export interface BoundsResult {
  readonly profile: string;
  /** Whether any job missed its deadline in the simulation (the set is then left out of the comparison). */
  readonly missed: boolean;
  readonly violating: Readonly<Record<Variant, readonly string[]>>;
}

/** Simulates and analyses one task set. */
export function runBoundsUnit(unit: BoundsUnit): BoundsResult {
  const profile = framedProfile(unit.profile, unit.framing);
  const workload = ioUnitWorkload(unit);
  const simulated = simulateIo(profile, unit.target, workload, IO_DURATION_MS, unit.seed, unit.horizonCapMs);
  const target = getTarget(unit.target);
  const system = systemModel(profile, target, workload);
  const model = modelFromSystem(workload, target, system).model;
  const violating = Object.fromEntries(
    VARIANTS.map((variant) => {
      const bounds = analyzeModel(model, system.policy, variant);
      // A delay within the rounding of the probe's microseconds (1 ns) is not a violation.
      const over = workload.tasks.filter((t, i) => usToCycles(target, (simulated[i]?.maxUs ?? 0) - 0.001) > (bounds[i]?.wcrtCycles ?? Infinity)).map((t) => t.name);
      return [variant, over];
    }),
  ) as Record<Variant, string[]>;
  return { profile: profile.id, missed: simulated.some((t) => t.deadlineMisses > 0), violating };
}

/** The bounds experiment: one unit per target x framed kernel x payload x task set. */
export const bounds = defineExperiment<BoundsUnit, BoundsResult>({
  id: 'bounds',
  title: "Simulated max I/O delay against the paper's and the corrected bounds",
  description: `The fig3/fig4 task sets (${SETS.full} per payload point 0.1-0.8 in full mode) run on each framed kernel (at least ${IO_DURATION_MS} ms each, longer by the horizon rule of experiments/horizon.ts); each task's longest simulated I/O delay is compared with its worst-case bound from the paper's equations as written (1)-(3) or (8)-(12) and from the corrected analysis (blocking, every job of the busy period, floor+1 at the final region), both overhead-aware (tick, release, switch, ISR entry/exit and the longest masked kernel section, priced from the profile's blocks). Fixed-priority kernels get the FP bounds, the EDF framing the EDF bounds; uKernel is analysed as non-preemptive. Profile ids ending in -edf are the EDF framing. A task set violates a bound when any of its tasks' simulated max exceeds it. Sets in which any job missed its deadline in the simulation are left out (the delay-until loop then releases an overrunning task late and back to back, outside both analyses' sporadic model); taskSets counts the sets compared.`,
  columns: ['target', 'profile', 'variant', 'taskSets', 'violations'],
  settings: (mode) => ({ seeds: Array.from({ length: SETS[mode] }, (_, i) => i + 1), targets: ioTargets(), durationMs: IO_DURATION_MS, setsPerPoint: SETS[mode], payloads: [...PAYLOADS] }),
  units: (mode) =>
    grid({ target: ioTargets(), series: BOUNDS_SERIES, payload: PAYLOADS, seed: Array.from({ length: SETS[mode] }, (_, i) => i + 1) }).map(({ target, series, payload, seed }) => ({
      target,
      profile: series.profile,
      framing: series.framing,
      payload,
      seed,
      ...modeHorizonCap(mode),
    })),
  runUnit: runBoundsUnit,
  reduce: (results, units): Row[] => {
    const paired = units.map((u, i) => ({ u, r: results[i] as BoundsResult }));
    return groupInOrder(paired, ({ u }) => `${u.target}|${u.profile}|${u.framing}`).flatMap((all) => {
      const runs = all.filter(({ r }) => !r.missed);
      return VARIANTS.map(
        (variant): BoundsRow => ({
          target: all[0]?.u.target ?? '',
          profile: all[0]?.r.profile ?? '',
          variant,
          taskSets: runs.length,
          violations: runs.filter(({ r }) => r.violating[variant].length > 0).length,
        }),
      );
    });
  },
});
