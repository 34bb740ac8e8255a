import type { Workload } from '../workloads/types.ts';

/*
 * How long a measured run lasts. Maxima and jitter need many jobs of every task, not only of the
 * fast ones: a 0.2 s run shows the slowest task of a set with 50 ms periods 4 times. Every
 * experiment that reports a maximum or a jitter (fig1-fig4, bounds, safety, indicators) chooses
 * its run length here, and the report's methods text is written from these constants.
 */

/** Jobs of the slowest task a run covers (unless one hyperperiod is shorter). */
export const HORIZON_JOBS = 100;

/**
 * The longest run the rule may ask for, in ms: a bound on the cost of a study, not part of the
 * rule. A set whose slowest period exceeds HORIZON_CAP_MS / HORIZON_JOBS runs fewer than
 * HORIZON_JOBS jobs of that task (at least HORIZON_CAP_MS / its period); the methods say so.
 */
export const HORIZON_CAP_MS = 1000;

/** The longest interval between releases a task's trigger promises, in us; undefined for I/O-triggered tasks. */
function releaseIntervalUs(trigger: Workload['tasks'][number]['trigger']): number | undefined {
  if (trigger.kind === 'periodic') return trigger.periodUs;
  if (trigger.kind === 'sporadic') return trigger.minInterArrivalUs + (trigger.maxExtraUs ?? 0);
  return undefined;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** The hyperperiod of the periodic tasks in us, or Infinity once it passes `limitUs` (or a period is not whole us). */
export function hyperperiodUs(workload: Workload, limitUs: number): number {
  let h = 1;
  for (const t of workload.tasks) {
    // Sporadic releases never repeat a pattern: no hyperperiod bounds their phasings.
    if (t.trigger.kind === 'sporadic') return Infinity;
    if (t.trigger.kind !== 'periodic') continue;
    const p = t.trigger.periodUs;
    if (!Number.isInteger(p)) return Infinity;
    h = (h / gcd(h, p)) * p;
    if (h > limitUs) return Infinity;
  }
  return h;
}

/**
 * A run's length in us for `workload`: past its latest release offset, at least HORIZON_JOBS jobs
 * of its slowest task or one hyperperiod, whichever is shorter, capped at `capMs` (HORIZON_CAP_MS;
 * Infinity tells what the rule alone asks, as the bench does to price a study without the cap);
 * never shorter than `floorUs` (the experiment's own minimum).
 */
export function runHorizonUs(workload: Workload, floorUs: number, capMs = HORIZON_CAP_MS): number {
  const intervals = workload.tasks.map((t) => releaseIntervalUs(t.trigger)).filter((p): p is number => p !== undefined);
  if (intervals.length === 0) return floorUs;
  const offset = Math.max(0, ...workload.tasks.map((t) => (t.trigger.kind === 'periodic' ? (t.trigger.offsetUs ?? 0) : 0)));
  const jobsUs = HORIZON_JOBS * Math.max(...intervals);
  const ruleUs = offset + Math.min(jobsUs, hyperperiodUs(workload, jobsUs));
  return Math.max(floorUs, Math.min(ruleUs, capMs * 1000));
}

/** `runHorizonUs` for callers that speak milliseconds. */
export function runHorizonMs(workload: Workload, floorMs: number, capMs = HORIZON_CAP_MS): number {
  return runHorizonUs(workload, floorMs * 1000, capMs) / 1000;
}

/** The rule in one sentence, for the methods text and experiment descriptions. */
export function horizonRuleText(): string {
  return `Each run lasts at least ${HORIZON_JOBS} jobs of its set's slowest task or one hyperperiod, whichever is shorter (past the latest release offset), capped at ${HORIZON_CAP_MS} ms of simulated time to bound the study's cost (HORIZON_CAP_MS: a set whose slowest period exceeds ${HORIZON_CAP_MS / HORIZON_JOBS} ms then runs ${HORIZON_CAP_MS} ms, at least ${HORIZON_CAP_MS} ms / period jobs of that task), and never less than the experiment's own duration`;
}
