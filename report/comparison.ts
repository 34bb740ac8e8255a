import type { Row } from '../experiments/contract.ts';
import { SWEEP_TASKS } from '../experiments/fig1.ts';
import { IO_PERIOD_RANGE_US } from '../experiments/io-sim.ts';
import type { IoSummaryRow } from '../experiments/io-figure.ts';
import { avrIoSummary, ioAxisReading, type IoAxisReading } from './io-reading.ts';
import { pct } from './prose.ts';
import { FIGURES, type PublishedFigure } from '../experiments/published.ts';
import type { ResultsSet } from './claims.ts';
import type { PortBlockName } from '../hardware/target.ts';
import { avr } from '../hardware/targets/index.ts';
import { markdownTable } from './markdown.ts';
import { studiedTargets } from '../hardware/targets/index.ts';
import { paperProfileIds, profileName } from './profiles.ts';

/*
 * Two generated comparisons the claim verdicts do not cover: how kbench's magnitudes sit against
 * the ranges the paper plots (the claims are about order and shape), and the AVR-to-Cortex-M4
 * summary an architect choosing a meter kernel reads first. Both come from results rows only.
 */

/** Where a published figure's values live in kbench's results. */
interface FigureSource {
  readonly figure: PublishedFigure['figure'];
  readonly experiment: string;
  readonly column: string;
  /** Why kbench's magnitudes sit where they do against the paper's axis. */
  readonly mechanism: string;
}

/** How many instructions of one mnemonic an AVR port block executes (the pushes of its context save). */
function avrPortCount(block: PortBlockName, mnemonic: string): number {
  return avr.port[block].filter((text) => text.split(/\s/)[0]?.toUpperCase() === mnemonic).length;
}

const SOURCES: readonly FigureSource[] = [
  {
    figure: 'Fig. 1',
    experiment: 'fig1',
    column: 'maxIrqOffUs',
    mechanism:
      `the longest masked stretch is the tick ISR: hardware entry, the full context save, the timer walk and the restore run with interrupts off on the kernels whose ISRs do not nest, priced instruction by instruction at ${avr.clockHz / 1e6} MHz`,
  },
  { figure: 'Fig. 2', experiment: 'fig2', column: 'switchMeanUs', mechanism: `the port's context save (${avrPortCount('context-save', 'PUSH')} pushes), the design's pick-next and the restore (${avrPortCount('context-restore', 'POP')} pops), the same port code for every kernel, so the designs differ by their pick-next alone` },
];

const round = (x: number): number => Math.round(x * 100) / 100;

function numbers(rows: readonly Row[], column: string): number[] {
  return rows.map((r) => r[column]).filter((v): v is number => typeof v === 'number');
}

/** One line per published figure: kbench's AVR range for the paper's kernels against the plotted range. */
export function magnitudeLines(results: ResultsSet): string[] {
  const paper = new Set<string>(paperProfileIds());
  const lines: string[] = [];
  for (const source of SOURCES) {
    const published = FIGURES.find((f) => f.figure === source.figure);
    const rows = (results.get(source.experiment) ?? []).filter((r) => r.target === 'avr' && paper.has(String(r.profile)));
    const values = numbers(rows, source.column);
    if (published === undefined || values.length === 0) continue;
    const [lo, hi] = [Math.min(...values), Math.max(...values)];
    const [pLo, pHi] = published.yRangeUs;
    const where = hi <= pHi && lo >= pLo ? 'inside the paper\'s plotted range' : lo > pHi ? `above the paper's plotted range (up to ${round(hi / pHi)}x its top)` : 'partly outside the paper\'s plotted range';
    lines.push(`- **${source.figure}** (\`${source.experiment}\`, ${source.column}): kbench ${round(lo)}-${round(hi)} against the paper's ${pLo}-${pHi}, ${where}. Mechanism: ${source.mechanism}.`);
  }
  return [...lines, ...ioMagnitudeLines(results)];
}

/** The I/O figures' axes, each with the summary columns kbench compares with it. */
const IO_AXES: readonly { figure: PublishedFigure['figure']; experiment: string; columns: readonly [keyof IoSummaryRow, string][]; unitless: boolean }[] = [
  { figure: 'Fig. 3 (delay)', experiment: 'fig3', columns: [['inputDelayMeanUs', 'input to output'], ['resultDelayMeanUs', 'release to result']], unitless: false },
  { figure: 'Fig. 3 (jitter)', experiment: 'fig3', columns: [['inputJitterUs', 'input to output'], ['resultJitterUs', 'release to result']], unitless: true },
  { figure: 'Fig. 4 (delay)', experiment: 'fig4', columns: [['inputDelayMeanUs', 'input to output'], ['resultDelayMeanUs', 'release to result']], unitless: false },
  { figure: 'Fig. 4 (jitter)', experiment: 'fig4', columns: [['inputJitterUs', 'input to output'], ['resultJitterUs', 'release to result']], unitless: true },
];

