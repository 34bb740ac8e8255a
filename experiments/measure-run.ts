import type { Reducer, ReducerResults, ReducerSet } from '../analysis/reducers/index.ts';
import type { Target } from '../hardware/target.ts';
import { msToCycles, type Cycles } from '../hardware/units.ts';
import type { ExecMode } from '../kernels/execution-time.ts';
import type { OsProfile } from '../kernels/profiles/types.ts';
import { bootSystem, createEngine, resolveProfile } from '../kernels/registry.ts';
import { releaseQuantisation } from '../kernels/system-model.ts';
import type { ReleaseMode } from '../kernels/types.ts';
import type { Workload } from '../workloads/types.ts';

/*
 * One measured run: a workload booted on a profile's kernel on a fresh engine, run to a horizon,
 * and measured by the reducers asked for. Every study that runs a kernel (fig1-fig4, bounds,
 * safety, indicators), `kbench run` and the benches go through here, so they all create the engine
 * as the profile expects, place releases as the system model says, and see the run from time 0.
 */

/** How long the run lasts: simulated milliseconds, or cycles of the target. */
export type Horizon = { readonly durationMs: number; readonly horizonCycles?: undefined } | { readonly horizonCycles: Cycles; readonly durationMs?: undefined };

/** What to run and what to measure. */
export type MeasuredRun<S extends ReducerSet> = Horizon & {
  readonly profile: OsProfile | string;
  readonly target: Target;
  readonly workload: Workload;
  /** Seed of the engine's sporadic and random sources, execution times and release jitter. */
  readonly seed: number;
  /** How long compute steps run; `worst` by default. */
  readonly exec?: ExecMode;
  /** How periodic jobs are released; the system model's default (kernels/system-model.ts `releaseQuantisation`) when absent. */
  readonly releases?: ReleaseMode;
  /** The quantities wanted, each under the name its result takes. */
  readonly reducers: S;
};

/**
 * Boots, runs and measures one system; returns each reducer's result under its name. Throws
 * ProfileLimitError or WorkloadError (naming the field) where the kernel or the target refuses the
 * workload. Pure and deterministic for a given request.
 */
export function measureRun<S extends ReducerSet>(run: MeasuredRun<S>): ReducerResults<S> {
  const profile = resolveProfile({ profile: run.profile });
  const engine = createEngine(profile, run.target, run.seed);
  const reducers = Object.entries(run.reducers).map(([name, make]): [string, Reducer<unknown>] => [name, make(run.workload)]);
  // Attached before boot, so that releases at time 0 are seen.
  for (const [, reducer] of reducers) if (reducer.listener !== undefined) engine.probe.attach(reducer.listener);
  const releases = releaseQuantisation(run.target, run.workload, run.releases).kind;
  const system = bootSystem({ engine, workload: run.workload, profile, releases, ...(run.exec === undefined ? {} : { exec: run.exec }) });
  for (const [, reducer] of reducers) reducer.booted?.(system);
  system.run(run.horizonCycles ?? msToCycles(run.target, run.durationMs));
  return Object.fromEntries(reducers.map(([name, reducer]) => [name, reducer.result(system)])) as ReducerResults<S>;
}
