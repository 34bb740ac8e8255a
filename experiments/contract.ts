/**
 * The contract every experiment implements. An experiment is a named study split into independent
 * work units (e.g. one per target x profile x point x seed). Each unit is computed by a pure,
 * deterministic function of the unit alone, so units may run in any order, on any worker thread,
 * on any shard of a cluster job; a reducer then assembles the rows in a fixed order. The runner
 * (`experiments/runner/`) does the rest: workers, shards, resume, results files and the manifest.
 *
 * Units and unit results cross thread and process boundaries as JSON, so both must be plain data
 * that survives `JSON.parse(JSON.stringify(x))` unchanged (no Map, undefined, NaN or Infinity).
 * The runner round-trips every unit result through JSON on every path, in process or not, which
 * is what makes results byte-identical whatever the worker count or shard split.
 */

/** How much work a run does: `quick` for a check in seconds, `full` for the published results. */
export type RunMode = 'quick' | 'full';

/** The run modes, in the order the CLI lists them. */
export const RUN_MODES: readonly RunMode[] = ['quick', 'full'];

/** A cell of a results row: what JSON and CSV can both hold. */
export type Cell = string | number | boolean | null;

/**
 * One row of an experiment's results (`results/<id>.json` `rows`, one CSV line). Declare typed
 * rows with `type X = {...}` rather than `interface`, so that they are assignable to it.
 */
export type Row = Readonly<Record<string, Cell>>;

/** A plain JSON value, for settings recorded in the manifest. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/**
 * What an experiment records in the manifest about a run's inputs: seeds, targets, simulated
 * durations, and anything else a reader needs to rerun it. Never wall-clock data.
 */
export interface ExperimentSettings {
  /** The seeds the units use (empty when the experiment draws no random numbers). */
  readonly seeds: readonly number[];
  readonly targets: readonly string[];
  /** Simulated milliseconds per run, or null when nothing is simulated over time. */
  readonly durationMs: number | null;
  readonly [other: string]: Json;
}

/** The results file's content: `results/<id>.json`. */
export interface ExperimentResult {
  readonly experiment: string;
  readonly rows: readonly Row[];
}

/**
 * A study. `U` is a work unit (plain data), `R` what one unit computes (plain data).
 * Methods rather than function properties so that the registry can hold experiments of different
 * unit types side by side.
 */
export interface Experiment<U, R> {
  /** Lower-case, hyphenated; names the results files (`results/<id>.json`). */
  readonly id: string;
  /** One line for `kbench list` and the report. */
  readonly title: string;
  /** What it measures and how, for the report's methods section. */
  readonly description: string;
  /** Row keys in CSV column order; every row has exactly these keys. */
  readonly columns: readonly string[];
  /** The run's inputs for the manifest. */
  settings(mode: RunMode): ExperimentSettings;
  /** The work units, in a fixed order (shards and workers address units by index). */
  units(mode: RunMode): readonly U[];
  /** Computes one unit: pure and deterministic (seeded PRNG, no clock, no I/O). */
  runUnit(unit: U): R;
  /** Assembles the rows from every unit's result, given in `units(mode)` order. */
  reduce(results: readonly R[], units: readonly U[], mode: RunMode): readonly Row[];
}

/** An experiment of any unit type, as the registry holds it. */
export type AnyExperiment = Experiment<unknown, unknown>;

/** Declares an experiment with its unit and result types inferred (an identity function). */
export function defineExperiment<U, R>(experiment: Experiment<U, R>): Experiment<U, R> {
  return experiment;
}

/** Rounds microseconds to nanoseconds, so that rows hold 12.375 rather than 12.375000000000002. */
export function roundUs(us: number): number {
  return Math.round(us * 1000) / 1000;
}
