import type { Target } from '../hardware/target.ts';
import { getTarget } from '../hardware/targets/index.ts';
import { cyclesToUs } from '../hardware/units.ts';
import type { SystemModel } from '../system/model.ts';
import type { Workload } from '../workloads/types.ts';
import { correctedBounds } from './corrected.ts';
import { explainBounds, type ExplainedBound } from './explain.ts';
import { modelFromSystem } from './from-system.ts';
import { modelFromWorkload } from './from-workload.ts';
import { checkedBounds } from './invariants.ts';
import { defaultHorizonCycles, MAX_POINTS_PER_TASK, type ModelBounds, type TaskSetModel } from './model.ts';
import { paperEdf, paperFixedPriority } from './paper.ts';
import { assertSafeModel } from './validate-model.ts';

/** Scheduling policy analysed. */
export type Policy = 'fp' | 'edf';
/** `paper`: equations (1)-(16) as written; `corrected`: the safe analysis. */
export type Variant = 'paper' | 'corrected';

/**
 * Worst case, best case and jitter of every task of a model under a policy and variant. Throws a
 * RangeError for a quantity that is not a safe integer, and an AnalysisInvariantError for a result
 * that breaks C^b <= BCRT <= WCRT, C <= WCRT or jitter >= 0.
 */
export function analyzeModel(model: TaskSetModel, policy: Policy, variant: Variant): ModelBounds[] {
  assertSafeModel(model);
  if (variant === 'paper') return checkedBounds(model, policy === 'fp' ? paperFixedPriority(model) : paperEdf(model));
  return checkedBounds(model, correctedBounds(model, policy));
}

/** One row of the analysis report: bounds in cycles and us on the analysis target. */
export interface TaskReport {
  readonly task: string;
  readonly priority: number;
  readonly deadlineUs: number;
  readonly wcrtCycles: number | null;
  readonly bcrtCycles: number | null;
  readonly jitterCycles: number | null;
  readonly wcrtUs: number | null;
  readonly bcrtUs: number | null;
  readonly jitterUs: number | null;
  readonly schedulable: boolean;
  /**
   * The WCRT taken apart into own execution, interference, blocking, jitter and kernel terms that
   * sum to `wcrtCycles` (analysis/explain.ts); null for the paper variant, an unbounded task, or an
   * EDF bound that is only the coarser fallback.
   */
  readonly explanation: ExplainedBound | null;
}

/** The analysis of a workload: per-task rows (null = unbounded) and the assumptions that shaped them. */
export interface AnalysisReport {
  readonly workload: string;
  readonly target: string;
  readonly policy: Policy;
  readonly variant: Variant;
  readonly overheadAware: boolean;
  /** The profile whose kernel model was analysed, or null for the bare task set. */
  readonly system: string | null;
  readonly schedulable: boolean;
  readonly tasks: readonly TaskReport[];
  readonly notes: readonly string[];
}

/** Options of `analyzeWorkload`. */
export interface AnalyzeOptions {
  /** Required without `system`; with it, must be the system's own policy (or absent). */
  readonly policy?: Policy;
  readonly variant?: Variant;
  /** Analysis target; defaults to the system's target, else the workload's reference target. */
  readonly target?: Target;
  /** The system a kernel runs (kernels/system-model.ts): its scheduling rules and overheads are analysed. Without it the analysis is of the bare task set. */
  readonly system?: SystemModel;
  /** Take each WCRT apart (`TaskReport.explanation`); default true. Callers that read only the bounds skip the work. */
  readonly explain?: boolean;
}

/** Options that contradict each other (a policy the system does not run); the message says which and why. */
export class AnalysisOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnalysisOptionError';
  }
}

