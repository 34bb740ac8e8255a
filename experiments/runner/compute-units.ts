import type { AnyExperiment, RunMode } from '../contract.ts';
import { throwIfInterrupted, untilInterrupted } from './interrupt.ts';
import type { UnitRunner } from './unit-runner.ts';

/**
 * Batches are sized by guided self-scheduling: each takes 1/`SHARES_PER_WORKER` of a worker's share
 * of the units still unbatched, so batches shrink as an experiment nears its end. The first is as
 * large as the equal batches this replaced (8 per worker), the last ones single units, so no worker
 * is left finishing a long batch while the other waits: the idle tail is at most about one unit.
 */
const SHARES_PER_WORKER = 8;

/** Units per batch at most, so that progress and checkpoints keep up on long experiments. */
const MAX_BATCH = 32;

/** Splits unit indices into batches that shrink towards the end, keeping index order. */
export function batchesOf(indices: readonly number[], parallelism: number): number[][] {
  const batches: number[][] = [];
  for (let i = 0; i < indices.length; ) {
    const remaining = indices.length - i;
    const size = Math.min(MAX_BATCH, Math.max(1, Math.ceil(remaining / (parallelism * SHARES_PER_WORKER))));
    batches.push(indices.slice(i, i + size));
    i += size;
  }
  return batches;
}

/** What `computeUnits` reports to and hears from its caller. */
export interface ComputeHooks {
  /** Hears each finished batch (for progress and checkpoints). */
  readonly onBatch?: (finished: ReadonlyMap<number, string>) => void;
  /** Aborting it stops the computation between batches (Ctrl-C); the promise rejects with InterruptedError. */
  readonly signal?: AbortSignal;
}

/**
 * Computes the given units on the runner and returns unit index to JSON text. Batches go out in
 * index order, at most `runner.parallelism` at a time, so that an abort or a failure stops the
 * rest from starting (rather than finding them all queued already).
 */
export async function computeUnits(
  experiment: AnyExperiment,
  mode: RunMode,
  indices: readonly number[],
  runner: UnitRunner,
  hooks: ComputeHooks = {},
): Promise<Map<number, string>> {
  const all = new Map<number, string>();
  const batches = batchesOf(indices, runner.parallelism);
  let next = 0;
  let stopped = false;
  const lane = async (): Promise<void> => {
    for (let batch = batches[next++]; batch !== undefined && !stopped; batch = batches[next++]) {
      throwIfInterrupted(hooks.signal);
      let jsons: string[];
      try {
        jsons = await runner.run({ experimentId: experiment.id, mode, indices: batch });
      } catch (e) {
        stopped = true;
        throw e;
      }
      const finished = new Map(batch.map((index, k) => [index, jsons[k] as string]));
      for (const [index, json] of finished) all.set(index, json);
      hooks.onBatch?.(finished);
    }
  };
  const lanes = Array.from({ length: Math.min(runner.parallelism, batches.length) }, lane);
  await untilInterrupted(Promise.all(lanes), hooks.signal);
  return all;
}
