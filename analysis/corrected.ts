import { edfBestCaseCycles, fpBestCaseCycles } from './best-case.ts';
import { edfWorstCase } from './edf.ts';
import { fpWorstCaseCycles } from './fp.ts';
import type { Policy } from './analyze.ts';
import { edfEarliestKeyCycles, edfKeyCycles, type AnalysisTask, type ModelBounds, type TaskSetModel } from './model.ts';

/** The corrected (safe) worst case, best case and jitter of every task; `exact: false` marks a coarser EDF fallback. */
export function correctedBounds(model: TaskSetModel, policy: Policy): ModelBounds[] {
  return withoutOverrunBlocking(model, policy, perTaskBounds(model, policy));
}

function perTaskBounds(model: TaskSetModel, policy: Policy): ModelBounds[] {
  return model.tasks.map((t, i) => {
    if (policy === 'fp') {
      const wcrtCycles = fpWorstCaseCycles(model, i);
      const bcrtCycles = fpBestCaseCycles(model, i, wcrtCycles);
      return { name: t.name, wcrtCycles, bcrtCycles, jitterCycles: wcrtCycles - bcrtCycles };
    }
    const worst = edfWorstCase(model, i);
    const bcrtCycles = edfBestCaseCycles(model, i);
    return { name: t.name, wcrtCycles: worst.cycles, bcrtCycles, jitterCycles: worst.cycles - bcrtCycles, ...(worst.exact ? {} : { exact: false }) };
  });
}

/**
 * The blocking term counts one job of each less urgent task (blocking.ts). A task whose jobs run
 * back to back (`jobsBackToBack`: a non-preemptive kernel, which does not reschedule when a job's
 * take or delay finds its next release due) and whose worst case reaches its period can end a job
 * late and run the next straight on: it then blocks for several jobs, and the term bounds nothing.
 * On kbench's uKernel a more urgent task bounded at 3558 us that way waited 3981 us
 * (experiments/one-answer.test.ts). Every task such a task can block is left unbounded. One pass
 * is enough: a task left unbounded here blocks only tasks that the late one blocks too (blocking
 * is by priority, or by deadline key, both transitive).
 */
function withoutOverrunBlocking(model: TaskSetModel, policy: Policy, bounds: readonly ModelBounds[]): ModelBounds[] {
  const late = model.tasks.filter((t, j) => t.jobsBackToBack === true && !((bounds[j]?.wcrtCycles ?? Infinity) < t.periodCycles));
  if (late.length === 0) return [...bounds];
  // FP: a less urgent task blocks; EDF: one whose deadline key is later (edf-demand.ts).
  const blocks = (j: AnalysisTask, i: AnalysisTask): boolean => (policy === 'fp' ? j.priority > i.priority : edfKeyCycles(j) > edfEarliestKeyCycles(i));
  return bounds.map((b, i) => {
    const ti = model.tasks[i] as AnalysisTask;
    const blocker = late.find((tj) => tj !== ti && blocks(tj, ti));
    return blocker === undefined || !Number.isFinite(b.wcrtCycles) ? b : { ...b, wcrtCycles: Infinity, jitterCycles: Infinity, blockedBackToBackBy: blocker.name };
  });
}
