import type { BlockingTerms } from './blocking.ts';
import { edfBlockingTerms } from './edf-demand.ts';
import { edfInterferingJobs, edfWorstJob } from './edf.ts';
import { releasesBefore, releasesUpTo } from './fixpoint.ts';
import { fpWorstJob } from './fp.ts';
import { defaultHorizonCycles, edfEarliestKeyCycles, edfKeyCycles, taskAt, type TaskSetModel } from './model.ts';

/*
 * A worst-case response time taken apart into the terms of its own fixed point: the equation's
 * right-hand side evaluated at the solution the analysis found (fp.ts `fpWorstJob`, edf.ts
 * `edfWorstJob`), never a second analysis. For the worst job of task i, released `offset` into its
 * busy period (FP: k T_i for job k; EDF: Spuri's arrival offset a):
 *
 *   WCRT = C_i + (earlier jobs of tau_i in the busy period) x C_i - offset + B_i
 *          + sum over tasks and interrupt loads of (jobs in the window) x cost + J_i
 *
 * The jobs counted for each source are those the equation counts at its fixed points (the start,
 * the final region's start, the finish), so the terms add up to the WCRT exactly; `responseTerms`
 * checks it and throws if they do not (a broken decomposition, not a bound to report).
 */

/** Work of one other task or interrupt load inside the window of the worst job: jobs x cost. */
export interface InterferenceTerm {
  readonly name: string;
  readonly kind: 'task' | 'interrupt';
  readonly jobs: number;
  /** Cost of one job (or interrupt) in the model, overheads folded in. */
  readonly costCycles: number;
  readonly cycles: number;
}

/** The terms of one task's worst-case response time; they sum to `wcrtCycles` (see `termsTotal`). */
export interface ResponseTerms {
  readonly task: string;
  /** Where the worst job arrives in its busy period (FP: k T_i, or its earliest release for a task with folded streams; EDF: Spuri's offset a). */
  readonly offsetCycles: number;
  /** Its own execution, C_i in the model. */
  readonly ownCycles: number;
  /** Jobs of the same task released earlier in the busy period, which it waits behind. */
  readonly earlierOwnJobs: number;
  readonly earlierOwnCycles: number;
  readonly blocking: BlockingTerms;
  /** Other tasks (FP: higher or equal priority; EDF: earlier or equal deadline) and interrupt loads, including the kernel's. */
  readonly interference: readonly InterferenceTerm[];
  /** Release jitter, counted from the true arrival (a task with folded streams: the most its release lags its arrival). */
  readonly jitterCycles: number;
  readonly wcrtCycles: number;
}

/** The sum of the terms: C_i + earlier jobs - offset + blocking + interference + jitter. */
export function termsTotal(t: ResponseTerms): number {
  let sum = t.ownCycles + t.earlierOwnCycles - t.offsetCycles + t.blocking.cycles + t.jitterCycles;
  for (const s of t.interference) sum += s.cycles;
  return sum;
}

/** Throws unless the terms add up to the bound they explain. */
function checked(terms: ResponseTerms): ResponseTerms {
  const total = termsTotal(terms);
  if (total !== terms.wcrtCycles) throw new Error(`response terms of ${terms.task} sum to ${total} cycles, not the WCRT ${terms.wcrtCycles}`);
  return terms;
}

/** The terms of task `i`'s fixed-priority WCRT; undefined when it is unbounded. */
export function fpResponseTerms(model: TaskSetModel, i: number, horizonCycles = defaultHorizonCycles(model)): ResponseTerms | undefined {
  const worst = fpWorstJob(model, i, horizonCycles);
  if (worst === undefined) return undefined;
  const ti = taskAt(model.tasks, i);
  const { startCycles: start, regionCycles: region, finishCycles: finish } = worst;
  const interference: InterferenceTerm[] = [];
  model.tasks.forEach((tj, j) => {
    if (j === i || tj.priority > ti.priority) return;
    const count = (t: number, counter: typeof releasesBefore): number => counter(t, tj.periodCycles, tj.releaseJitterCycles);
    // Up to the start every higher or equal priority releases count; after it only those above the threshold preempt.
    const atStart = count(start, releasesUpTo);
    const preempts = tj.priority < ti.thresholdPriority;
    const jobs = !preempts ? atStart : region !== null ? count(region, releasesUpTo) : count(finish, releasesBefore);
    interference.push({ name: tj.name, kind: 'task', jobs, costCycles: tj.wcetCycles, cycles: jobs * tj.wcetCycles });
  });
  for (const l of model.interrupts) {
    // Interrupts preempt everything, the final region included: every occurrence before the finish.
    const jobs = releasesBefore(finish, l.periodCycles, l.releaseJitterCycles);
    interference.push({ name: l.name, kind: 'interrupt', jobs, costCycles: l.costCycles, cycles: jobs * l.costCycles });
  }
  return checked({
    task: ti.name,
    offsetCycles: worst.offsetCycles,
    ownCycles: ti.wcetCycles,
    earlierOwnJobs: worst.job,
    earlierOwnCycles: worst.job * ti.wcetCycles,
    blocking: worst.blocking,
    interference,
    jitterCycles: worst.jitterCycles,
    wcrtCycles: worst.wcrtCycles,
  });
}

/** The terms of task `i`'s EDF WCRT at its critical instant (Spuri's worst offset); undefined when there is no exact finite bound. */
export function edfResponseTerms(model: TaskSetModel, i: number, horizonCycles = defaultHorizonCycles(model)): ResponseTerms | undefined {
  const worst = edfWorstJob(model, i, horizonCycles);
  if (worst === undefined) return undefined;
  const ti = taskAt(model.tasks, i);
  const a = worst.offsetCycles;
  const absoluteDeadline = a + edfKeyCycles(ti);
  const interference: InterferenceTerm[] = [];
  model.tasks.forEach((tj, j) => {
    if (j === i) return;
    // Other tasks stop interfering once the final region starts (they cannot preempt it).
    const jobs = worst.regionCycles !== null ? edfInterferingJobs(tj, absoluteDeadline, worst.regionCycles, releasesUpTo) : edfInterferingJobs(tj, absoluteDeadline, worst.finishCycles, releasesBefore);
    if (jobs > 0) interference.push({ name: tj.name, kind: 'task', jobs, costCycles: tj.wcetCycles, cycles: jobs * tj.wcetCycles });
  });
  for (const l of model.interrupts) {
    const jobs = releasesBefore(worst.finishCycles, l.periodCycles, l.releaseJitterCycles);
    interference.push({ name: l.name, kind: 'interrupt', jobs, costCycles: l.costCycles, cycles: jobs * l.costCycles });
  }
  const earlier = Math.floor((a + ti.releaseJitterCycles) / ti.periodCycles);
  return checked({
    task: ti.name,
    offsetCycles: a,
    ownCycles: ti.wcetCycles,
    earlierOwnJobs: earlier,
    earlierOwnCycles: earlier * ti.wcetCycles,
    blocking: edfBlockingTerms(model, absoluteDeadline, a + edfEarliestKeyCycles(ti)),
    interference,
    jitterCycles: ti.releaseJitterCycles,
    wcrtCycles: worst.wcrtCycles,
  });
}
