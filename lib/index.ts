/*
 * kbench as a library: what `import ... from 'kbench'` offers. Load a workload, derive the system a
 * kernel runs and analyse it, run it on the emulated target, compare every kernel on it, or run a
 * registered experiment; the CLI is built on the same functions. Everything else in the sources is
 * internal and may change.
 */

// Workloads: load by built-in name or file, validate parsed JSON, the JSON Schema for editors.
export { builtinWorkloadNames, loadWorkload, readWorkloadFile } from '../workloads/load.ts';
export { parseWorkload, workloadJsonSchema, WorkloadError } from '../workloads/schema.ts';
export type { IoLineSpec, MutexProtocol, ResourceSpec, Step, TaskSpec, Trigger, Workload } from '../workloads/types.ts';

// Targets and kernels.
export { allTargets, getTarget } from '../hardware/targets/index.ts';
export type { Target } from '../hardware/target.ts';
export { allDesigns, allProfiles, footprint, getProfile, resolveProfile } from '../kernels/registry.ts';
export type { OsProfile } from '../kernels/registry.ts';
export { ProfileLimitError } from '../kernels/core/validate.ts';

// Analysis: the system a kernel runs, and response-time bounds with its overheads.
export { systemModel } from '../kernels/system-model.ts';
export type { SystemModel } from '../system/model.ts';
export { AnalysisOptionError, analyzeWorkload } from '../analysis/analyze.ts';
export type { AnalysisReport, AnalyzeOptions, Policy, TaskReport, Variant } from '../analysis/analyze.ts';
// Each task's bound broken into own execution, interference per task, blocking, jitter and kernel terms (TaskReport.explanation).
export type { ExplainedBound } from '../analysis/explain.ts';

// Runs on the emulated target: `kbench run`'s metrics, or any reducers over the probe's events.
export { runProfile, runProfileTraced } from '../experiments/run-profile.ts';
export type { ProfileRun, RunMetrics } from '../experiments/run-profile.ts';
export { measureRun } from '../experiments/measure-run.ts';
export type { Horizon, MeasuredRun } from '../experiments/measure-run.ts';
export { traceMetricReducers } from '../analysis/trace-metrics.ts';

// Which kernel for a workload: every profile on every target, ranked, with a recommendation (`kbench compare`).
export { compare, comparisonRows, COMPARISON_COLUMNS, DEFAULT_COMPARE_DURATION_MS } from '../compare/compare.ts';
export type { CompareOptions, Comparison } from '../compare/compare.ts';
export type { AnalysisVerdict, ComparedRow, ComparedTask, HostedRow, RejectedRow } from '../compare/evaluate.ts';
export type { RankedRow } from '../compare/rank.ts';
export { comparisonHtml } from '../compare/html.ts';

// Experiments: the registry `kbench reproduce` runs, and one experiment in process.
export { EXPERIMENT_IDS, EXPERIMENTS, getExperiment } from '../experiments/registry.ts';
export { runExperiment } from '../experiments/runner/run-experiment.ts';
export type { AnyExperiment, Experiment, ExperimentResult, Row, RunMode } from '../experiments/contract.ts';

export { kbenchVersion } from '../cli/version.ts';
