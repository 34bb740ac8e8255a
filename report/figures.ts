import type { TopLevelSpec } from 'vega-lite';
import type { Row } from '../experiments/contract.ts';
import { TABLE2_CODE_KB } from '../experiments/published.ts';
import { IO_TASKS } from '../experiments/io-sim.ts';
import { summariseIoRows, type IoSummaryRow } from '../experiments/io-figure.ts';
import type { BoundsRow, IoRow } from '../experiments/paper-rows.ts';
import { FONT_FAMILY } from './render.ts';
import { nestingVariantName } from '../kernels/profiles/nesting.ts';
import { allProfileNames, profileColors, profileName, profileOrder } from './profiles.ts';
import { plottedRange } from './prose.ts';
import type { ResultsSet } from './claims.ts';
import { coincidenceNotes } from './coincidence.ts';
import { ioAxisReading } from './io-reading.ts';
import { AS_PRINTED, PAPER_TARGET, paperBand, withBandBehind, type AxisReading } from './paper-band.ts';
import { OPEN_POINT, profileDash, profileShape } from './profile-marks.ts';
import { BOUND_OUTCOMES, BOUND_VARIANT_NAMES, boundsShares } from './bounds-shares.ts';
import { legendFor } from './mark-legend.ts';

/*
 * The report's charts, as vega-lite specs built from results rows. The paper's figures are written
 * against the row shapes in experiments/paper-rows.ts, so they appear as soon as those experiments
 * have results. Every chart: DejaVu Sans, whole-number axes where the values are whole numbers.
 */

/** One chart of the report. */
export interface Figure {
  /** File stem under paper/figures/. */
  readonly id: string;
  readonly experiment: string;
  readonly title: string;
  readonly caption: string;
  readonly spec: TopLevelSpec;
}

/*
 * Headless vega estimates a label's width at 0.8 em a character (no canvas to measure with), so a
 * label limit sized to real text cuts labels short; the legends' limit is set well past their length.
 */
const CONFIG = {
  font: FONT_FAMILY,
  axis: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal' as const },
  legend: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal' as const, labelLimit: 800 },
  title: { fontSize: 15, fontWeight: 'normal' as const, anchor: 'start' as const, offset: 10, subtitleFontSize: 12, subtitleColor: '#333', subtitlePadding: 4 },
  header: { labelFontSize: 13, titleFontSize: 13 },
};

/** A whole-number axis: integer labels, never a tick between two integers. */
export const WHOLE = { format: 'd', tickMinStep: 1 };

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

type Values = readonly Record<string, unknown>[];

function named(rows: readonly Row[]): Values {
  return rows.map((r) => (typeof r.profile === 'string' ? { ...r, profileName: profileName(r.profile) } : { ...r }));
}

function targetsOf(rows: readonly Row[]): string[] {
  return [...new Set(rows.map((r) => String(r.target)))];
}

/*
 * vega-lite's spec types are deep unions that object literals rarely narrow to, so the builders
 * cast to TopLevelSpec; what checks a spec is compiling and rendering it, which
 * report/build.test.ts does for every builder.
 */
function base(title: ChartTitle, values: Values): Pick<TopLevelSpec, '$schema' | 'config' | 'title' | 'data'> {
  return { $schema: SCHEMA, config: CONFIG, title, data: { values: values as Record<string, unknown>[] } } as Pick<TopLevelSpec, '$schema' | 'config' | 'title' | 'data'>;
}

/** The colour channel: each profile's own colour in every chart, listing only the profiles drawn. */
export function profileColor(values: Values): Record<string, unknown> {
  const present = new Set(values.map((v) => v.profileName));
  const shown = profileColors().filter((p) => present.has(p.name));
  return { field: 'profileName', type: 'nominal', title: 'OS profile', scale: { domain: shown.map((p) => p.name), range: shown.map((p) => p.color) } };
}

