import { computeBatch, type UnitBatch } from './compute.ts';

/** The worker thread's task: compute one batch of units (loaded through `worker-entry.mjs`). */
export default function runBatch(batch: UnitBatch): string[] {
  return computeBatch(batch);
}
