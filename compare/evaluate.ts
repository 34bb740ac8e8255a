import { analyzeWorkload } from '../analysis/analyze.ts';
import { UnanalysableSystemError } from '../analysis/from-system.ts';
import { responseTimes } from '../analysis/reducers/index.ts';
import { traceMetricReducers, traceMetrics } from '../analysis/trace-metrics.ts';
import { largestFactor, scaleExecution } from '../experiments/breakdown.ts';
import { roundUs } from '../experiments/contract.ts';
import { measureRun } from '../experiments/measure-run.ts';
import { MemoryBudgetError } from '../hardware/memory.ts';
import type { Target } from '../hardware/target.ts';
import { cyclesToUs } from '../hardware/units.ts';
import { ProfileLimitError } from '../kernels/core/validate.ts';
import { missingPort } from '../kernels/profiles/ports.ts';
import type { OsProfile } from '../kernels/profiles/types.ts';
import { footprint, getDesign } from '../kernels/registry.ts';
import { systemModel } from '../kernels/system-model.ts';
import { WorkloadError } from '../workloads/errors.ts';
import { deadlineUs } from '../workloads/execution.ts';
import type { Workload } from '../workloads/types.ts';
import { adaptWorkload, unchanged } from './adapt.ts';

/*
 * One row of `kbench compare`: one profile on one target. Whether it can host the workload is the
 * kernel's boot's answer (bootSystem: task and priority limits, services, target fit, RAM and flash
 * against the part's budget), asked by running it; the verdict is the analysis of the system that
 * profile's kernel runs (kernels/system-model.ts); the simulated figures are the same run's reducers.
 */

/** The breakdown bisection stops when the factor interval is this fraction of its lower end. */
export const BREAKDOWN_PRECISION = 1e-2;

/** What one row is computed from. */
export interface RowRequest {
  readonly workload: Workload;
  readonly profile: OsProfile;
  readonly target: Target;
  readonly durationMs: number;
  readonly seed: number;
  /** Fold priorities, swap mutex protocols and map services so that the profile can host the workload. */
  readonly adapt: boolean;
}

/** One task of a hosted row: the analysed bound against the simulated worst. */
export interface ComparedTask {
  readonly task: string;
  readonly deadlineUs: number;
  /** The analysed worst-case response time; null when unbounded or not analysable. */
  readonly wcrtUs: number | null;
  /** The longest response the simulation saw, from arrival to job end (jobs open at the end counted so far). */
  readonly simulatedWorstUs: number;
  readonly deadlineMisses: number;
}

/** The analysis verdict: schedulable or not by the profile's own model, or why it could not be analysed. */
export interface AnalysisVerdict {
  readonly schedulable: boolean;
  /** Smallest (deadline - WCRT) / deadline over the tasks, in percent; null when some task is unbounded. */
  readonly minSlackPercent: number | null;
  /** Why the analysis could not model this system; null when it did. */
  readonly unanalysable: string | null;
}

/** What every row says: which profile on which target, and what was adapted for it. */
interface RowIdentity {
  readonly profile: string;
  readonly displayName: string;
  readonly design: string;
  readonly target: string;
  /** With --adapt, one sentence per change made to the workload for this profile. */
  readonly adaptations: readonly string[];
  /** Mutexes the adaptation removed (their critical sections unprotected). */
  readonly unprotectedMutexes: readonly string[];
}

/** A profile on a target that hosts the workload, with what it measured. */
export interface HostedRow extends RowIdentity {
  readonly hosted: true;
  readonly analysis: AnalysisVerdict;
  /** The largest scaling of every task's execution at which the analysis still finds it schedulable; null when unanalysable. */
  readonly breakdownFactor: number | null;
  readonly tasks: readonly ComparedTask[];
  /** Jobs that ended late, plus jobs still open past their deadline when the run stopped. */
  readonly deadlineMisses: number;
  /**
   * Tasks whose simulated response exceeded their analysed WCRT: the analysis does not bound this
   * system (a model gap to report), so its verdict cannot be trusted here.
   */
  readonly boundExceededBy: readonly string[];
  readonly maxIrqOffUs: number | null;
  readonly cpuPercent: { readonly task: number; readonly kernel: number; readonly isr: number; readonly idle: number };
  readonly codeBytes: number;
  readonly ramBytes: number;
}

/** A profile on a target that cannot host the workload, with the reason its boot gave. */
export interface RejectedRow extends RowIdentity {
  readonly hosted: false;
  readonly reason: string;
}

/** One row of the comparison. */
export type ComparedRow = HostedRow | RejectedRow;

