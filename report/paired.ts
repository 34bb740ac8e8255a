import { mean, sampleStandardDeviation } from 'simple-statistics';
import { t975 } from '../experiments/unit-helpers.ts';

/*
 * Paired comparisons for the claims read from seeded task sets: two series ran the same sets (same
 * target, payload and seed), so a claim "A is above B" is judged by the differences A - B set by
 * set, with the Student t interval of their mean (pairs - 1 degrees of freedom). It holds only when
 * the whole interval lies on the claimed side of 0.
 */

/** The confidence of every interval a claim is judged by (two-sided; t975 is its quantile). */
export const PAIRED_CONFIDENCE = 0.95;

/** The fewest pairs an interval is drawn from: one difference has no spread to estimate. */
export const MIN_PAIRS = 2;

/** The mean of paired differences with its interval. */
export interface PairedInterval {
  readonly pairs: number;
  readonly meanDiff: number;
  readonly lo: number;
  readonly hi: number;
}

/** Mean of `diffs` (paired differences) and its two-sided PAIRED_CONFIDENCE t-interval. */
export function pairedInterval(diffs: readonly number[]): PairedInterval {
  if (diffs.length < MIN_PAIRS) throw new RangeError(`pairedInterval: needs at least ${MIN_PAIRS} pairs, got ${diffs.length}`);
  const m = mean([...diffs]);
  const half = (t975(diffs.length - 1) * sampleStandardDeviation([...diffs])) / Math.sqrt(diffs.length);
  return { pairs: diffs.length, meanDiff: m, lo: m - half, hi: m + half };
}

/** True when the interval lies wholly above 0: "the first is larger" holds. */
export function above(i: PairedInterval): boolean {
  return i.lo > 0;
}

/**
 * Differences first(seed) - second(seed) over the seeds both maps hold, in seed order: the sets the
 * two series have in common.
 */
export function seedDifferences(first: ReadonlyMap<number, number>, second: ReadonlyMap<number, number>): number[] {
  return [...first.keys()]
    .filter((seed) => second.has(seed))
    .sort((a, b) => a - b)
    .map((seed) => (first.get(seed) as number) - (second.get(seed) as number));
}