/** The x channel of a chart with one group per profile, in `order`. */
function profileX(order: readonly string[], labelAngle: number): Record<string, unknown> {
  return { field: 'profileName', type: 'nominal', title: 'OS profile', sort: order, axis: { labelAngle } };
}

/** Bars per profile in the compared order, the values of `group` side by side in each and coloured apart. */
function groupedProfileBars(group: string, groupTitle: string, y: Record<string, unknown>): Record<string, unknown> {
  return {
    // Wide enough for six profile names side by side at 12 px.
    width: 500,
    height: 260,
    mark: 'bar',
    encoding: { x: profileX(profileOrder(), 0), xOffset: { field: group, type: 'nominal' }, y, color: { field: group, type: 'nominal', title: groupTitle } },
  };
}

/** A chart's title: its text, and lines under it (what the chart marks, e.g. coinciding lines). */
type ChartTitle = string | { readonly text: string; readonly subtitle: readonly string[] };

/** A title with `notes` as its subtitle lines, or the bare text when there are none. */
function titled(text: string, notes: readonly string[]): ChartTitle {
  return notes.length === 0 ? text : { text, subtitle: notes };
}

/** A note as a sentence of a caption: capitalised, with a full stop. */
function sentence(note: string): string {
  return `${note.charAt(0).toUpperCase()}${note.slice(1)}.`;
}

/** What names a figure in the report: its file stem, experiment, title and caption. */
export type FigureText = Omit<Figure, 'spec'>;

/** A figure whose chart, titled `chartTitle` and drawn from `values`, is laid out by `layout` (size, marks, encodings). */
export function figure(text: FigureText, chartTitle: ChartTitle, values: Values, layout: Record<string, unknown>): Figure {
  return { ...text, spec: { ...base(chartTitle, values), ...layout } as TopLevelSpec };
}

function portCostFigures(rows: readonly Row[]): Figure[] {
  const text = { id: 'port-costs', experiment: 'port-costs', title: 'Port code per target (cycles)', caption: 'Cycles of each port sequence, summed from the instruction listing of each target.' };
  return [
    figure(text, 'Port code per target', named(rows), {
      width: 480,
      height: 360,
      mark: 'bar',
      encoding: {
        y: { field: 'block', type: 'nominal', sort: null, title: 'port sequence' },
        yOffset: { field: 'target', type: 'nominal' },
        x: { field: 'cycles', type: 'quantitative', title: 'cycles', axis: WHOLE },
        color: { field: 'target', type: 'nominal', title: 'target' },
        tooltip: [{ field: 'target' }, { field: 'block' }, { field: 'cycles' }, { field: 'us', title: 'us' }, { field: 'bytes' }],
      },
    }),
  ];
}

/** The colour channel naming what a latency mark shows: bars the max, ticks the mean, each in the legend. */
function latencyStatistic(which: 'max over every seed' | 'mean'): Record<string, unknown> {
  return { datum: which, type: 'nominal', scale: { domain: ['max over every seed', 'mean'], range: ['#4c78a8', '#e45756'] }, legend: { title: null } };
}

function irqLatencyFigures(rows: readonly Row[]): Figure[] {
  return targetsOf(rows).map((target) =>
    figure(
      {
        id: `irq-latency-${target}`,
        experiment: 'irq-latency',
        title: `Interrupt latency on the bare port, ${target}`,
        caption: `Raised-to-entered latency per interrupt line on ${target}: bar = max over every seed, tick = mean.`,
      },
      `Interrupt latency per line, bare port, ${target}`,
      named(rows.filter((r) => r.target === target)),
      {
        width: 300,
        height: 240,
        encoding: { x: { field: 'line', type: 'nominal', title: 'interrupt line', sort: null, axis: { labelAngle: 0 } } },
        layer: [
          { mark: 'bar', encoding: { y: { field: 'latencyMaxUs', type: 'quantitative', title: 'latency (us)' }, color: latencyStatistic('max over every seed') } },
          { mark: { type: 'tick', thickness: 3 }, encoding: { y: { field: 'latencyMeanUs', type: 'quantitative' }, color: latencyStatistic('mean') } },
        ],
      },
    ),
  );
}

