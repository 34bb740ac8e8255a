import type { Workload } from '../workloads/types.ts';
import type { RunMode } from './contract.ts';

/*
 * How long a measured run lasts. Maxima and jitter need many jobs of every task, not only of the
 * fast ones: a 0.2 s run shows the slowest task of a set with 50 ms periods 4 times. Every
 * experiment that reports a maximum or a jitter (fig1-fig4, bounds, safety, indicators) chooses
 * its run length here, and the report's methods text is written from these constants.
 */

/** Jobs of the slowest task a run covers (unless one hyperperiod is shorter). */
export const HORIZON_JOBS = 100;

/**
 * The longest run the rule may ask for, in ms: a guard on the cost of a study, not part of the rule.
 * No set of kbench's own studies reaches it (their slowest periods are at most 50 ms: 5 s for 100
 * jobs; experiments/horizon.test.ts checks each study's sets); a set whose slowest period exceeds
 * HORIZON_CAP_MS / HORIZON_JOBS would run fewer than HORIZON_JOBS jobs of that task, and the
 * methods say so.
 */
export const HORIZON_CAP_MS = 10_000;

/** The cap in quick mode: a check that the pipeline runs, not a measurement, so its runs stay short. */
export const QUICK_HORIZON_CAP_MS = 1000;

/** What a unit of a study carries of its mode's cap: QUICK_HORIZON_CAP_MS in quick mode, nothing (HORIZON_CAP_MS) in full. */
export function modeHorizonCap(mode: RunMode): { readonly horizonCapMs?: number } {
  return mode === 'quick' ? { horizonCapMs: QUICK_HORIZON_CAP_MS } : {};
}

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
  return `Each run lasts at least ${HORIZON_JOBS} jobs of its set's slowest task or one hyperperiod, whichever is shorter (past the latest release offset), and never less than the experiment's own duration; a run stops at ${HORIZON_CAP_MS / 1000} s of simulated time (HORIZON_CAP_MS), which no set of these studies reaches, and at ${QUICK_HORIZON_CAP_MS / 1000} s in quick mode, a check of the pipeline rather than a measurement`;
}