const IO_JOBS = `the jobs take a share (the payload) of ${IO_PERIOD_RANGE_US.min / 1000}-${IO_PERIOD_RANGE_US.max / 1000} ms periods, and a task's input waits behind the jobs of more urgent tasks released at the same tick`;

/**
 * The I/O figures against the paper's axes: first which unit reading the data supports, then the
 * magnitudes on that reading only. The jitter axes carry no unit, so no ratio is drawn against them.
 */
function ioMagnitudeLines(results: ResultsSet): string[] {
  const reading = ioAxisReading(results);
  if (reading === undefined) return [];
  const { shares, supported } = reading;
  const head = `- **Figs. 3-4, unit of the axes**: the delay axes are labelled us, the jitter axes carry no unit. Of kbench's AVR mean delays (input to output and release to result, every series and payload), ${pct(shares.us)} fall inside the paper's delay axes read as microseconds and ${pct(shares.ms)} read as milliseconds: ${supported === undefined ? 'the data supports neither reading, so no magnitude is compared' : `the data supports the ${supported.unit === 'ms' ? 'millisecond' : 'microsecond'} reading, and the lines below compare on it only`}.`;
  if (supported === undefined) return [head];
  return [head, ...IO_AXES.flatMap((axis) => ioAxisLine(axis, avrIoSummary(results, axis.experiment), supported))];
}

function ioAxisLine(axis: (typeof IO_AXES)[number], summary: readonly IoSummaryRow[], reading: IoAxisReading): string[] {
  const published = FIGURES.find((f) => f.figure === axis.figure);
  if (published === undefined || summary.length === 0) return [];
  const [pLo, pHi] = published.yRangeUs;
  const parts = axis.columns.map(([column, name]) => {
    const values = summary.map((r) => (r[column] as number) / reading.usPerUnit);
    const [lo, hi] = [Math.min(...values), Math.max(...values)];
    const where = hi <= pHi && lo >= pLo ? 'inside' : lo > pHi ? (axis.unitless ? 'above' : `above (up to ${round(hi / pHi)}x its top)`) : 'partly outside';
    return `${name} ${round(lo)}-${round(hi)} ${reading.unit}, ${where}`;
  });
  const unitless = axis.unitless ? ` (read as ${reading.unit}; the axis itself carries no unit, so no ratio is drawn)` : ` ${reading.unit}`;
  return [`- **${axis.figure}** (\`${axis.experiment}\`, mean over the sets): the paper's ${pLo}-${pHi}${unitless}; kbench ${parts.join('; ')}. Mechanism: ${IO_JOBS}.`];
}

function valueAt(results: ResultsSet, experiment: string, match: Readonly<Record<string, string | number>>, column: string): number | null {
  const row = (results.get(experiment) ?? []).find((r) => Object.entries(match).every(([k, v]) => r[k] === v));
  const v = row?.[column];
  return typeof v === 'number' ? round(v) : null;
}

/** The task count the AVR-to-M4 summary reads the sweeps at: the most the paper runs. */
export const SUMMARY_TASKS = Math.max(...SWEEP_TASKS);

/** Per profile on the AVR and the M4: irq-off and switch at SUMMARY_TASKS tasks, code, RAM, breakdown utilisation. */
export function targetSummaryTable(results: ResultsSet): string {
  const profiles = [...new Set((results.get('table2') ?? []).map((r) => String(r.profile)))];
  const rows: Row[] = profiles.flatMap((profile) =>
    studiedTargets().map(({ id: target }) => ({
      profile: profileName(profile),
      target,
      maxIrqOffUs8: valueAt(results, 'fig1', { target, profile, tasks: SUMMARY_TASKS }, 'maxIrqOffUs'),
      switchMeanUs8: valueAt(results, 'fig2', { target, profile, tasks: SUMMARY_TASKS }, 'switchMeanUs'),
      codeBytes: valueAt(results, 'table2', { target, profile }, 'codeBytes'),
      ramBytes: valueAt(results, 'table2', { target, profile }, 'ramBytes'),
      breakdownUtilisation: valueAt(results, 'breakdown', { target, profile }, 'utilisation'),
    })),
  );
  return markdownTable(rows);
}