/** How the task-count charts name their x values in notes. */
const TASK_WORDS = { every: 'at every task count', range: (from: number, to: number) => `at ${from}-${to} tasks` };

/** The largest value any of `fields` takes in `values` (0 when none is a number). */
function topOf(values: Values, fields: readonly string[]): number {
  return Math.max(0, ...values.flatMap((v) => fields.map((f) => v[f]).filter((x): x is number => typeof x === 'number')));
}

/** One line chart per target of `y` against running tasks, each profile with its own colour, dash and point shape; `band` names the min and max fields of a range bar. */
function tasksFigures(id: string, rows: readonly Row[], y: string, yTitle: string, title: string, caption: string, published: string, band?: readonly [string, string]): Figure[] {
  return targetsOf(rows).map((target) => {
    const values = named(rows.filter((r) => r.target === target));
    const yField = { field: y, type: 'quantitative', title: yTitle };
    const range = band === undefined ? [] : [{ mark: { type: 'errorbar', thickness: 1.5 }, encoding: { y: { field: band[0], type: 'quantitative', title: yTitle }, y2: { field: band[1] }, opacity: legendFor('min to max over the run', 'range') } }];
    const layers = [
      ...range,
      { mark: { type: 'line', strokeWidth: 2 }, encoding: { y: yField, strokeDash: profileDash(values) } },
      { mark: OPEN_POINT, encoding: { y: yField, shape: profileShape(values) } },
    ];
    const notes = coincidenceNotes(values, { series: 'profileName', x: 'tasks', y }, TASK_WORDS, 'us');
    const paper = target === PAPER_TARGET ? paperBand(published, AS_PRINTED, topOf(values, [y, ...(band ?? [])])) : undefined;
    const chart = {
      width: 420,
      height: 280,
      encoding: { x: { field: 'tasks', type: 'quantitative', title: 'running tasks', axis: WHOLE, scale: { domain: [1, 8] } }, color: profileColor(values) },
      layer: layers,
    };
    const fullCaption = [caption, paper === undefined ? 'The paper measured the ATmega128L only, so no band of its range here.' : `Grey band: the ${paper.label}.`, ...notes.map(sentence)].join(' ');
    return figure({ id: `${id}-${target}`, experiment: id, title: `${title}, ${target}`, caption: fullCaption }, titled(`${title}, ${target}`, notes), values, withBandBehind(chart, paper, yTitle));
  });
}

/** The line style of an I/O series: its framing, with the paper's thresholds marked. */
function scheduling(r: IoSummaryRow): string {
  return r.variant === 'thresholds' ? `${r.framing}, paper's TH_i` : r.framing;
}

/** fig1's sensitivity variant: every kernel with its tick ISR nesting forced on (dashed) and off (solid), per target. */
function nestingFigures(rows: readonly Row[]): Figure[] {
  return targetsOf(rows).map((target) => {
    const values = named(rows.filter((r) => r.target === target)).flatMap((r) => [
      { ...r, variant: nestingVariantName(true), irqOffUs: r.irqOffNestingOnUs },
      { ...r, variant: nestingVariantName(false), irqOffUs: r.irqOffNestingOffUs },
    ]);
    const title = `Max interrupt-disable time with interrupt nesting on and off, ${target}`;
    const caption =
      "The sensitivity variant of Fig. 1: each kernel run with its tick ISR's interrupts enabled (nesting on, dashed: only its critical sections mask) and kept masked (nesting off, solid). The Fig. 1 chart draws each kernel as its port has it; the fig1 rows' nesting and nestingBasis columns say which value that is and whether a port or the paper was cited for it. Where a kernel's two lines coincide (its tick work masks itself either way, as MOS's does), only the solid line shows.";
    return figure({ id: `fig1-nesting-${target}`, experiment: 'fig1', title, caption }, title, values, {
      width: 420,
      height: 280,
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'tasks', type: 'quantitative', title: 'running tasks', axis: WHOLE, scale: { domain: [1, 8] } },
        y: { field: 'irqOffUs', type: 'quantitative', title: 'max interrupt-disable time (us)' },
        color: profileColor(values),
        strokeDash: { field: 'variant', type: 'nominal', title: 'variant', sort: [nestingVariantName(false), nestingVariantName(true)], legend: { symbolType: 'stroke', symbolStrokeWidth: 2, symbolSize: 400, encode: { symbols: { update: { stroke: { value: '#333' } } } } } },
        detail: { field: 'variant' },
      },
    });
  });
}

