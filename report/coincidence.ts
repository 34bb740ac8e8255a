/*
 * Which plotted series hide one another. Two lines drawn in the same colour space at the same
 * height cover each other, so a reader sees one line where there are two (uKernel's switch time is
 * uC/OS-II's exactly). The figures mark the lines this finds and say so in their subtitle, from the
 * data rather than from what we expect the kernels to do.
 */

/** One plotted point of a series. */
export interface SeriesPoint {
  readonly series: string;
  readonly x: number;
  readonly y: number;
}

/** A stretch of x over which `hidden` lies on `over`: they differ by at most the tolerance at every x of the run. */
export interface Coincidence {
  /** The series drawn first, which the later one covers. */
  readonly hidden: string;
  readonly over: string;
  /** The x values of the run, ascending. */
  readonly xs: readonly number[];
  /** Whether the run covers every x both series share. */
  readonly everywhere: boolean;
  /** The largest |y difference| over the run (0 for lines that are exactly equal). */
  readonly maxGap: number;
}

/**
 * Two series coincide on the chart where they differ by at most this share of the chart's y extent:
 * at the report's 280-pixel plot height, 1% is under 3 pixels, less than a line with its
 * anti-aliasing, so closer lines merge into one for the eye.
 */
export const COINCIDENT_SHARE_OF_AXIS = 0.01;

/** A run must join at least this many adjacent x values: two lines crossing meet at a point or along one short segment; three points are two segments run together. */
export const COINCIDENT_MIN_POINTS = 3;

/** The tolerance, in y units, at which series coincide on a chart whose values are `points` (its axis starting at 0 when every value is positive). */
export function coincidenceTolerance(points: readonly SeriesPoint[]): number {
  if (points.length === 0) return 0;
  const ys = points.map((p) => p.y);
  const extent = Math.max(0, ...ys) - Math.min(0, ...ys);
  return extent * COINCIDENT_SHARE_OF_AXIS;
}

/** The runs of adjacent shared x values (ascending) where `predicate` holds, each at least `min` long. */
function runsWhere(xs: readonly number[], predicate: (x: number) => boolean, min: number): number[][] {
  const runs: number[][] = [];
  let current: number[] = [];
  for (const x of xs) {
    if (predicate(x)) {
      current.push(x);
    } else {
      if (current.length >= min) runs.push(current);
      current = [];
    }
  }
  if (current.length >= min) runs.push(current);
  return runs;
}

/**
 * Every pair of series (in first-appearance order, the later drawn over the earlier) that coincide
 * over a run of at least COINCIDENT_MIN_POINTS adjacent shared x values, within `tolerance` in y.
 */
export function coincidences(points: readonly SeriesPoint[], tolerance = coincidenceTolerance(points)): Coincidence[] {
  const series = [...new Set(points.map((p) => p.series))];
  const byX = new Map(series.map((s) => [s, new Map(points.filter((p) => p.series === s).map((p) => [p.x, p.y]))]));
  const found: Coincidence[] = [];
  series.forEach((hidden, i) => {
    for (const over of series.slice(i + 1)) {
      const a = byX.get(hidden) as Map<number, number>;
      const b = byX.get(over) as Map<number, number>;
      const shared = [...a.keys()].filter((x) => b.has(x)).sort((p, q) => p - q);
      const gap = (x: number): number => Math.abs((a.get(x) as number) - (b.get(x) as number));
      for (const xs of runsWhere(shared, (x) => gap(x) <= tolerance, COINCIDENT_MIN_POINTS)) {
        found.push({ hidden, over, xs, everywhere: xs.length === shared.length, maxGap: Math.max(...xs.map(gap)) });
      }
    }
  });
  return found;
}

/** A coincidence as a sentence: "uKernel coincides with uC/OS-II 128 at every task count" or "... within 0.4 us at 5-8 tasks". */
export function describeCoincidence(c: Coincidence, xWords: { every: string; range: (from: number, to: number) => string }, yUnit: string): string {
  const where = c.everywhere ? xWords.every : xWords.range(c.xs[0] as number, c.xs[c.xs.length - 1] as number);
  const how = c.maxGap === 0 ? `coincides with ${c.over}` : `lies within ${Number(c.maxGap.toPrecision(2))} ${yUnit} of ${c.over}`;
  return `${c.hidden} ${how} ${where}`;
}

/** How a chart names its x values in a note: at every x, or over a range. */
export interface XWords {
  readonly every: string;
  range(from: number, to: number): string;
}

/** The sentences naming every coincidence among `values` (rows with a series, x and y field), or only those over every x, for a chart's subtitle and caption. */
export function coincidenceNotes(values: readonly Record<string, unknown>[], fields: { series: string; x: string; y: string }, xWords: XWords, yUnit: string, options: { everywhereOnly?: boolean } = {}): string[] {
  const points = values.flatMap((v) => {
    const [series, x, y] = [v[fields.series], v[fields.x], v[fields.y]];
    return typeof series === 'string' && typeof x === 'number' && typeof y === 'number' ? [{ series, x, y }] : [];
  });
  return coincidences(points)
    .filter((c) => c.everywhere || options.everywhereOnly !== true)
    .map((c) => describeCoincidence(c, xWords, yUnit));
}
