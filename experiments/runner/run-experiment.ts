import type { ExperimentResult, RunMode } from '../contract.ts';
import { getExperiment } from '../registry.ts';
import { assemble } from './assemble.ts';
import { unitsOf } from './compute.ts';
import { computeUnits } from './compute-units.ts';
import { inProcessRunner } from './unit-runner.ts';

/**
 * Runs one registered experiment in this thread and returns its rows, writing nothing: the library
 * form of one step of `kbench reproduce`, through the same unit computation and reduction, so the
 * rows are those its results file would hold.
 */
export async function runExperiment(id: string, mode: RunMode = 'quick'): Promise<ExperimentResult> {
  const experiment = getExperiment(id);
  const indices = [...unitsOf(experiment, mode).keys()];
  return assemble(experiment, mode, await computeUnits(experiment, mode, indices, inProcessRunner()));
}
