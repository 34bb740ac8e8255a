import type { AnyExperiment, RunMode } from '../contract.ts';
import type { UnitRunner } from './unit-runner.ts';

/** Batches per worker: small enough to balance uneven units, large enough to amortise messaging. */
const BATCHES_PER_WORKER = 8;

/** Units per batch at most, so that progress and checkpoints keep up on long experiments. */
const MAX_BATCH = 32;

/** Splits unit indices into batches sized for the runner's parallelism, keeping index order. */
export function batchesOf(indices: readonly number[], parallelism: number): number[][] {
  const size = Math.min(MAX_BATCH, Math.max(1, Math.ceil(indices.length / (parallelism * BATCHES_PER_WORKER))));
  const batches: number[][] = [];
  for (let i = 0; i < indices.length; i += size) batches.push(indices.slice(i, i + size));
  return batches;
}

/**
 * Computes the given units on the runner; `onBatch` hears each finished batch (for progress and
 * checkpoints). Returns unit index to JSON text.
 */
export async function computeUnits(
  experiment: AnyExperiment,
  mode: RunMode,
  indices: readonly number[],
  runner: UnitRunner,
  onBatch?: (finished: ReadonlyMap<number, string>) => void,
): Promise<Map<number, string>> {
  const all = new Map<number, string>();
  await Promise.all(
    batchesOf(indices, runner.parallelism).map(async (batch) => {
      const jsons = await runner.run({ experimentId: experiment.id, mode, indices: batch });
      const finished = new Map(batch.map((index, k) => [index, jsons[k] as string]));
      for (const [index, json] of finished) all.set(index, json);
      onBatch?.(finished);
    }),
  );
  return all;
}
