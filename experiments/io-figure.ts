import { studiedTargets } from '../hardware/targets/index.ts';
import { defineExperiment, roundUs, type Experiment, type RunMode, type Row } from './contract.ts';
import { framedProfile, ioUnitWorkload, IO_DURATION_MS, PAYLOADS, simulateIo, summariseSet, type SetIo } from './io-sim.ts';
import type { Framing, IoRow } from './paper-rows.ts';
import { grid, groupInOrder, meanCi95 } from './unit-helpers.ts';

/*
 * fig3 and fig4 share one shape: for each target, profile in a framing, and payload, simulate many
 * seeded random task sets and report the mean over the sets of each set's mean I/O delay, longest
 * I/O delay and largest per-task jitter, with the 95% interval of the mean delay.
 */

/** Targets of the I/O figures: the studied ones (`inStudies`), in registry order. */
export function ioTargets(): string[] {
  return studiedTargets().map((t) => t.id);
}

/** Task sets per payload point: at least 100 for the published figures (issue 5), a handful for a check. */
export const IO_SETS: Record<RunMode, number> = { quick: 8, full: 100 };

/** One OS in one framing: a line of the figure. */
export interface IoSeries {
  readonly profile: string;
  readonly framing: Framing;
}

/** One simulated task set. */
export interface IoUnit extends IoSeries {
  readonly target: string;
  readonly payload: number;
  readonly seed: number;
}

/** Seeds 1..n of a mode's task sets. */
export function ioSeeds(mode: RunMode, sets = IO_SETS[mode]): number[] {
  return Array.from({ length: sets }, (_, i) => i + 1);
}

/** Simulates one unit's task set on its framed profile. */
export function runIoUnit(unit: IoUnit): SetIo {
  const profile = framedProfile(unit.profile, unit.framing);
  const workload = ioUnitWorkload(unit);
  return summariseSet(simulateIo(profile, unit.target, workload, IO_DURATION_MS, unit.seed));
}

/** Rows of an I/O figure from its units' results (units in `grid` order: target, series, payload, seed). */
export function reduceIo(results: readonly SetIo[], units: readonly IoUnit[]): IoRow[] {
  const paired = units.map((u, i) => ({ u, r: results[i] as SetIo }));
  return groupInOrder(paired, ({ u }) => `${u.target}|${u.profile}|${u.framing}|${u.payload}`).map((runs) => {
    const first = (runs[0] as (typeof runs)[number]).u;
    const delay = meanCi95(runs.map(({ r }) => r.meanUs));
    const avg = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    return {
      target: first.target,
      profile: first.profile,
      framing: first.framing,
      payload: first.payload,
      ioDelayMeanUs: roundUs(delay.mean),
      ioDelayMaxUs: roundUs(avg(runs.map(({ r }) => r.maxUs))),
      ioJitterUs: roundUs(avg(runs.map(({ r }) => r.jitterUs))),
      ci95: roundUs(delay.ci95),
    };
  });
}

/** The IoRow keys in column order. */
export const IO_COLUMNS = ['target', 'profile', 'framing', 'payload', 'ioDelayMeanUs', 'ioDelayMaxUs', 'ioJitterUs', 'ci95'] as const;

/** Declares an I/O figure experiment over the given series. */
export function ioExperiment(id: string, title: string, description: string, series: readonly IoSeries[]): Experiment<IoUnit, SetIo> {
  return defineExperiment<IoUnit, SetIo>({
    id,
    title,
    description,
    columns: [...IO_COLUMNS],
    settings: (mode) => ({ seeds: ioSeeds(mode), targets: ioTargets(), durationMs: IO_DURATION_MS, setsPerPoint: IO_SETS[mode], payloads: [...PAYLOADS] }),
    units: (mode) =>
      grid({ target: ioTargets(), series, payload: PAYLOADS, seed: ioSeeds(mode) }).map(({ target, series: s, payload, seed }) => ({ target, profile: s.profile, framing: s.framing, payload, seed })),
    runUnit: runIoUnit,
    reduce: (results, units): Row[] => reduceIo(results, units),
  });
}