/** The policy analysed: the system's, checked against an explicit one. */
function policyOf(options: AnalyzeOptions): Policy {
  const system = options.system;
  if (system === undefined) {
    if (options.policy === undefined) throw new AnalysisOptionError('policy: give fp or edf (or a system model, whose kernel decides)');
    return options.policy;
  }
  if (options.policy !== undefined && options.policy !== system.policy) {
    const runs = system.policy === 'edf' ? 'earliest deadline first' : 'fixed priorities';
    throw new AnalysisOptionError(`policy: ${system.profile} (design ${system.design}) schedules by ${runs}, so --policy ${options.policy} would analyse a system it does not run; use --policy ${system.policy} or leave it out`);
  }
  return system.policy;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Analyses a workload: builds its model on the target, folds in overheads if given, bounds each task. */
export function analyzeWorkload(workload: Workload, options: AnalyzeOptions): AnalysisReport {
  const policy = policyOf(options);
  const target = options.target ?? (options.system === undefined ? getTarget(workload.referenceTarget) : getTarget(options.system.target));
  const variant = options.variant ?? 'corrected';
  const built = options.system === undefined ? modelFromWorkload(workload, target) : modelFromSystem(workload, target, options.system);
  const model = built.model;
  const notes: string[] = [...(options.system?.notes ?? [])];
  if (target.id !== workload.referenceTarget) notes.push(`execution scaled from ${workload.referenceTarget} to ${target.id} by the CoreMark-per-MHz rule of workloads/scaling.ts`);
  if (built.unbounded.length > 0) notes.push(`no minimum inter-arrival for ${built.unbounded.join(', ')}: every worst case is unbounded`);
  // A system that prices its message services has receives that never block (system/model.ts).
  const messagesCounted = options.system?.messageServices != null;
  // An io-in step takes the semaphore its line's ISR gives: the job waits for the line's next raise.
  const SUSPENDING = new Set(['delay', 'take', ...(messagesCounted ? [] : ['receive']), 'wait', 'io-in']);
  const suspending = workload.tasks.filter((t) => t.body.some((s) => SUSPENDING.has(s.op))).map((t) => t.name);
  if (suspending.length > 0) {
    notes.push(`${suspending.join(', ')} may suspend (${[...SUSPENDING].join(', ')}): bounds count execution and preemption only, not the suspension, which also delays lower-priority tasks`);
  }
  const SERVICES = new Set(['take', 'give', 'wait', 'set', 'delay', 'io-in', ...(messagesCounted ? [] : ['send', 'receive'])]);
  const calling = workload.tasks.filter((t) => t.body.some((s) => SERVICES.has(s.op))).map((t) => t.name);
  if (options.system !== undefined && calling.length > 0) {
    notes.push(`${calling.join(', ')} call kernel services other than mutexes${messagesCounted ? ' and messages' : ''} (semaphores, inputs, queues, flags, delays): their kernel cycles are not in these bounds, only mutex lock and unlock${messagesCounted ? ', send and receive' : ''} are`);
  }
  if (variant === 'paper') notes.push("paper: equations (1)-(16) as written; unsafe with non-preemptive regions (no blocking term), see analysis/paper.ts");
  const bounds = analyzeModel(model, policy, variant);
  const coarse = bounds.filter((b) => b.exact === false).map((b) => b.name);
  if (coarse.length > 0) notes.push(`${coarse.join(', ')}: more than ${MAX_POINTS_PER_TASK} arrival offsets to examine, so the bound is the coarser safe one (the relative deadline of a set the exact schedulability test accepts)`);
  const backToBack = bounds.filter((b) => b.blockedBackToBackBy !== undefined);
  if (backToBack.length > 0) {
    const by = [...new Set(backToBack.map((b) => b.blockedBackToBackBy))].join(', ');
    notes.push(`${backToBack.map((b) => b.name).join(', ')}: no bound, as ${by} can run jobs back to back: the kernel does not reschedule between a task's jobs, and a worst case at or past the period lets a late job run the next straight on, blocking for more than one job`);
  }
  if (bounds.some((b) => !Number.isFinite(b.wcrtCycles) && b.blockedBackToBackBy === undefined)) {
    notes.push(`an unbounded task has utilisation above 1 at its level, a busy period beyond ${defaultHorizonCycles(model)} cycles, or more than ${MAX_POINTS_PER_TASK} jobs or offsets to check`);
  }
  const explained = variant === 'corrected' && options.explain !== false && built.unbounded.length === 0 ? explainBounds(model, policy, workload, options.system, built.releasingLines) : [];
  const rows = model.tasks.map((t, i): TaskReport => {
    const b = bounds[i];
    const explanation = explained[i] ?? null;
    const wcrt = b === undefined || built.unbounded.length > 0 ? Infinity : b.wcrtCycles;
    const bcrt = b?.bcrtCycles ?? 0;
    const bounded = Number.isFinite(wcrt);
    const finite = bounded && Number.isFinite(bcrt);
    return {
      task: t.name,
      priority: t.priority,
      deadlineUs: round(cyclesToUs(target, t.deadlineCycles)),
      wcrtCycles: bounded ? wcrt : null,
      bcrtCycles: Number.isFinite(bcrt) ? bcrt : null,
      jitterCycles: finite ? wcrt - bcrt : null,
      wcrtUs: bounded ? round(cyclesToUs(target, wcrt)) : null,
      bcrtUs: Number.isFinite(bcrt) ? round(cyclesToUs(target, bcrt)) : null,
      jitterUs: finite ? round(cyclesToUs(target, wcrt - bcrt)) : null,
      schedulable: bounded && wcrt <= t.deadlineCycles,
      // The same fixed point gave both; an explanation of another number would explain nothing.
      explanation: explanation !== null && explanation.wcrtCycles === wcrt ? explanation : null,
    };
  });
  return {
    workload: workload.name,
    target: target.id,
    policy,
    variant,
    overheadAware: options.system !== undefined,
    system: options.system?.profile ?? null,
    schedulable: rows.every((r) => r.schedulable),
    tasks: rows,
    notes,
  };
}
