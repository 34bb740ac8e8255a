import { edfBestCaseCycles, fpBestCaseCycles } from './best-case.ts';
import { edfWorstCase } from './edf.ts';
import { fpWorstCaseCycles } from './fp.ts';
import type { Policy } from './analyze.ts';
import { edfEarliestKeyCycles, edfKeyCycles, finalRegionCycles, type AnalysisTask, type ModelBounds, type TaskSetModel } from './model.ts';

/** The corrected (safe) worst case, best case and jitter of every task; `exact: false` marks a coarser EDF fallback. */
export function correctedBounds(model: TaskSetModel, policy: Policy): ModelBounds[] {
  return withoutOverrunBlocking(model, policy, perTaskBounds(model, policy));
}

function perTaskBounds(model: TaskSetModel, policy: Policy): ModelBounds[] {
  const worst = model.tasks.map((_, i) => (policy === 'fp' ? { cycles: fpWorstCaseCycles(model, i), exact: true } : edfWorstCase(model, i)));
  const certain = keepingTheirPeriod(model, worst.map((w) => w.cycles));
  return model.tasks.map((t, i) => {
    const w = worst[i] as { cycles: number; exact: boolean };
    const bcrtCycles = policy === 'fp' ? fpBestCaseCycles(certain, i, w.cycles) : edfBestCaseCycles(certain, i);
    return { name: t.name, wcrtCycles: w.cycles, bcrtCycles, jitterCycles: w.cycles - bcrtCycles, ...(w.exact ? {} : { exact: false }) };
  });
}

/**
 * The model the best case reads: a strictly periodic task counts as certain interference only
 * while its worst case stays below its period. One whose job can still run at its next arrival may
 * lose that release (a line's post that finds the last one pending) or take it late (a delay that
 * finds it due), so its releases inside a window are not certain. An overloaded EDF set on the
 * ideal machine, with a task posted every 1000 us that needs 995, ran a less urgent task in 20358
 * cycles against a best case of 23230 that counted every post as a job.
 */
function keepingTheirPeriod(model: TaskSetModel, wcrtCycles: readonly number[]): TaskSetModel {
  const late = (t: AnalysisTask, j: number): boolean => t.strictlyPeriodic && !((wcrtCycles[j] ?? Infinity) < t.periodCycles);
  if (!model.tasks.some(late)) return model;
  return { ...model, tasks: model.tasks.map((t, j) => (late(t, j) ? { ...t, strictlyPeriodic: false } : t)) };
}

/**
 * The blocking term counts one job of each less urgent task (blocking.ts). A task whose jobs run
 * back to back (`jobsBackToBack`: a non-preemptive kernel, or a job under a preemption threshold,
 * where a job's take or delay that finds its next release due returns with no scheduling point)
 * and whose worst case reaches its period can end a job late and run the next straight on: it then
 * blocks for several jobs, and the term bounds nothing. (uC/OS-II on the ideal machine, a task
 * under threshold 0 late behind its own jobs held a uart task of priority 0 off for 108982 us
 * against a bound of 8517.)
 * On kbench's uKernel a more urgent task bounded at 3558 us that way waited 3981 us
 * (experiments/one-answer.test.ts). Every task such a task can block is left unbounded. One pass
 * is enough: a task left unbounded here blocks only tasks that the late one blocks too (blocking
 * is by priority, or by deadline key, both transitive).
 */
function withoutOverrunBlocking(model: TaskSetModel, policy: Policy, bounds: readonly ModelBounds[]): ModelBounds[] {
  const late = model.tasks.filter((t, j) => t.jobsBackToBack === true && !((bounds[j]?.wcrtCycles ?? Infinity) < t.periodCycles));
  if (late.length === 0) return [...bounds];
  // FP: a less urgent task blocks: every more urgent one when its jobs end in a non-preemptive
  // region, else those its threshold holds off; EDF: one whose deadline key is later (edf-demand.ts).
  const blocks = (j: AnalysisTask, i: AnalysisTask): boolean =>
    policy === 'fp' ? j.priority > i.priority && (finalRegionCycles(j) > 0 || i.priority >= j.thresholdPriority) : edfKeyCycles(j) > edfEarliestKeyCycles(i);
  return bounds.map((b, i) => {
    const ti = model.tasks[i] as AnalysisTask;
    const blocker = late.find((tj) => tj !== ti && blocks(tj, ti));
    return blocker === undefined || !Number.isFinite(b.wcrtCycles) ? b : { ...b, wcrtCycles: Infinity, jitterCycles: Infinity, blockedBackToBackBy: blocker.name };
  });
}
