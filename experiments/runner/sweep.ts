import { join } from 'node:path';
import type { AnyExperiment, RunMode } from '../contract.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { unitsOf } from './compute.ts';
import { computeUnits } from './compute-units.ts';
import { sourceFingerprint } from './fingerprint.ts';
import { encodeShardFile, shardFileName, type ShardContent } from './shard-file.ts';
import { shardIndices, type Shard } from './shard.ts';
import type { UnitRunner } from './unit-runner.ts';

/**
 * Runs shard `shard` of an experiment and writes its unit results, with their content hash, to
 * `outDir` (for a Slurm array or a Kubernetes indexed job: one shard per array index). Returns the
 * file written. The file is written whole once every unit is done; aborting `signal` (Ctrl-C)
 * stops first with InterruptedError and writes nothing, so rerunning the shard starts it again.
 */
export async function sweepShard(experiment: AnyExperiment, mode: RunMode, shard: Shard, outDir: string, runner: UnitRunner, signal?: AbortSignal): Promise<string> {
  const started = performance.now();
  const unitCount = unitsOf(experiment, mode).length;
  const computed = await computeUnits(experiment, mode, shardIndices(unitCount, shard), runner, { signal });
  const results = [...computed.keys()].sort((a, b) => a - b).map((unit) => ({ unit, result: JSON.parse(computed.get(unit) as string) as unknown }));
  const content: ShardContent = {
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
  writeFileAtomic(path, encodeShardFile(content));
  return path;
}
