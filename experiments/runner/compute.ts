import type { AnyExperiment, RunMode } from '../contract.ts';
import { getExperiment } from '../registry.ts';

/** A batch of units to compute: what travels to a worker thread. */
export interface UnitBatch {
  readonly experimentId: string;
  readonly mode: RunMode;
  readonly indices: readonly number[];
}

const unitLists = new Map<string, readonly unknown[]>();

/** The experiment's units for a mode, built once per thread (workers address them by index). */
export function unitsOf(experiment: AnyExperiment, mode: RunMode): readonly unknown[] {
  const key = `${experiment.id}\0${mode}`;
  let units = unitLists.get(key);
  if (units === undefined) {
    units = experiment.units(mode);
    unitLists.set(key, units);
  }
  return units;
}

/**
 * Computes a batch of units and returns each result as JSON text. Every path (in process, worker
 * thread, shard) goes through here, so results are the same bytes whichever path ran them.
 */
export function computeBatch(batch: UnitBatch): string[] {
  const experiment = getExperiment(batch.experimentId);
  const units = unitsOf(experiment, batch.mode);
  return batch.indices.map((i) => {
    const unit = units[i];
    if (unit === undefined) throw new RangeError(`experiment ${experiment.id}: unit ${i} does not exist (${units.length} units in ${batch.mode} mode)`);
    try {
      return JSON.stringify(experiment.runUnit(unit));
    } catch (e) {
      // Name the unit, so a failure deep in a worker thread or a shard can be rerun alone.
      throw new Error(`experiment ${experiment.id}, unit ${i} ${JSON.stringify(unit)}: ${(e as Error).message}`, { cause: e });
    }
  });
}
