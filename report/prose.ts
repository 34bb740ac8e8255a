import { publishedFigure } from './paper-band.ts';

/*
 * Numbers as the report's prose writes them, generated from the data and constants they stand for,
 * so that a changed constant or table changes the sentence too.
 */

/** A fraction as a whole percentage (0.1 -> "10%"). */
export function pct(v: number): string {
  return `${Math.round(v * 100)}%`;
}

/** The y range the paper plots for one of its figures (e.g. "10-60" for Fig. 1); throws for a figure it does not have. */
export function plottedRange(figure: string): string {
  const published = publishedFigure(figure);
  return `${published.yRangeUs[0]}-${published.yRangeUs[1]}`;
}

/**
 * kbench's reading of "flat": a series whose last value is within this fraction of its first. Tighter
 * than the claims' GROWTH so that a rise too small to count as growth is still not called flat
 * (31.38 -> 32.5 us is +3.6%: "rises slightly", never "flat").
 */
export const FLAT_WITHIN = 0.01;

/** How a series changed from its first to its last value, in the words the report may use. */
export type ChangeWord = 'flat' | 'rises slightly' | 'grows' | 'falls slightly' | 'falls';

/** The relative change from `first` to `last` (0 when both are 0). */
export function relativeChange(first: number, last: number): number {
  if (first === 0) return last === 0 ? 0 : Math.sign(last) * Infinity;
  return (last - first) / Math.abs(first);
}

/** The word for a change from `first` to `last`: flat within FLAT_WITHIN, grows / falls past `growth`, slightly between. */
export function changeWord(first: number, last: number, growth: number): ChangeWord {
  if (growth < FLAT_WITHIN) throw new RangeError(`growth ${growth} must be at least FLAT_WITHIN (${FLAT_WITHIN}), or a change could be both flat and growing`);
  const change = relativeChange(first, last);
  if (Math.abs(change) <= FLAT_WITHIN) return 'flat';
  if (change > growth) return 'grows';
  if (change < -growth) return 'falls';
  return change > 0 ? 'rises slightly' : 'falls slightly';
}

/** A signed percentage of change (0.036 -> "+3.6%", -0.2 -> "-20%"), to the tenth below 10%. */
export function signedPct(change: number): string {
  const p = change * 100;
  const digits = Math.abs(p) < 10 ? 1 : 0;
  return `${p >= 0 ? '+' : '-'}${Number(Math.abs(p).toFixed(digits))}%`;
}
