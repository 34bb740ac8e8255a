import { FIGURES } from '../experiments/published.ts';

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
  const published = FIGURES.find((f) => f.figure === figure);
  if (published === undefined) throw new RangeError(`the paper has no figure "${figure}": known figures are ${FIGURES.map((f) => f.figure).join(', ')}`);
  return `${published.yRangeUs[0]}-${published.yRangeUs[1]}`;
}
