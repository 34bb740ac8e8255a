import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AnyExperiment } from '../contract.ts';
import { EXPERIMENTS } from '../registry.ts';
import { assemble } from './assemble.ts';
import { unitsOf } from './compute.ts';
import { sourceFingerprint } from './fingerprint.ts';
import { gitState, recordInManifest } from './manifest.ts';
import { writeResults } from './results-files.ts';
import { decodeShardFile, isShardFileName, ShardError, shardFileName, type ShardFile } from './shard-file.ts';
import { shardIndices } from './shard.ts';

/** What a merge produced for one experiment. */
export interface MergeOutcome {
  readonly id: string;
  readonly shards: number;
  readonly units: number;
  readonly rows: number;
}

interface LoadedShard {
  readonly file: ShardFile;
  readonly path: string;
}

/** One experiment's shards, checked to cover its units exactly once. */
interface CheckedShards {
  readonly experiment: AnyExperiment;
  readonly shards: readonly LoadedShard[];
  readonly results: ReadonlyMap<number, string>;
}

function shardFilesIn(path: string): string[] {
  if (!existsSync(path)) throw new ShardError(`${path}: no such file or directory`);
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().filter(isShardFileName).map((n) => join(path, n));
}

function readShard(path: string): LoadedShard {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ShardError(`${path}: cannot read: ${(e as Error).message}`);
  }
  return { file: decodeShardFile(text, path), path };
}

/**
 * Merges shard files (from the given files or directories) into results: per experiment, checks
 * that every file is whole and unaltered (content hash), came from this code and one mode, and
 * that the shards 0..n-1 are each there once holding their own units, then reduces and writes
 * `results/<id>.json`, `.csv` and the manifest entry: the same bytes a single run writes. Every
 * experiment is checked before anything is written; a fault is a ShardError naming the file.
 */
export function mergeShards(paths: readonly string[], resultsDir: string): MergeOutcome[] {
  const files = [...new Set(paths.flatMap(shardFilesIn).map((p) => resolve(p)))];
  const byExperiment = new Map<string, LoadedShard[]>();
  for (const shard of files.map(readShard)) {
    const list = byExperiment.get(shard.file.experiment) ?? [];
    list.push(shard);
    byExperiment.set(shard.file.experiment, list);
  }
  if (byExperiment.size === 0) throw new ShardError(`no shard files (*.shard-<i>-of-<n>.json) in ${paths.join(', ')}`);
  const checked = [...byExperiment.values()].map((shards) => checkShards(shards, paths));
  return checked.map((c) => writeMerged(c, resultsDir));
}

function checkShards(shards: readonly LoadedShard[], searched: readonly string[]): CheckedShards {
  const first = shards[0] as LoadedShard;
  const experiment = EXPERIMENTS.find((e) => e.id === first.file.experiment);
  if (experiment === undefined) throw new ShardError(`${first.path}: unknown experiment "${first.file.experiment}"`);
  const fingerprint = sourceFingerprint();
  const { mode, shard: { count } } = first.file;
  const unitCount = unitsOf(experiment, mode).length;
  const pathOfIndex = new Map<number, string>();
  const results = new Map<number, string>();
  for (const { file, path } of shards) {
    if (file.sourceFingerprint !== fingerprint) throw new ShardError(`${path}: computed by different code (fingerprint ${file.sourceFingerprint}, this checkout ${fingerprint})`);
    if (file.mode !== mode) throw new ShardError(`${path}: mode ${file.mode} differs from ${mode} in ${first.path}`);
    if (file.shard.count !== count) throw new ShardError(`${path}: shard ${file.shard.index} of ${file.shard.count}, but ${first.path} is one of ${count} shards`);
    const twin = pathOfIndex.get(file.shard.index);
    if (twin !== undefined) throw new ShardError(`${path}: shard ${file.shard.index} of ${count} of ${experiment.id} is given twice (also ${twin})`);
    pathOfIndex.set(file.shard.index, path);
    if (file.unitCount !== unitCount) throw new ShardError(`${path}: holds a slice of ${file.unitCount} units, but ${experiment.id} has ${unitCount} in ${mode} mode`);
    checkUnits(file, path, unitCount);
    for (const { unit, result } of file.results) results.set(unit, JSON.stringify(result));
  }
  const missing = [...Array(count).keys()].filter((i) => !pathOfIndex.has(i));
  if (missing.length > 0) {
    const names = missing.map((index) => shardFileName(experiment.id, { index, count }));
    throw new ShardError(`experiment ${experiment.id}: ${missing.length} of ${count} shards missing: no ${names.join(', ')} in ${searched.join(', ')}; run those shards and merge again`);
  }
  return { experiment, shards, results };
}

/** A shard must hold exactly its own units (`shardIndices`), each once. */
function checkUnits(file: ShardFile, path: string, unitCount: number): void {
  const own = shardIndices(unitCount, file.shard);
  const ownSet = new Set(own);
  const held = new Set<number>();
  const where = `${path}: shard ${file.shard.index} of ${file.shard.count}`;
  for (const { unit } of file.results) {
    if (!ownSet.has(unit)) throw new ShardError(`${where} holds unit ${unit}, which is not one of its units`);
    if (held.has(unit)) throw new ShardError(`${where} holds unit ${unit} twice`);
    held.add(unit);
  }
  const lacking = own.find((u) => !held.has(u));
  if (lacking !== undefined) throw new ShardError(`${where} lacks unit ${lacking} (${own.length - held.size} of its ${own.length} units missing)`);
}

function writeMerged({ experiment, shards, results }: CheckedShards, resultsDir: string): MergeOutcome {
  const mode = (shards[0] as LoadedShard).file.mode;
  const result = assemble(experiment, mode, results);
  const resultSha256 = writeResults(resultsDir, experiment, result);
  recordInManifest(resultsDir, experiment.id, {
    title: experiment.title,
    mode,
    settings: experiment.settings(mode),
    units: results.size,
    rows: result.rows.length,
    wallMs: shards.reduce((s, { file }) => s + file.wallMs, 0),
    workers: shards.length,
    shards: shards.length,
    ...gitState(),
    node: process.version,
    sourceFingerprint: sourceFingerprint(),
    resultSha256,
    finishedAt: new Date().toISOString(),
  });
  return { id: experiment.id, shards: shards.length, units: results.size, rows: result.rows.length };
}
