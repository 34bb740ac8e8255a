import { chromeTrace, type ChromeTrace } from '../analysis/reducers/chrome-trace.ts';
import { traceMetricReducers, traceMetrics, type TraceMetrics, type TraceResults } from '../analysis/trace-metrics.ts';
import { modelFromSystem, UnanalysableSystemError } from '../analysis/from-system.ts';
import { loadWith } from '../analysis/model.ts';
import { runReport, runReportReducers, type RunReport, type RunReportResults } from '../analysis/run-report.ts';
import type { Target } from '../hardware/target.ts';
import { msToCycles } from '../hardware/units.ts';
import { systemModel } from '../kernels/system-model.ts';
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

/** `kbench run`'s output: the trace metrics and the run report with the run's inputs and the footprint. */
export interface RunMetrics extends TraceMetrics, RunReport {
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

/** The task set's utilisation with the kernel's overheads folded in, as the analysis sees the system; null when the system cannot be analysed. */
function overheadUtilisation(run: ProfileRun): number | null {
  try {
    const model = modelFromSystem(run.workload, run.target, systemModel(run.profile, run.target, run.workload)).model;
    return loadWith(model, model.tasks);
  } catch (e) {
    if (e instanceof UnanalysableSystemError) return null;
    throw e;
  }
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
  const reducers = { ...traceMetricReducers(), ...runReportReducers(msToCycles(run.target, run.durationMs)) };
  let results: TraceResults & RunReportResults;
  let trace: ChromeTrace | undefined;
  // The trace reducer joins only when asked for: without it the run does no per-event trace work.
  if (traceEventLimit === undefined) results = measureRun({ ...run, exec, reducers });
  else {
    const traced = measureRun({ ...run, exec, reducers: { ...reducers, chromeTrace: chromeTrace(run.target, traceEventLimit) } });
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
    ...runReport(run.target, results, overheadUtilisation(run)),
    codeBytes: size.codeBytes,
    ramBytes: size.ramBytes,
    releaseQuantisation: results.releases,
  };
  return { metrics, trace };
}