/** How the I/O charts name their x values in notes. */
const PAYLOAD_WORDS = { every: 'at every payload', range: (from: number, to: number) => `at payload ${from}-${to}` };

/** One panel of an I/O figure: what it plots, and which of the paper's axes its band is. */
interface IoPanel {
  readonly y: keyof IoSummaryRow;
  readonly ci: keyof IoSummaryRow | undefined;
  readonly what: string;
  readonly title: string;
  readonly axis: 'delay' | 'jitter';
}

const IO_PANELS: readonly (readonly [IoPanel, IoPanel])[] = [
  [
    { y: 'inputDelayMeanUs', ci: 'inputCi95', what: 'input event to output', title: 'mean delay (us)', axis: 'delay' },
    { y: 'inputJitterUs', ci: undefined, what: 'input event to output', title: 'jitter (us)', axis: 'jitter' },
  ],
  [
    { y: 'resultDelayMeanUs', ci: 'resultCi95', what: 'release to result', title: 'mean delay (us)', axis: 'delay' },
    { y: 'resultJitterUs', ci: undefined, what: 'release to result', title: 'jitter (us)', axis: 'jitter' },
  ],
];

/*
 * An I/O panel names only lines that coincide at every payload: at low payload every series
 * converges (hundreds of us on an axis of tens of ms), which the panel shows plainly, and naming
 * each such stretch would bury the lines that really hide one another.
 */

/** One panel's chart, with the paper's band for `published` (e.g. "Fig. 3") under `reading` on the paper's target; its coincidence notes go to `notes`. */
function ioPanel(values: Values, panel: IoPanel, published: string, reading: AxisReading | undefined, notes: string[]): Record<string, unknown> {
  const { y, ci, what, title } = panel;
  const withCi = ci === undefined ? values : values.map((v) => ({ ...v, lo: Number(v[y]) - Number(v[ci]), hi: Number(v[y]) + Number(v[ci]) }));
  const yField = { field: y, type: 'quantitative', title };
  const chart = {
    title: { text: what, anchor: 'middle' },
    width: 300,
    height: 220,
    encoding: {
      x: { field: 'payload', type: 'quantitative', title: 'payload', scale: { zero: false } },
      color: profileColor(values),
      strokeDash: { field: 'scheduling', type: 'nominal', title: 'framing', legend: { symbolType: 'stroke', symbolStrokeWidth: 2, symbolSize: 400, encode: { symbols: { update: { stroke: { value: '#333' } } } } } },
    },
    layer: [
      ...(ci !== undefined ? [{ data: { values: withCi }, mark: { type: 'errorbar', thickness: 1.5 }, encoding: { y: { field: 'lo', type: 'quantitative', title }, y2: { field: 'hi' }, opacity: legendFor('95% interval of the mean', 'range') } }] : []),
      { mark: { type: 'line', strokeWidth: 2 }, encoding: { y: yField } },
      { mark: OPEN_POINT, encoding: { y: yField, shape: profileShape(values) } },
    ],
  };
  const series = values.map((v) => ({ ...v, series: `${String(v.profileName)}, ${String(v.scheduling)}` }));
  notes.push(...coincidenceNotes(series, { series: 'series', x: 'payload', y }, PAYLOAD_WORDS, 'us', { everywhereOnly: true }).map((n) => `${what}, ${title.replace(/ \(us\)$/, '')}: ${n}`));
  const band = reading === undefined ? undefined : paperBand(`${published} (${panel.axis})`, reading, topOf(withCi, [y, 'hi']));
  return withBandBehind(chart, band, title);
}

