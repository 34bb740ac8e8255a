import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RUN_MODES, type AnyExperiment, type RunMode } from '../contract.ts';
import { getExperiment } from '../registry.ts';
import { assemble } from './assemble.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { unitsOf } from './compute.ts';
import { computeUnits } from './compute-units.ts';
import { sourceFingerprint } from './fingerprint.ts';
import { gitState, recordInManifest } from './manifest.ts';
import { writeResults } from './results-files.ts';
import { shardIndices, type Shard } from './shard.ts';
import type { UnitRunner } from './unit-runner.ts';

/** A shard's output file: the unit results of one slice of one experiment. */
export interface ShardFile {
  readonly kind: 'kbench-shard';
  readonly experiment: string;
  readonly mode: RunMode;
  readonly sourceFingerprint: string;
  readonly shard: Shard;
  readonly unitCount: number;
  readonly wallMs: number;
  /** Each unit's result, by unit index. */
  readonly results: readonly { readonly unit: number; readonly result: unknown }[];
}

/** The file name of a shard's output (`<id>.shard-<i>-of-<n>.json`). */
export function shardFileName(id: string, shard: Shard): string {
  return `${id}.shard-${shard.index}-of-${shard.count}.json`;
}

/**
 * Runs shard `shard` of an experiment and writes its unit results to `outDir` (for a Slurm array
 * or a Kubernetes indexed job: one shard per array index). Returns the file written.
 */
export async function sweepShard(experiment: AnyExperiment, mode: RunMode, shard: Shard, outDir: string, runner: UnitRunner): Promise<string> {
  const started = performance.now();
  const unitCount = unitsOf(experiment, mode).length;
  const computed = await computeUnits(experiment, mode, shardIndices(unitCount, shard), runner);
  const results = [...computed.keys()].sort((a, b) => a - b).map((unit) => ({ unit, result: JSON.parse(computed.get(unit) as string) as unknown }));
  const file: ShardFile = {
    kind: 'kbench-shard',
    experiment: experiment.id,
    mode,
    sourceFingerprint: sourceFingerprint(),
    shard,
    unitCount,
    wallMs: Math.round(performance.now() - started),
    results,
  };
  const path = join(outDir, shardFileName(experiment.id, shard));
  writeFileAtomic(path, `${JSON.stringify(file)}\n`);
  return path;
}

function shardFilesIn(path: string): string[] {
  if (!existsSync(path)) throw new RangeError(`${path}: no such file or directory`);
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().filter((n) => /\.shard-\d+-of-\d+\.json$/.test(n)).map((n) => join(path, n));
}

function readShard(path: string): ShardFile {
  const file = JSON.parse(readFileSync(path, 'utf8')) as Partial<ShardFile>;
  if (file.kind !== 'kbench-shard' || typeof file.experiment !== 'string' || !Array.isArray(file.results) || !RUN_MODES.includes(file.mode as RunMode)) {
    throw new RangeError(`${path}: not a kbench shard file`);
  }
  return file as ShardFile;
}

/** What a merge produced for one experiment. */
export interface MergeOutcome {
  readonly id: string;
  readonly shards: number;
  readonly units: number;
  readonly rows: number;
}

/**
 * Merges shard files (from the given files or directories) into results: per experiment, checks
 * that every shard came from this code and the same mode and that the units are covered exactly
 * once, then reduces and writes `results/<id>.json`, `.csv` and the manifest entry: the same bytes
 * a single run writes.
 */
export function mergeShards(paths: readonly string[], resultsDir: string): MergeOutcome[] {
  const byExperiment = new Map<string, { file: ShardFile; path: string }[]>();
  for (const path of paths.flatMap(shardFilesIn)) {
    const file = readShard(path);
    const list = byExperiment.get(file.experiment) ?? [];
    list.push({ file, path });
    byExperiment.set(file.experiment, list);
  }
  if (byExperiment.size === 0) throw new RangeError(`no shard files (*.shard-<i>-of-<n>.json) in ${paths.join(', ')}`);
  const outcomes: MergeOutcome[] = [];
  for (const [id, shards] of byExperiment) outcomes.push(mergeExperiment(getExperiment(id), shards, resultsDir));
  return outcomes;
}

function mergeExperiment(experiment: AnyExperiment, shards: readonly { file: ShardFile; path: string }[], resultsDir: string): MergeOutcome {
  const first = shards[0]?.file as ShardFile;
  const fingerprint = sourceFingerprint();
  const results = new Map<number, string>();
  for (const { file, path } of shards) {
    if (file.sourceFingerprint !== fingerprint) throw new RangeError(`${path}: computed by different code (fingerprint ${file.sourceFingerprint}, this checkout ${fingerprint})`);
    if (file.mode !== first.mode) throw new RangeError(`${path}: mode ${file.mode} differs from ${first.mode} in the other shards`);
    for (const { unit, result } of file.results) {
      const json = JSON.stringify(result);
      if (results.has(unit) && results.get(unit) !== json) throw new RangeError(`${path}: unit ${unit} differs from another shard's result for it`);
      results.set(unit, json);
    }
  }
  const unitCount = unitsOf(experiment, first.mode).length;
  const missing = [...Array(unitCount).keys()].filter((i) => !results.has(i));
  if (missing.length > 0) throw new RangeError(`experiment ${experiment.id}: ${missing.length} of ${unitCount} units have no shard (first: unit ${missing[0]}); run the missing shards`);
  const result = assemble(experiment, first.mode, results);
  const resultSha256 = writeResults(resultsDir, experiment, result);
  recordInManifest(resultsDir, experiment.id, {
    title: experiment.title,
    mode: first.mode,
    settings: experiment.settings(first.mode),
    units: unitCount,
    rows: result.rows.length,
    wallMs: shards.reduce((s, { file }) => s + file.wallMs, 0),
    workers: shards.length,
    shards: shards.length,
    ...gitState(),
    node: process.version,
    sourceFingerprint: fingerprint,
    resultSha256,
    finishedAt: new Date().toISOString(),
  });
  return { id: experiment.id, shards: shards.length, units: unitCount, rows: result.rows.length };
}
