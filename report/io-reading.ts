import { summariseIoRows, type IoSummaryRow } from '../experiments/io-figure.ts';
import type { IoRow } from '../experiments/paper-rows.ts';
import { FIGURES } from '../experiments/published.ts';
import type { ResultsSet } from './claims.ts';
import { paperProfileIds } from './profiles.ts';

/*
 * Which unit the paper's I/O axes are in. Figs. 3-4 label the delay axis "us" (0-35 and 0-30) and
 * the jitter axis with no unit (0-7 and 0-25), yet one task switch on the same board takes 15-45 us
 * (Fig. 2), so a delay axis in microseconds cannot hold the response of jobs that each take a share
 * of a period. The data decides: under each reading, the share of kbench's AVR delay means (both
 * delays, every series and payload of the paper's kernels) that fall inside the paper's delay axes.
 */

/** The readings of the paper's I/O axis numbers, with microseconds per axis unit. */
export const IO_AXIS_READINGS = [
  { unit: 'us', usPerUnit: 1 },
  { unit: 'ms', usPerUnit: 1000 },
] as const;

/** A reading of the axes. */
export type IoAxisReading = (typeof IO_AXIS_READINGS)[number];

/** A reading is supported when more than this share of kbench's delay means falls inside the paper's delay axes under it. */
export const READING_SUPPORTED_SHARE = 0.5;

/** The delays each figure's axis is compared with: [figure, experiment]. */
const DELAY_AXES = [['Fig. 3 (delay)', 'fig3'], ['Fig. 4 (delay)', 'fig4']] as const;

/** The AVR summary points of an I/O experiment for the paper's five kernels. */
export function avrIoSummary(results: ResultsSet, experiment: string): IoSummaryRow[] {
  const paper = new Set<string>(paperProfileIds());
  const rows = (results.get(experiment) ?? []).filter((r) => r.target === 'avr' && paper.has(String(r.profile))) as unknown as IoRow[];
  return rows.length === 0 ? [] : summariseIoRows(rows);
}

/** Per reading, the share of delay means inside the paper's delay axes; the supported reading, if any. */
export function ioAxisReading(results: ResultsSet): { shares: Readonly<Record<IoAxisReading['unit'], number>>; supported: IoAxisReading | undefined } | undefined {
  const points = DELAY_AXES.flatMap(([figure, experiment]) => {
    const axis = FIGURES.find((f) => f.figure === figure)?.yRangeUs;
    if (axis === undefined) return [];
    return avrIoSummary(results, experiment).flatMap((r) => [r.inputDelayMeanUs, r.resultDelayMeanUs].map((us) => ({ us, axis })));
  });
  if (points.length === 0) return undefined;
  const shareOf = (reading: IoAxisReading): number => points.filter(({ us, axis }) => us / reading.usPerUnit >= axis[0] && us / reading.usPerUnit <= axis[1]).length / points.length;
  const shares = Object.fromEntries(IO_AXIS_READINGS.map((r) => [r.unit, shareOf(r)])) as Record<IoAxisReading['unit'], number>;
  const best = [...IO_AXIS_READINGS].sort((a, b) => shares[b.unit] - shares[a.unit])[0];
  return { shares, supported: best !== undefined && shares[best.unit] > READING_SUPPORTED_SHARE ? best : undefined };
}