/** The four-panel I/O figure per target; `reading` is the unit reading of the paper's axes the data supports (as printed when none is). */
function ioFigures(id: string, rows: readonly Row[], caption: string, published: string, reading: AxisReading | undefined): Figure[] {
  const summary = summariseIoRows(rows as unknown as IoRow[]);
  return targetsOf(rows).map((target) => {
    const values = named(summary.filter((r) => r.target === target).map((r) => ({ ...r, scheduling: scheduling(r) })));
    const notes: string[] = [];
    const bandReading = target === PAPER_TARGET ? (reading ?? AS_PRINTED) : undefined;
    const rowsOfPanels = IO_PANELS.map((pair) => ({ hconcat: pair.map((panel) => ioPanel(values, panel, published, bandReading, notes)) }));
    const readingNote = bandReading === undefined ? 'The paper measured the ATmega128L only, so no band of its axes here.' : `Grey bands: the paper's axes (${reading === undefined ? 'as printed, no reading of their unit is supported by the data' : `read as ${reading.unit}, the reading the data supports`}).`;
    const fullCaption = [caption, readingNote, ...notes.map(sentence)].join(' ');
    return figure({ id: `${id}-${target}`, experiment: id, title: `I/O delay and jitter against payload, ${target}`, caption: fullCaption }, titled(`I/O delay and jitter against payload (${id}), ${target}`, notes), values, {
      vconcat: rowsOfPanels,
      spacing: 24,
      // Below the panels, so the four-panel figure keeps to the report's width.
      config: { ...CONFIG, legend: { ...CONFIG.legend, orient: 'bottom', direction: 'vertical' } },
    });
  });
}

function table2Figures(rows: readonly Row[]): Figure[] {
  const values = rows
    .filter((r) => r.target === 'avr')
    .flatMap((r) => {
      const ours = { profileName: profileName(String(r.profile)), source: 'kbench', bytes: r.codeBytes };
      const kb = TABLE2_CODE_KB.values[String(r.profile)];
      return kb === undefined ? [ours] : [ours, { profileName: ours.profileName, source: 'paper, Table 2', bytes: Math.round(kb * TABLE2_CODE_KB.bytesPerKB) }];
    });
  if (values.length === 0) return [];
  const text = {
    id: 'table2-avr',
    experiment: 'table2',
    title: 'Kernel code size on the ATmega128L: kbench beside the paper',
    caption: `Code bytes per profile on the AVR; the paper's Table 2 in KB taken as ${TABLE2_CODE_KB.bytesPerKB} bytes (${TABLE2_CODE_KB.source}).`,
  };
  return [
    figure(text, 'Kernel code size, avr: kbench beside the paper', values, groupedProfileBars('source', '', { field: 'bytes', type: 'quantitative', title: 'code bytes', axis: WHOLE })),
  ];
}

function breakdownFigures(rows: readonly Row[]): Figure[] {
  const title = 'Breakdown utilisation of the meter workload';
  const text = { id: 'breakdown', experiment: 'breakdown', title, caption: 'The highest utilisation at which the meter workload stays schedulable, kernel overhead included.' };
  return [
    figure(text, title, named(rows), groupedProfileBars('target', 'target', { field: 'utilisation', type: 'quantitative', title: 'utilisation', scale: { domain: [0, 1] } })),
  ];
}

/** Compared profile names in order, each followed by its EDF framing (bounds rows name it `<id>-edf`). */
function framedOrder(): string[] {
  return profileOrder().flatMap((name) => [name, `${name} (EDF)`]);
}

/** Rows named as `named` does, an `<id>-edf` profile as its kernel's name with "(EDF)". */
function framedNames(rows: readonly Row[]): Values {
  return named(rows).map((r) => {
    const id = String(r.profile);
    return id.endsWith('-edf') ? { ...r, profileName: `${profileName(id.slice(0, -'-edf'.length))} (EDF)` } : r;
  });
}

