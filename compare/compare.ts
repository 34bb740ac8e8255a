import type { Row } from '../experiments/contract.ts';
import type { Target } from '../hardware/target.ts';
import { mcuTargets } from '../hardware/targets/index.ts';
import type { OsProfile } from '../kernels/profiles/types.ts';
import { allProfiles } from '../kernels/registry.ts';
import type { Workload } from '../workloads/types.ts';
import { BREAKDOWN_PRECISION, evaluateRow, type ComparedRow, type HostedRow } from './evaluate.ts';
import { RANKING_RULE, rankRows, recommendation, type RankedRow } from './rank.ts';

/*
 * `kbench compare`: which kernel fits this workload on which MCU, and why. Every registered profile
 * (a profile another module registers joins with no change here) on every target asked for, one row
 * each, ranked by a stated rule, with a one-line recommendation.
 */

/**
 * The simulated horizon by default: one second covers every task of a meter whose periods are at
 * most a second at least once (longer ones release at time 0) and keeps a whole comparison to a few
 * seconds.
 */
export const DEFAULT_COMPARE_DURATION_MS = 1000;

/** What to compare. */
export interface CompareOptions {
  readonly workload: Workload;
  /** The targets, each a column of rows; by default every real MCU (avr, m4, m4-f407). */
  readonly targets?: readonly Target[];
  /** The profiles; by default every registered one. */
  readonly profiles?: readonly OsProfile[];
  /** Simulated milliseconds per row; DEFAULT_COMPARE_DURATION_MS by default. */
  readonly durationMs?: number;
  /** Seed of the sporadic arrivals and execution times; 1 by default. */
  readonly seed?: number;
  /** Fold priorities, swap mutex protocols and map services so that more profiles can host the workload (each change listed in its row). */
  readonly adapt?: boolean;
}

/** The comparison: its inputs, the rule it ranks by, the recommendation, and the ranked rows. */
export interface Comparison {
  readonly workload: string;
  readonly targets: readonly string[];
  readonly durationMs: number;
  readonly seed: number;
  readonly adapt: boolean;
  readonly breakdownPrecision: number;
  readonly rankingRule: string;
  readonly recommendation: string;
  readonly rows: readonly RankedRow[];
}

/** Runs every profile on every target on the workload and ranks them. Deterministic for the same options. */
export function compare(options: CompareOptions): Comparison {
  const targets = options.targets ?? mcuTargets();
  const profiles = options.profiles ?? allProfiles();
  const durationMs = options.durationMs ?? DEFAULT_COMPARE_DURATION_MS;
  const seed = options.seed ?? 1;
  const adapt = options.adapt ?? false;
  const rows = targets.flatMap((target) => profiles.map((profile) => evaluateRow({ workload: options.workload, profile, target, durationMs, seed, adapt })));
  return assembleComparison(rows, { workload: options.workload.name, targets: targets.map((t) => t.id), durationMs, seed, adapt });
}

/** What a comparison was run on, besides its rows. */
export interface ComparisonInputs {
  readonly workload: string;
  readonly targets: readonly string[];
  readonly durationMs: number;
  readonly seed: number;
  readonly adapt: boolean;
}

/** The comparison of rows evaluated one by one (by `compare`, or by an experiment's units): ranked, with the recommendation. */
export function assembleComparison(rows: readonly ComparedRow[], inputs: ComparisonInputs): Comparison {
  const ranked = rankRows(rows);
  return { ...inputs, breakdownPrecision: BREAKDOWN_PRECISION, rankingRule: RANKING_RULE, recommendation: recommendation(ranked, inputs.durationMs), rows: ranked };
}

/** The columns of the flat form of a comparison (CSV, the report's experiment). */
export const COMPARISON_COLUMNS = [
  'rank',
  'profile',
  'design',
  'target',
  'verdict',
  'minSlackPercent',
  'breakdownFactor',
  'deadlineMisses',
  'maxIrqOffUs',
  'cpuTaskPercent',
  'cpuKernelPercent',
  'cpuIsrPercent',
  'cpuIdlePercent',
  'codeBytes',
  'ramBytes',
  'adaptations',
  'reason',
] as const;

/** A row's verdict in one word or two. */
export function verdictOf(row: RankedRow): string {
  if (!row.hosted) return 'rejected';
  if (row.analysis.unanalysable !== null) return 'unanalysable';
  if (!row.analysis.schedulable) return 'not schedulable';
  // The simulation contradicting the analysis outweighs both: neither verdict can be trusted.
  if (row.boundExceededBy.length > 0) return 'bound exceeded';
  return row.deadlineMisses > 0 ? 'misses' : 'schedulable';
}

/** What a hosted row's reader must know besides its numbers: why it was not analysed, or which tasks the simulation saw above their bound. */
function hostedNote(row: HostedRow): string {
  if (row.analysis.unanalysable !== null) return row.analysis.unanalysable;
  return row.boundExceededBy.length > 0 ? `simulated response above the analysed bound for ${row.boundExceededBy.join(', ')}: the analysis does not bound this system` : '';
}

/** One flat row per ranked row, with COMPARISON_COLUMNS as keys. */
export function comparisonRows(comparison: Comparison): Row[] {
  return comparison.rows.map((r) => {
    const hosted = r.hosted ? r : undefined;
    return {
      rank: r.rank,
      profile: r.profile,
      design: r.design,
      target: r.target,
      verdict: verdictOf(r),
      minSlackPercent: hosted?.analysis.minSlackPercent ?? null,
      breakdownFactor: hosted?.breakdownFactor ?? null,
      deadlineMisses: hosted?.deadlineMisses ?? null,
      maxIrqOffUs: hosted?.maxIrqOffUs ?? null,
      cpuTaskPercent: hosted?.cpuPercent.task ?? null,
      cpuKernelPercent: hosted?.cpuPercent.kernel ?? null,
      cpuIsrPercent: hosted?.cpuPercent.isr ?? null,
      cpuIdlePercent: hosted?.cpuPercent.idle ?? null,
      codeBytes: hosted?.codeBytes ?? null,
      ramBytes: hosted?.ramBytes ?? null,
      adaptations: r.adaptations.join('; '),
      reason: r.hosted ? hostedNote(r) : r.reason,
    };
  });
}
