import type { ComparedRow, HostedRow } from './evaluate.ts';

/** The ranking rule, as every output states it. */
export const RANKING_RULE =
  'rows that host the workload, meet every deadline by their own analysis, miss none in simulation and stay within their analysed bounds first, those that keep every critical section protected before those whose adaptation removed a mutex; within each group the larger breakdown factor (more headroom; equal to 2 decimals counts as a tie), the smaller max interrupt-disable time, the smaller code, the smaller RAM; rows that miss a deadline, are not schedulable or exceed their bound in simulation next, ranked the same way; rejected rows last, in registry order, each with its reason';

/** A row with its place in the ranking (1 is best). */
export type RankedRow = ComparedRow & { readonly rank: number };

/** 0: meets every deadline both ways, protected; 1: the same with a mutex removed; 2: hosted but misses or not schedulable; 3: rejected. */
function tier(row: ComparedRow): number {
  if (!row.hosted) return 3;
  if (!meetsEveryDeadline(row)) return 2;
  return row.unprotectedMutexes.length === 0 ? 0 : 1;
}

/** Schedulable by the profile's own analysis, no deadline missed in the simulation, and no simulated response above its bound. */
export function meetsEveryDeadline(row: HostedRow): boolean {
  return row.analysis.schedulable && row.deadlineMisses === 0 && row.boundExceededBy.length === 0;
}

/** Ascending with null last. */
function nullLast(a: number | null, b: number | null): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return a - b;
}

function compareRows(a: ComparedRow, b: ComparedRow): number {
  const byTier = tier(a) - tier(b);
  if (byTier !== 0 || !a.hosted || !b.hosted) return byTier;
  const factor = (r: HostedRow): number | null => (r.breakdownFactor === null ? null : -Math.round(r.breakdownFactor * 100));
  return nullLast(factor(a), factor(b)) || nullLast(a.maxIrqOffUs, b.maxIrqOffUs) || a.codeBytes - b.codeBytes || a.ramBytes - b.ramBytes;
}

/** The rows ranked by RANKING_RULE; ties keep the given (registry) order. */
export function rankRows(rows: readonly ComparedRow[]): RankedRow[] {
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => compareRows(a.row, b.row) || a.i - b.i)
    .map(({ row }, i) => ({ ...row, rank: i + 1 }));
}

const us = (x: number | null): string => (x === null ? 'unmeasured' : `${x} us`);

/** The first line of every output: the best row and why, or why no row is recommended. */
export function recommendation(ranked: readonly RankedRow[], durationMs: number): string {
  const best = ranked[0];
  const meeting = ranked.filter((r): r is RankedRow & HostedRow => r.hosted && meetsEveryDeadline(r));
  if (best === undefined) return 'No profile and target to compare.';
  if (!best.hosted) return `No profile can host the workload on these targets: see the reason on every row (first: ${best.displayName} on ${best.target}: ${best.reason}).`;
  const name = `${best.displayName} (${best.design}) on ${best.target}`;
  if (meeting[0] !== best) return `No profile meets every deadline on these targets; closest: ${name}, ${best.analysis.schedulable ? 'schedulable by analysis' : 'not schedulable by analysis'}, ${best.deadlineMisses} deadline misses in ${durationMs} ms simulated.`;
  const leastIrqOff = Math.min(...meeting.map((r) => r.maxIrqOffUs ?? Infinity));
  const irqOff = best.maxIrqOffUs === leastIrqOff ? `smallest interrupt-off of the rows that meet every deadline, ${us(best.maxIrqOffUs)}` : `interrupt-off ${us(best.maxIrqOffUs)} (smallest of those meeting every deadline: ${leastIrqOff} us)`;
  const adapted = best.adaptations.length > 0 ? `; adapted: ${best.adaptations.length} change(s) listed in its row` : '';
  const unprotected = best.unprotectedMutexes.length > 0 ? ` No row meets every deadline with its critical sections protected: this one runs with mutex ${best.unprotectedMutexes.join(', ')} removed.` : '';
  return `Recommended: ${name}: meets every deadline by its own analysis (margin: ${best.analysis.minSlackPercent ?? '-'}% minimum slack, breakdown factor ${best.breakdownFactor ?? '-'}) and misses none in ${durationMs} ms simulated; ${irqOff}; code ${best.codeBytes} B, RAM ${best.ramBytes} B${adapted}.${unprotected}`;
}
