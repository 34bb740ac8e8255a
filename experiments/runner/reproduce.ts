import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { AnyExperiment, RunMode } from '../contract.ts';
import { assemble } from './assemble.ts';
import { Checkpoint, sha256OfFile } from './checkpoint.ts';
import { unitsOf } from './compute.ts';
import { computeUnits } from './compute-units.ts';
import { sourceFingerprint } from './fingerprint.ts';
import { throwIfInterrupted } from './interrupt.ts';
import { gitState, readManifest, recordInManifest } from './manifest.ts';
import { resultsFilePaths, writeResults } from './results-files.ts';
import type { UnitRunner } from './unit-runner.ts';

/** Where and how a reproduction runs. */
export interface ReproduceOptions {
  readonly mode: RunMode;
  readonly resultsDir: string;
  /** Scratch space for resuming an interrupted run (default: under `.kbench-tmp/reproduce/`, one per results directory). */
  readonly stateDir?: string;
  readonly runner: UnitRunner;
  /** Worker threads behind the runner, for the manifest. */
  readonly workers: number;
  /** Aborting it (Ctrl-C) stops the run between batches with InterruptedError; the checkpoint keeps what finished. */
  readonly signal?: AbortSignal;
}

/** What happened to one experiment. */
export interface ExperimentOutcome {
  readonly id: string;
  /**
   * 'skipped' when an interrupted earlier run of the same code had already finished it and its
   * results files and manifest entry are still as that run wrote them.
   */
  readonly status: 'computed' | 'skipped';
  readonly units: number;
  /** Units taken from the checkpoint rather than computed. */
  readonly resumedUnits: number;
  readonly rows: number;
  readonly wallMs: number;
}

/**
 * One `reproduce`: runs experiments (concurrently, on one shared runner), writes each one's results
 * and manifest entry as soon as it is done, checkpoints units as they finish, and clears the
 * checkpoint when `complete()` is called after every experiment succeeded.
 */
export class Reproduction {
  private readonly checkpoint: Checkpoint;
  private readonly git = gitState();

  constructor(private readonly options: ReproduceOptions) {
    // Resume only with the same code, mode and Node (its Math functions feed the seeded draws).
    const key = createHash('sha256').update(`${sourceFingerprint()}\0${options.mode}\0${process.version}`).digest('hex').slice(0, 16);
    const perResultsDir = createHash('sha256').update(resolve(options.resultsDir)).digest('hex').slice(0, 12);
    this.checkpoint = new Checkpoint(options.stateDir ?? join('.kbench-tmp', 'reproduce', perResultsDir), key);
  }

  /** Runs one experiment; `onProgress(done, total)` hears unit progress. */
  async run(experiment: AnyExperiment, onProgress?: (done: number, total: number) => void): Promise<ExperimentOutcome> {
    const { mode, resultsDir, runner, signal } = this.options;
    throwIfInterrupted(signal);
    const total = unitsOf(experiment, mode).length;
    if (this.resultsKept(experiment.id)) {
      onProgress?.(total, total);
      return { id: experiment.id, status: 'skipped', units: total, resumedUnits: total, rows: 0, wallMs: 0 };
    }
    const started = performance.now();
    const results = this.checkpoint.load(experiment.id);
    const resumedUnits = results.size;
    const missing = [...Array(total).keys()].filter((i) => !results.has(i));
    onProgress?.(results.size, total);
    const onBatch = (finished: ReadonlyMap<number, string>): void => {
      this.checkpoint.save(experiment.id, finished);
      for (const [i, json] of finished) results.set(i, json);
      onProgress?.(results.size, total);
    };
    await computeUnits(experiment, mode, missing, runner, { onBatch, signal });
    const result = assemble(experiment, mode, results);
    const wallMs = Math.round(performance.now() - started);
    const resultSha256 = writeResults(resultsDir, experiment, result);
    recordInManifest(resultsDir, experiment.id, {
      title: experiment.title,
      mode,
      settings: experiment.settings(mode),
      units: total,
      rows: result.rows.length,
      wallMs,
      workers: this.options.workers,
      shards: 1,
      ...this.git,
      node: process.version,
      sourceFingerprint: sourceFingerprint(),
      resultSha256,
      finishedAt: new Date().toISOString(),
    });
    const paths = resultsFilePaths(resultsDir, experiment.id);
    this.checkpoint.markDone(experiment.id, [paths.json, paths.csv]);
    return { id: experiment.id, status: 'computed', units: total, resumedUnits, rows: result.rows.length, wallMs };
  }

  /**
   * True when the checkpoint marks the experiment finished, its results files are as the marker
   * claims, and the manifest still describes those bytes (the marker alone could outlive them).
   */
  private resultsKept(id: string): boolean {
    if (!this.checkpoint.isDone(id)) return false;
    const json = resultsFilePaths(this.options.resultsDir, id).json;
    return readManifest(this.options.resultsDir).experiments[id]?.resultSha256 === sha256OfFile(json);
  }

  /** Call once every experiment has succeeded: the next run starts afresh. */
  complete(): void {
    this.checkpoint.clear();
  }
}

/** Runs the experiments one after another without progress display (the library form of `kbench reproduce`). */
export async function reproduce(experiments: readonly AnyExperiment[], options: ReproduceOptions): Promise<ExperimentOutcome[]> {
  const reproduction = new Reproduction(options);
  const outcomes = await Promise.all(experiments.map((e) => reproduction.run(e)));
  reproduction.complete();
  return outcomes;
}