function boundsFigures(rows: readonly Row[]): Figure[] {
  return targetsOf(rows).map((target) => {
    const shares = boundsShares(rows.filter((r) => r.target === target) as unknown as BoundsRow[]);
    const values = framedNames(shares as unknown as Row[]);
    return figure(
      {
        id: `bounds-${target}`,
        experiment: 'bounds',
        title: `Bound violations, ${target}`,
        caption: `Share of each profile's task sets whose simulated max I/O delay exceeds the analytic bound (red) or stays within it, under the paper's equations as written (left) and the corrected, overhead-aware analysis (right), on ${target}; the profiles run different numbers of sets, so the bars are shares, not counts.`,
      },
      `Share of task sets exceeding the bound, ${target}`,
      values,
      {
        width: 300,
        height: 240,
        mark: 'bar',
        encoding: {
          column: { field: 'bound', type: 'nominal', title: null, sort: Object.values(BOUND_VARIANT_NAMES), header: { labelFontSize: 13 } },
          x: profileX(framedOrder(), -35),
          y: { field: 'share', type: 'quantitative', title: 'share of task sets', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
          color: { field: 'outcome', type: 'nominal', title: 'simulated max delay', sort: [BOUND_OUTCOMES.exceeded, BOUND_OUTCOMES.held], scale: { domain: [BOUND_OUTCOMES.exceeded, BOUND_OUTCOMES.held], range: ['#d6604d', '#c7d9e8'] } },
          order: { field: 'outcome', sort: 'descending' },
          tooltip: [{ field: 'profileName', title: 'profile' }, { field: 'bound' }, { field: 'outcome' }, { field: 'share', format: '.1%' }, { field: 'sets' }, { field: 'taskSets', title: 'task sets' }],
        },
      },
    );
  });
}

function safetyFigures(rows: readonly Row[]): Figure[] {
  const values = named(rows);
  const violations = rows.reduce((n, r) => n + Number(r.violations), 0);
  const bestCase = rows.reduce((n, r) => n + Number(r.bestCaseViolations ?? 0), 0);
  const text = {
    id: 'safety-tightness',
    experiment: 'safety',
    title: 'Tightness of the analysed bound: simulated worst response over the bound',
    caption: `Per profile and target, over every task of the random safety systems: bar = mean of simulated maximum / analysed bound, tick = the largest ratio (1 would mean the bound was reached). ${violations === 0 ? 'No simulated maximum exceeded its bound.' : `${violations} simulated maxima exceeded their bound.`} ${bestCase === 0 ? 'No job ended sooner than its best-case bound (BCRT).' : `${bestCase} tasks had a job end sooner than their best-case bound (BCRT).`}`,
  };
  return [
    figure(text, 'Simulated worst response / analysed bound', values, {
      width: 420,
      height: 260,
      encoding: {
        x: profileX(allProfileNames(), -30),
        xOffset: { field: 'target', type: 'nominal' },
        color: { field: 'target', type: 'nominal', title: 'target' },
        tooltip: [{ field: 'profileName', title: 'profile' }, { field: 'target' }, { field: 'tightnessMean', title: 'mean' }, { field: 'tightnessMedian', title: 'median' }, { field: 'tightnessMax', title: 'max' }, { field: 'tasks' }, { field: 'violations' }, { field: 'bestCaseViolations', title: 'best-case violations' }],
      },
      layer: [
        { mark: 'bar', encoding: { y: { field: 'tightnessMean', type: 'quantitative', title: 'simulated / bound', scale: { domain: [0, 1] } } } },
        { mark: { type: 'tick', color: 'black', thickness: 2 }, encoding: { y: { field: 'tightnessMax', type: 'quantitative' }, opacity: legendFor('largest ratio', 'tick', 1) } },
      ],
    }),
  ];
}

function indicatorFigures(rows: readonly Row[]): Figure[] {
  return targetsOf(rows).map((target) => {
    // A null value is a benchmark the profile cannot run (the note says why): no bar.
    const values = named(rows.filter((r) => r.target === target && typeof r.valueUs === 'number'));
    const title = `Q/GDW 12180 indicators and Rhealstones, ${target}`;
    const caption = `Mean of each benchmark's span per profile on ${target}; a missing bar is a benchmark the profile cannot run or whose situation never arose (the table's note says which).`;
    return figure({ id: `indicators-${target}`, experiment: 'indicators', title, caption }, title, values, {
      width: 420,
      height: 640,
      mark: 'bar',
      encoding: {
        // In the experiment's order, which the rows of every profile (null values included) keep.
        y: { field: 'indicator', type: 'nominal', sort: [...new Set(rows.map((r) => String(r.indicator)))], title: null, axis: { labelLimit: 300 } },
        yOffset: { field: 'profileName', type: 'nominal', sort: profileOrder() },
        x: { field: 'valueUs', type: 'quantitative', title: 'mean time (us)' },
        color: profileColor(values),
        tooltip: [{ field: 'profileName', title: 'profile' }, { field: 'indicator' }, { field: 'valueUs', title: 'us' }, { field: 'cycles' }, { field: 'note' }],
      },
    });
  });
}

/** Figure builders by experiment id. An experiment without one appears in the report as a table. */
const BUILDERS: Readonly<Record<string, (rows: readonly Row[], results: ResultsSet) => Figure[]>> = {
  'port-costs': portCostFigures,
  'irq-latency': irqLatencyFigures,
  fig1: (rows) => [
    ...tasksFigures('fig1', rows, 'maxIrqOffUs', 'max interrupt-disable time (us)', 'Max interrupt-disable time against running tasks', `Longest masked interval per profile and task count, each kernel nesting interrupts as its port does (the paper plots ${plottedRange('Fig. 1')} us on the ATmega128L).`, 'Fig. 1'),
    ...nestingFigures(rows),
  ],
  fig2: (rows) => tasksFigures('fig2', rows, 'switchMeanUs', 'task-switch time (us)', 'Task-switch time against running tasks', `Mean switch time with its min-max range (the paper plots ${plottedRange('Fig. 2')} us on the ATmega128L).`, 'Fig. 2', ['switchMinUs', 'switchMaxUs']),
  table2: table2Figures,
  fig3: (rows, results) => ioFigures('fig3', rows, `iDCX 128 and Webit 5.0, fixed priority, Webit also with the paper's run-to-completion thresholds, ${IO_TASKS} tasks: mean over the task sets with its 95% interval; top, from each task's input event to its output pin; bottom, from the job's release to its result (the paper: delay ${plottedRange('Fig. 3 (delay)')} us, jitter ${plottedRange('Fig. 3 (jitter)')} without a unit).`, 'Fig. 3', ioAxisReading(results)?.supported),
  fig4: (rows, results) => ioFigures('fig4', rows, `WORIX, uKernel and uC/OS-II 128 in the paper's dynamic-priority framing, WORIX also with the paper's run-to-completion thresholds, uC/OS-II's fixed-priority framing beside it; top, input event to output pin; bottom, release to result (the paper: delay ${plottedRange('Fig. 4 (delay)')} us, jitter ${plottedRange('Fig. 4 (jitter)')} without a unit).`, 'Fig. 4', ioAxisReading(results)?.supported),
  bounds: boundsFigures,
  indicators: indicatorFigures,
  breakdown: breakdownFigures,
  safety: safetyFigures,
};

/** Every chart the results support, in experiment order. */
export function figuresFor(results: ResultsSet, order: readonly string[]): Figure[] {
  return order.flatMap((id) => {
    const rows = results.get(id);
    const build = BUILDERS[id];
    return rows === undefined || rows.length === 0 || build === undefined ? [] : build(rows, results);
  });
}
