import { EXPERIMENTS } from '../experiments/registry.ts';
import { computeBatch, unitsOf } from '../experiments/runner/compute.ts';
import { batchesOf } from '../experiments/runner/compute-units.ts';
import type { RunMode } from '../experiments/contract.ts';
import { simulatePool, type CostedExperiment } from './pool-schedule.ts';
import { argument } from './cli-argument.ts';

/*
 * Where `kbench reproduce`'s time goes, measured so that load on the machine does not blur it:
 * every unit of every experiment is computed once in this thread and its CPU time recorded; then
 * the worker pool is replayed from those costs (bench/pool-schedule.ts) for 1 and 2 workers, with
 * the runner's batching and, for comparison, the fixed-size batches it used before (8 per worker,
 * at most 32 units). Run with `npm run bench:reproduce` (`-- --quick` for the quick mode, `-- --only
 * fig3,fig4` for some experiments). The report's rendering and the main thread's writing come on
 * top of the units and are not counted here.
 */

const mode: RunMode = process.argv.includes('--quick') ? 'quick' : 'full';
const onlyIds = argument('--only');
const only = onlyIds === undefined ? undefined : new Set(onlyIds.split(','));
const experiments = EXPERIMENTS.filter((e) => only === undefined || only.has(e.id));

/** The runner's batching before guided self-scheduling: equal batches, 8 per worker, at most 32 units. */
function fixedBatchesOf(indices: readonly number[], parallelism: number): number[][] {
  const size = Math.min(32, Math.max(1, Math.ceil(indices.length / (parallelism * 8))));
  const batches: number[][] = [];
  for (let i = 0; i < indices.length; i += size) batches.push(indices.slice(i, i + size));
  return batches;
}

/** CPU milliseconds of `f` in this process. */
function cpuMs(f: () => void): number {
  const started = process.cpuUsage();
  f();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

const costed: CostedExperiment[] = experiments.map((experiment) => {
  const units = unitsOf(experiment, mode);
  const unitMs = units.map((_, i) => cpuMs(() => computeBatch({ experimentId: experiment.id, mode, indices: [i] })));
  return { id: experiment.id, unitMs };
});

const round = (x: number, digits = 0): number => Math.round(x * 10 ** digits) / 10 ** digits;
const totalMs = costed.reduce((sum, e) => sum + e.unitMs.reduce((a, b) => a + b, 0), 0);
console.log(`reproduce (${mode}): CPU per experiment, one unit at a time in one thread`);
console.table(
  costed.map((e) => {
    const cpu = e.unitMs.reduce((a, b) => a + b, 0);
    return { experiment: e.id, units: e.unitMs.length, 'CPU s': round(cpu / 1000, 2), share: `${round((100 * cpu) / totalMs, 1)}%`, 'mean unit ms': round(cpu / e.unitMs.length, 1), 'max unit ms': round(Math.max(...e.unitMs), 1) };
  }),
);

const rows = [
  { batching: 'guided (runner)', batchesOf },
  { batching: 'fixed (before)', batchesOf: fixedBatchesOf },
].map(({ batching, batchesOf: batch }) => {
  const one = simulatePool(costed, 1, batch);
  const two = simulatePool(costed, 2, batch);
  return {
    batching,
    '1 worker s': round(one.makespanMs / 1000, 2),
    '2 workers s': round(two.makespanMs / 1000, 2),
    speedup: round(one.makespanMs / two.makespanMs, 3),
    'idle at end ms': round(two.idleAtEndMs, 1),
    'last to finish': [...two.finishMs].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '-',
  };
});
console.log(`the worker pool replayed from those costs (units only; ${round(totalMs / 1000, 2)} CPU s in all)`);
console.table(rows);
