import type { AnyExperiment, ExperimentResult, RunMode } from '../contract.ts';
import { unitsOf } from './compute.ts';
import { normalizeRow } from './serialize.ts';

/**
 * Runs the experiment's reducer over every unit's result (JSON text by unit index) and returns the
 * results file's content; throws naming the first missing unit.
 */
export function assemble(experiment: AnyExperiment, mode: RunMode, unitResults: ReadonlyMap<number, string>): ExperimentResult {
  const units = unitsOf(experiment, mode);
  const results = units.map((_, i) => {
    const json = unitResults.get(i);
    if (json === undefined) throw new Error(`experiment ${experiment.id}: unit ${i} of ${units.length} has no result`);
    return JSON.parse(json) as unknown;
  });
  const rows = experiment.reduce(results, units, mode).map((row, i) => normalizeRow(experiment, row, i));
  return { experiment: experiment.id, rows };
}
