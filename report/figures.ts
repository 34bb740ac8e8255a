import type { TopLevelSpec } from 'vega-lite';
import type { Row } from '../experiments/contract.ts';
import { TABLE2_CODE_KB } from '../experiments/published.ts';
import { IO_TASKS } from '../experiments/io-sim.ts';
import { summariseIoRows, type IoSummaryRow } from '../experiments/io-figure.ts';
import type { IoRow } from '../experiments/paper-rows.ts';
import { FONT_FAMILY } from './render.ts';
import { allProfileNames, profileColors, profileName, profileOrder } from './profiles.ts';
import { plottedRange } from './prose.ts';
import type { ResultsSet } from './claims.ts';

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

const CONFIG = {
  font: FONT_FAMILY,
  axis: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal' as const },
  legend: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal' as const },
  title: { fontSize: 15, fontWeight: 'normal' as const, anchor: 'start' as const },
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
function base(title: string, values: Values): Pick<TopLevelSpec, '$schema' | 'config' | 'title' | 'data'> {
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
    width: 420,
    height: 260,
    mark: 'bar',
    encoding: { x: profileX(profileOrder(), 0), xOffset: { field: group, type: 'nominal' }, y, color: { field: group, type: 'nominal', title: groupTitle } },
  };
}

/** What names a figure in the report: its file stem, experiment, title and caption. */
export type FigureText = Omit<Figure, 'spec'>;

/** A figure whose chart, titled `chartTitle` and drawn from `values`, is laid out by `layout` (size, marks, encodings). */
export function figure(text: FigureText, chartTitle: string, values: Values, layout: Record<string, unknown>): Figure {
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
          { mark: { type: 'bar', color: '#4c78a8' }, encoding: { y: { field: 'latencyMaxUs', type: 'quantitative', title: 'latency (us)' } } },
          { mark: { type: 'tick', color: '#e45756', thickness: 3 }, encoding: { y: { field: 'latencyMeanUs', type: 'quantitative' } } },
        ],
      },
    ),
  );
}

function tasksFigures(id: string, rows: readonly Row[], y: string, yTitle: string, title: string, caption: string, band?: readonly [string, string]): Figure[] {
  return targetsOf(rows).map((target) => {
    const line = { mark: { type: 'line', point: true }, encoding: { y: { field: y, type: 'quantitative', title: yTitle } } };
    const layers = band === undefined ? [line] : [{ mark: 'errorbar', encoding: { y: { field: band[0], type: 'quantitative', title: yTitle }, y2: { field: band[1] } } }, line];
    const values = named(rows.filter((r) => r.target === target));
    return figure({ id: `${id}-${target}`, experiment: id, title: `${title}, ${target}`, caption }, `${title}, ${target}`, values, {
      width: 420,
      height: 280,
      encoding: { x: { field: 'tasks', type: 'quantitative', title: 'running tasks', axis: WHOLE, scale: { domain: [1, 8] } }, color: profileColor(values) },
      layer: layers,
    });
  });
}

/** The line style of an I/O series: its framing, with the paper's thresholds marked. */
function scheduling(r: IoSummaryRow): string {
  return r.variant === 'thresholds' ? `${r.framing}, paper's TH_i` : r.framing;
}

