import { studiedTargets } from '../hardware/targets/index.ts';
import { defineExperiment, roundUs, type Experiment, type RunMode, type Row } from './contract.ts';
import { simulateInputIo, variantWorkload, withInputEvents, type IoVariant, type SetInputIo } from './io-input.ts';
import { framedProfile, ioUnitWorkload, IO_DURATION_MS, PAYLOADS } from './io-sim.ts';
import type { Framing, IoRow } from './paper-rows.ts';
import { grid, groupInOrder, meanCi95 } from './unit-helpers.ts';
import { modeHorizonCap } from './horizon.ts';

/*
 * fig3 and fig4 share one shape: for each target, series (a profile in a framing and variant) and
 * payload, simulate many seeded random task sets, each with an input event per task, and keep one
 * row per set, so that series compare pairwise over the same sets (claims 9 and 10) and the figures
 * average over the sets with a 95% interval (summariseIoRows).
 */

/** Targets of the I/O figures: the studied ones (`inStudies`), in registry order. */
export function ioTargets(): string[] {
  return studiedTargets().map((t) => t.id);
}

/** Task sets per payload point: at least 100 for the published figures (issue 5), a handful for a check. */
export const IO_SETS: Record<RunMode, number> = { quick: 8, full: 100 };

/** One OS in one framing (the bounds experiment runs these). */
export interface IoSeries {
  readonly profile: string;
  readonly framing: Framing;
}

/** One OS in one framing and variant: a line of the figure. */
export interface IoFigureSeries extends IoSeries {
  readonly variant: IoVariant;
}

/** One simulated task set. */
export interface IoUnit extends IoFigureSeries {
  readonly target: string;
  readonly payload: number;
  readonly seed: number;
  /** The run's cap in quick mode (experiments/horizon.ts `modeHorizonCap`); absent in full mode. */
  readonly horizonCapMs?: number;
}

/** Seeds 1..n of a mode's task sets. */
export function ioSeeds(mode: RunMode, sets = IO_SETS[mode]): number[] {
  return Array.from({ length: sets }, (_, i) => i + 1);
}

/** Simulates one unit's task set, with its input events, on its framed profile in its variant. */
export function runIoUnit(unit: IoUnit): SetInputIo {
  const profile = framedProfile(unit.profile, unit.framing);
  const { workload, assigned } = variantWorkload(ioUnitWorkload(unit), unit.variant, unit.framing, unit.target);
  return { ...simulateInputIo(profile, unit.target, withInputEvents(workload), IO_DURATION_MS, unit.seed, unit.horizonCapMs), thresholdsAssigned: assigned };
}

/** One row per unit (units in `grid` order: target, series, payload, seed). */
export function reduceIo(results: readonly SetInputIo[], units: readonly IoUnit[]): IoRow[] {
  return units.map((u, i) => {
    const r = results[i] as SetInputIo;
    return {
      target: u.target,
      profile: u.profile,
      framing: u.framing,
      variant: u.variant,
      payload: u.payload,
      seed: u.seed,
      inputDelayMeanUs: roundUs(r.input.meanUs),
      inputDelayMaxUs: roundUs(r.input.maxUs),
      inputJitterUs: roundUs(r.input.jitterUs),
      resultDelayMeanUs: roundUs(r.result.meanUs),
      resultDelayMaxUs: roundUs(r.result.maxUs),
      resultJitterUs: roundUs(r.result.jitterUs),
      silentTasks: r.silentTasks,
      thresholdsAssigned: r.thresholdsAssigned,
    };
  });
}

/** The IoRow keys in column order. */
export const IO_COLUMNS = [
  'target', 'profile', 'framing', 'variant', 'payload', 'seed',
  'inputDelayMeanUs', 'inputDelayMaxUs', 'inputJitterUs', 'resultDelayMeanUs', 'resultDelayMaxUs', 'resultJitterUs', 'silentTasks', 'thresholdsAssigned',
] as const;

/** One series at one payload, averaged over its sets: what the figures draw. */
export type IoSummaryRow = {
  readonly target: string;
  readonly profile: string;
  readonly framing: Framing;
  readonly variant: IoVariant;
  readonly payload: number;
  readonly sets: number;
  readonly inputDelayMeanUs: number;
  /** Half-width of the 95% interval of inputDelayMeanUs over the sets. */
  readonly inputCi95: number;
  readonly inputDelayMaxUs: number;
  readonly inputJitterUs: number;
  readonly resultDelayMeanUs: number;
  readonly resultCi95: number;
  readonly resultDelayMaxUs: number;
  readonly resultJitterUs: number;
};

/** The series key of a row: target, profile, framing and variant. */
export function ioSeriesKey(r: Pick<IoRow, 'target' | 'profile' | 'framing' | 'variant'>): string {
  return `${r.target}|${r.profile}|${r.framing}|${r.variant}`;
}

/** Averages the per-set rows of each series and payload (in row order), with the 95% interval of each mean delay. */
export function summariseIoRows(rows: readonly IoRow[]): IoSummaryRow[] {
  return groupInOrder(rows, (r) => `${ioSeriesKey(r)}|${r.payload}`).map((sets) => {
    const first = sets[0] as IoRow;
    const avg = (key: keyof IoRow): number => roundUs(sets.reduce((s, r) => s + (r[key] as number), 0) / sets.length);
    const input = meanCi95(sets.map((r) => r.inputDelayMeanUs));
    const result = meanCi95(sets.map((r) => r.resultDelayMeanUs));
    return {
      target: first.target,
      profile: first.profile,
      framing: first.framing,
      variant: first.variant,
      payload: first.payload,
      sets: sets.length,
      inputDelayMeanUs: roundUs(input.mean),
      inputCi95: roundUs(input.ci95),
      inputDelayMaxUs: avg('inputDelayMaxUs'),
      inputJitterUs: avg('inputJitterUs'),
      resultDelayMeanUs: roundUs(result.mean),
      resultCi95: roundUs(result.ci95),
      resultDelayMaxUs: avg('resultDelayMaxUs'),
      resultJitterUs: avg('resultJitterUs'),
    };
  });
}

/** Declares an I/O figure experiment over the given series. */
export function ioExperiment(id: string, title: string, description: string, series: readonly IoFigureSeries[]): Experiment<IoUnit, SetInputIo> {
  return defineExperiment<IoUnit, SetInputIo>({
    id,
    title,
    description,
    columns: [...IO_COLUMNS],
    settings: (mode) => ({ seeds: ioSeeds(mode), targets: ioTargets(), durationMs: IO_DURATION_MS, setsPerPoint: IO_SETS[mode], payloads: [...PAYLOADS] }),
    units: (mode) =>
      grid({ target: ioTargets(), series, payload: PAYLOADS, seed: ioSeeds(mode) }).map(({ target, series: s, payload, seed }) => ({ target, profile: s.profile, framing: s.framing, variant: s.variant, payload, seed, ...modeHorizonCap(mode) })),
    runUnit: runIoUnit,
    reduce: (results, units): Row[] => reduceIo(results, units),
  });
}
