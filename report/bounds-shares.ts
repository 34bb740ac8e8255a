import type { BoundsRow } from '../experiments/paper-rows.ts';

/*
 * The bounds chart as shares of the task sets each profile ran: profiles run different numbers of
 * sets (those their analysis admits), so counts compare unlike totals; a share of 0 still draws a
 * full bar, the part of the sets within the bound, where a count of 0 draws nothing at all.
 */

/** What happened to a task set's simulated maxima against one bound. */
export const BOUND_OUTCOMES = { exceeded: 'bound exceeded', held: 'within the bound' } as const;

/** How the chart names each bound variant. */
export const BOUND_VARIANT_NAMES: Readonly<Record<BoundsRow['variant'], string>> = {
  paper: "the paper's equations, as written",
  corrected: 'corrected, overhead-aware analysis',
};

/** One bar segment: the share of a profile's task sets with one outcome under one bound. */
export interface BoundsShare {
  readonly target: string;
  readonly profile: string;
  readonly bound: string;
  readonly outcome: string;
  /** In [0, 1]; the two outcomes of one (target, profile, variant) sum to 1. */
  readonly share: number;
  readonly sets: number;
  readonly taskSets: number;
}

/** Each row as its two outcome shares; a row with no task sets has no shares (nothing to divide). */
export function boundsShares(rows: readonly BoundsRow[]): BoundsShare[] {
  return rows.flatMap((r) => {
    if (r.taskSets === 0) return [];
    if (r.violations < 0 || r.violations > r.taskSets) throw new RangeError(`bounds row ${r.target}/${r.profile}/${r.variant}: violations (${r.violations}) must lie in 0..taskSets (${r.taskSets})`);
    const common = { target: r.target, profile: r.profile, bound: BOUND_VARIANT_NAMES[r.variant] ?? r.variant, taskSets: r.taskSets };
    return [
      { ...common, outcome: BOUND_OUTCOMES.exceeded, share: r.violations / r.taskSets, sets: r.violations },
      { ...common, outcome: BOUND_OUTCOMES.held, share: (r.taskSets - r.violations) / r.taskSets, sets: r.taskSets - r.violations },
    ];
  });
}