function ioFigures(id: string, rows: readonly Row[], caption: string): Figure[] {
  const summary = summariseIoRows(rows as unknown as IoRow[]);
  return targetsOf(rows).map((target) => {
    const values = named(summary.filter((r) => r.target === target).map((r) => ({ ...r, scheduling: scheduling(r) })));
    const panel = (y: keyof IoSummaryRow, ci: keyof IoSummaryRow | undefined, what: string, title: string) => ({
      title: { text: what, anchor: 'middle' },
      width: 300,
      height: 220,
      encoding: {
        x: { field: 'payload', type: 'quantitative', title: 'payload', scale: { zero: false } },
        color: profileColor(values),
        strokeDash: { field: 'scheduling', type: 'nominal', title: 'framing', legend: { labelLimit: 320, symbolType: 'stroke', symbolStrokeWidth: 2, symbolSize: 400, encode: { symbols: { update: { stroke: { value: '#333' } } } } } },
      },
      layer: [
        ...(ci !== undefined ? [{ transform: [{ calculate: `datum.${y} - datum.${ci}`, as: 'lo' }, { calculate: `datum.${y} + datum.${ci}`, as: 'hi' }], mark: 'errorbar', encoding: { y: { field: 'lo', type: 'quantitative', title }, y2: { field: 'hi' } } }] : []),
        { mark: { type: 'line', point: true }, encoding: { y: { field: y, type: 'quantitative', title } } },
      ],
    });
    return figure({ id: `${id}-${target}`, experiment: id, title: `I/O delay and jitter against payload, ${target}`, caption }, `I/O delay and jitter against payload (${id}), ${target}`, values, {
      vconcat: [
        { hconcat: [panel('inputDelayMeanUs', 'inputCi95', 'input event to output', 'mean delay (us), 95% interval'), panel('inputJitterUs', undefined, 'input event to output', 'jitter (us)')] },
        { hconcat: [panel('resultDelayMeanUs', 'resultCi95', 'release to result', 'mean delay (us), 95% interval'), panel('resultJitterUs', undefined, 'release to result', 'jitter (us)')] },
      ],
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
  return targetsOf(rows).map((target) =>
    figure(
      {
        id: `bounds-${target}`,
        experiment: 'bounds',
        title: `Bound violations, ${target}`,
        caption: `Task sets whose simulated max I/O delay exceeds the analytic bound, per profile: the paper's equations as written beside the corrected, overhead-aware analysis (${target}).`,
      },
      `Task sets exceeding the bound, ${target}`,
      framedNames(rows.filter((r) => r.target === target)),
      {
        width: 420,
        height: 260,
        mark: 'bar',
        encoding: {
          x: profileX(framedOrder(), -30),
          xOffset: { field: 'variant', type: 'nominal' },
          y: { field: 'violations', type: 'quantitative', title: 'task sets violating the bound', axis: WHOLE },
          color: { field: 'variant', type: 'nominal', title: 'bound' },
          tooltip: [{ field: 'profileName', title: 'profile' }, { field: 'variant' }, { field: 'violations' }, { field: 'taskSets' }],
        },
      },
    ),
  );
}

function safetyFigures(rows: readonly Row[]): Figure[] {
  const values = named(rows);
  const violations = rows.reduce((n, r) => n + Number(r.violations), 0);
  const text = {
    id: 'safety-tightness',
    experiment: 'safety',
    title: 'Tightness of the analysed bound: simulated worst response over the bound',
    caption: `Per profile and target, over every task of the random safety systems: bar = mean of simulated maximum / analysed bound, tick = the largest ratio (1 would mean the bound was reached). ${violations === 0 ? 'No simulated maximum exceeded its bound.' : `${violations} simulated maxima exceeded their bound.`}`,
  };
  return [
    figure(text, 'Simulated worst response / analysed bound', values, {
      width: 420,
      height: 260,
      encoding: {
        x: profileX(allProfileNames(), -30),
        xOffset: { field: 'target', type: 'nominal' },
        color: { field: 'target', type: 'nominal', title: 'target' },
        tooltip: [{ field: 'profileName', title: 'profile' }, { field: 'target' }, { field: 'tightnessMean', title: 'mean' }, { field: 'tightnessMedian', title: 'median' }, { field: 'tightnessMax', title: 'max' }, { field: 'tasks' }, { field: 'violations' }],
      },
      layer: [
        { mark: 'bar', encoding: { y: { field: 'tightnessMean', type: 'quantitative', title: 'simulated / bound', scale: { domain: [0, 1] } } } },
        { mark: { type: 'tick', color: 'black', thickness: 2 }, encoding: { y: { field: 'tightnessMax', type: 'quantitative' } } },
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
const BUILDERS: Readonly<Record<string, (rows: readonly Row[]) => Figure[]>> = {
  'port-costs': portCostFigures,
  'irq-latency': irqLatencyFigures,
  fig1: (rows) => tasksFigures('fig1', rows, 'maxIrqOffUs', 'max interrupt-disable time (us)', 'Max interrupt-disable time against running tasks', `Longest masked interval per profile and task count (the paper plots ${plottedRange('Fig. 1')} us on the ATmega128L).`),
  fig2: (rows) => tasksFigures('fig2', rows, 'switchMeanUs', 'task-switch time (us)', 'Task-switch time against running tasks', `Mean switch time with its min-max range (the paper plots ${plottedRange('Fig. 2')} us on the ATmega128L); where two profiles switch equally fast (uKernel and uC/OS-II run the same table-driven blocks) one line hides the other.`, ['switchMinUs', 'switchMaxUs']),
  table2: table2Figures,
  fig3: (rows) => ioFigures('fig3', rows, `iDCX 128 and Webit 5.0, fixed priority, Webit also with the paper's run-to-completion thresholds, ${IO_TASKS} tasks: mean over the task sets with its 95% interval; top, from each task's input event to its output pin; bottom, from the job's release to its result (the paper: delay ${plottedRange('Fig. 3 (delay)')} us, jitter ${plottedRange('Fig. 3 (jitter)')} without a unit).`),
  fig4: (rows) => ioFigures('fig4', rows, `WORIX, uKernel and uC/OS-II 128 in the paper's dynamic-priority framing, WORIX also with the paper's run-to-completion thresholds, uC/OS-II's fixed-priority framing beside it; top, input event to output pin; bottom, release to result (the paper: delay ${plottedRange('Fig. 4 (delay)')} us, jitter ${plottedRange('Fig. 4 (jitter)')} without a unit).`),
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
    return rows === undefined || rows.length === 0 || build === undefined ? [] : build(rows);
  });
}