/** Evaluates one profile on one target; a workload it cannot host is a rejected row with the reason, not an error. */
export function evaluateRow(request: RowRequest): ComparedRow {
  const { profile, target } = request;
  const design = getDesign(profile.design);
  const traits = { keyedByDeadline: design.policy === 'edf' };
  const adapted = request.adapt ? adaptWorkload(request.workload, profile, traits) : unchanged(request.workload);
  const workload = adapted.workload;
  const identity = { profile: profile.id, displayName: profile.displayName, design: profile.design, target: target.id, adaptations: adapted.adaptations, unprotectedMutexes: adapted.unprotectedMutexes };
  const run = hostedRun({ ...request, workload });
  if (!run.hosted) {
    // Said only where adapting would change something: it cannot merge tasks, shrink memory, port a kernel or isolate an APP.
    const adaptable = !request.adapt && run.refusal instanceof ProfileLimitError && missingPort(profile, target) === undefined && !refusesIsolation(run.refusal);
    const changes = adaptable ? adaptWorkload(workload, profile, traits).adaptations.length : 0;
    const hint = changes > 0 ? ` (--adapt would make ${changes} change(s); run with it to see whether they suffice)` : '';
    return { hosted: false, ...identity, reason: `${run.refusal.message}${hint}` };
  }
  const metrics = traceMetrics(target, run);
  const analysed = analyse(workload, profile, target);
  const size = footprint(profile, target, workload);
  const tasks = workload.tasks.map((spec, i): ComparedTask => {
    const bound = analysed.report?.tasks[i];
    const simulated = metrics.tasks[i];
    return {
      task: spec.name,
      deadlineUs: deadlineUs(spec, workload) ?? bound?.deadlineUs ?? 0,
      wcrtUs: bound?.wcrtUs ?? null,
      simulatedWorstUs: roundUs(cyclesToUs(target, run.responses[i]?.longestCycles ?? 0)),
      deadlineMisses: (simulated?.deadlineMisses ?? 0) + (simulated?.overdueAtEnd ?? 0),
    };
  });
  return {
    hosted: true,
    ...identity,
    analysis: analysed.verdict,
    breakdownFactor: analysed.report === undefined ? null : breakdownFactor(workload, profile, target),
    tasks,
    deadlineMisses: tasks.reduce((n, t) => n + t.deadlineMisses, 0),
    boundExceededBy: tasks.filter((t) => t.wcrtUs !== null && t.simulatedWorstUs > t.wcrtUs).map((t) => t.task),
    maxIrqOffUs: metrics.maxIrqOffUs,
    cpuPercent: metrics.cpuPercent,
    codeBytes: size.codeBytes,
    ramBytes: size.ramBytes,
  };
}

/**
 * True when the kernel refused at a task's `app` field: the core has no SVC gate or the kernel no
 * APP isolation, which no change to the workload gives it (adapting never takes a task out of its APP).
 */
function refusesIsolation(refusal: ProfileLimitError): boolean {
  return /^(?:[\w-]+: )?tasks\[\d+\]\.app: /.test(refusal.message);
}

/** The run's measurements, or the kernel's (or the part's) refusal to boot the workload. */
function hostedRun(request: RowRequest) {
  const { profile, target, workload } = request;
  try {
    return { hosted: true as const, ...measureRun({ profile, target, workload, durationMs: request.durationMs, seed: request.seed, reducers: { ...traceMetricReducers(), responses: responseTimes() } }) };
  } catch (e) {
    if (e instanceof ProfileLimitError || e instanceof WorkloadError || e instanceof MemoryBudgetError) return { hosted: false as const, refusal: e };
    throw e;
  }
}

type Analysed = { readonly verdict: AnalysisVerdict; readonly report?: ReturnType<typeof analyzeWorkload> };

/** The corrected, overhead-aware analysis of the system the profile's kernel runs. */
function analyse(workload: Workload, profile: OsProfile, target: Target): Analysed {
  try {
    const report = analyzeWorkload(workload, { target, system: systemModel(profile, target, workload) });
    const slacks = report.tasks.flatMap((t) => (t.wcrtUs === null ? [] : [(100 * (t.deadlineUs - t.wcrtUs)) / t.deadlineUs]));
    const minSlackPercent = slacks.length < report.tasks.length ? null : Math.round(Math.min(...slacks) * 10) / 10;
    return { verdict: { schedulable: report.schedulable, minSlackPercent, unanalysable: null }, report };
  } catch (e) {
    if (e instanceof UnanalysableSystemError) return { verdict: { schedulable: false, minSlackPercent: null, unanalysable: e.message } };
    throw e;
  }
}

/** The workload's breakdown factor on this system, to BREAKDOWN_PRECISION (experiments/breakdown.ts's bisection). */
function breakdownFactor(workload: Workload, profile: OsProfile, target: Target): number {
  const schedulableAt = (factor: number): boolean => {
    const scaled = scaleExecution(workload, factor);
    try {
      return analyzeWorkload(scaled, { target, system: systemModel(profile, target, scaled), explain: false }).schedulable;
    } catch (e) {
      // A scaling whose cycles leave the exact range of a double is past breakdown, not a failure.
      if (e instanceof RangeError || e instanceof WorkloadError) return false;
      throw e;
    }
  };
  return Math.round(largestFactor(schedulableAt, BREAKDOWN_PRECISION) * 1000) / 1000;
}
