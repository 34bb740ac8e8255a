import { chromeTrace, type ChromeTrace } from '../analysis/reducers/chrome-trace.ts';
import { traceMetricReducers, traceMetrics, type TraceMetrics, type TraceResults } from '../analysis/trace-metrics.ts';
import type { Target } from '../hardware/target.ts';
import type { ExecMode } from '../kernels/execution-time.ts';
import { footprint } from '../kernels/registry.ts';
import type { OsProfile } from '../kernels/profiles/types.ts';
import type { ReleaseMode, ReleaseQuantisation } from '../kernels/types.ts';
import type { Workload } from '../workloads/types.ts';
import { measureRun } from './measure-run.ts';

/** What `kbench run` runs: a workload on a profile (or a design's default profile) on a target. */
export interface ProfileRun {
  readonly profile: OsProfile;
  readonly target: Target;
  readonly workload: Workload;
  readonly durationMs: number;
  readonly seed: number;
  /** How long compute steps run; `worst` by default. */
  readonly exec?: ExecMode;
  /** How periodic jobs are released; by default `exact` on a zero-cost target (the ideal one), else `tick`. */
  readonly releases?: ReleaseMode;
}

/** `kbench run`'s output: the trace metrics with the run's inputs and the footprint. */
export interface RunMetrics extends TraceMetrics {
  readonly profile: string;
  readonly workload: string;
  readonly exec: ExecMode;
  readonly target: string;
  readonly seed: number;
  readonly durationMs: number;
  readonly codeBytes: number;
  readonly ramBytes: number;
  /** How the kernel quantised periodic releases (responses count from the true arrival either way); null when it does not say. */
  readonly releaseQuantisation: ReleaseQuantisation | null;
}

/** Runs a workload on a kernel and measures it: metrics from the probe, code and RAM from the blocks. */
export function runProfile(run: ProfileRun): RunMetrics {
  return runProfileTraced(run, undefined).metrics;
}

/**
 * As `runProfile`, and with `traceEventLimit` also the run as a Chrome trace (at most that many span
 * and instant events), built in the same run rather than by running again.
 */
export function runProfileTraced(run: ProfileRun, traceEventLimit: number | undefined): { readonly metrics: RunMetrics; readonly trace: ChromeTrace | undefined } {
  const exec = run.exec ?? 'worst';
  const size = footprint(run.profile, run.target, run.workload);
  let results: TraceResults;
  let trace: ChromeTrace | undefined;
  if (traceEventLimit === undefined) results = measureRun({ ...run, exec, reducers: traceMetricReducers() });
  else {
    const traced = measureRun({ ...run, exec, reducers: { ...traceMetricReducers(), chromeTrace: chromeTrace(run.target, traceEventLimit) } });
    results = traced;
    trace = traced.chromeTrace;
  }
  const metrics: RunMetrics = {
    profile: run.profile.id,
    workload: run.workload.name,
    exec,
    target: run.target.id,
    seed: run.seed,
    durationMs: run.durationMs,
    ...traceMetrics(run.target, results),
    codeBytes: size.codeBytes,
    ramBytes: size.ramBytes,
    releaseQuantisation: results.releases,
  };
  return { metrics, trace };
}
