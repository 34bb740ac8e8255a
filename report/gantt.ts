import type { TopLevelSpec } from 'vega-lite';
import type { ChromeTrace } from '../analysis/reducers/chrome-trace.ts';
import { FONT_FAMILY } from './render.ts';

/*
 * A window of a run as a Gantt chart (vega-lite), drawn from the same Chrome trace `kbench run
 * --trace` writes: one row per task, interrupt line and the masked sections, with release, switch
 * and lost-job markers (a job of a suspended APP that never ends). Only rows with something in the
 * window are drawn, and only the kinds drawn are in the legend.
 */

/** The part of the run drawn, in microseconds from its start. */
export interface GanttWindow {
  readonly fromUs: number;
  readonly toUs: number;
}

/** What a bar or marker stands for: the legend's entries, in its order. */
const KINDS = ['task running', 'ISR', 'interrupts off', 'release', 'switch in', 'job lost'] as const;
type Kind = (typeof KINDS)[number];
const COLORS: Readonly<Record<Kind, string>> = { 'task running': '#4c78a8', ISR: '#e45756', 'interrupts off': '#f2a93b', release: '#2f7d32', 'switch in': '#444444', 'job lost': '#7b1fa2' };
const BAR_KIND: Readonly<Record<string, Kind>> = { task: 'task running', isr: 'ISR', masked: 'interrupts off' };
const MARKER_KIND: Readonly<Record<string, Kind>> = { release: 'release', switch: 'switch in', lost: 'job lost' };
/** The layer that draws each marker kind. */
const MARKER_LAYER: Readonly<Record<string, string>> = { release: 'release', 'switch in': 'switch', 'job lost': 'lost' };

/** One bar (a span clipped to the window) on a row. */
export interface GanttBar {
  readonly row: string;
  readonly fromUs: number;
  readonly toUs: number;
  readonly kind: Kind;
}

/** One marker on a row. */
export interface GanttMarker {
  readonly row: string;
  readonly atUs: number;
  readonly kind: Kind;
}

/** The rows, bars and markers of a window, rows in the trace's track order. */
export interface GanttData {
  readonly rows: readonly string[];
  readonly bars: readonly GanttBar[];
  readonly markers: readonly GanttMarker[];
}

/** The bars and markers of `trace` inside `window`; spans crossing an edge are clipped to it. */
export function ganttData(trace: ChromeTrace, window: GanttWindow): GanttData {
  const names = new Map<number, string>();
  for (const e of trace.traceEvents) if (e.ph === 'M' && e.name === 'thread_name' && 'name' in e.args) names.set(e.tid, e.args.name);
  const row = (tid: number): string => names.get(tid) ?? `track ${tid}`;
  const bars: GanttBar[] = [];
  const markers: GanttMarker[] = [];
  const used = new Set<number>();
  for (const e of trace.traceEvents) {
    if (e.ph === 'X') {
      const fromUs = Math.max(e.ts, window.fromUs);
      const toUs = Math.min(e.ts + e.dur, window.toUs);
      const kind = BAR_KIND[e.cat];
      if (kind === undefined || toUs <= fromUs) continue;
      bars.push({ row: row(e.tid), fromUs, toUs, kind });
      used.add(e.tid);
    } else if (e.ph === 'i') {
      const kind = MARKER_KIND[e.name];
      if (kind === undefined || e.ts < window.fromUs || e.ts > window.toUs) continue;
      markers.push({ row: row(e.tid), atUs: e.ts, kind });
      used.add(e.tid);
    }
  }
  return { rows: [...used].sort((a, b) => a - b).map(row), bars, markers };
}

/** Pixels per row: room for the label and a marker above the bar. */
const ROW_PX = 26;

/** The vega-lite spec of a Gantt chart of `data` over `window`, titled `title`. */
export function ganttSpec(data: GanttData, window: GanttWindow, title: string): TopLevelSpec {
  const x = { field: 'at', type: 'quantitative', title: 'time since the start of the run (us)', scale: { domain: [window.fromUs, window.toUs], nice: false, zero: false }, axis: { tickCount: 10, grid: true, gridOpacity: 0.3 } };
  const y = { field: 'row', type: 'nominal', title: null, sort: data.rows, scale: { domain: data.rows, paddingInner: 0.35 }, axis: { labelFontSize: 12, labelLimit: 220 } };
  const drawn = new Set<Kind>([...data.bars.map((b) => b.kind), ...data.markers.map((m) => m.kind)]);
  const kinds = KINDS.filter((k) => drawn.has(k));
  const color = { field: 'kind', type: 'nominal', title: null, scale: { domain: kinds, range: kinds.map((k) => COLORS[k]) }, legend: { orient: 'top', direction: 'horizontal', labelFontSize: 12, symbolSize: 120, symbolType: 'square', symbolOpacity: 1 } };
  const values = [
    ...data.bars.map((b) => ({ row: b.row, at: b.fromUs, until: b.toUs, kind: b.kind, outline: COLORS[b.kind], layer: 'bar' })),
    ...data.markers.map((m) => ({ row: m.row, at: m.atUs, kind: m.kind, layer: MARKER_LAYER[m.kind] })),
  ];
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: 1000,
    height: Math.max(1, data.rows.length) * ROW_PX,
    config: { font: FONT_FAMILY, title: { fontSize: 15, fontWeight: 'normal', anchor: 'start' }, axis: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal' }, view: { stroke: '#cccccc' } },
    data: { values },
    layer: [
      // Bars keep a 1 px outline in their own colour, so a span of a few cycles still shows.
      { transform: [{ filter: "datum.layer === 'bar'" }], mark: { type: 'bar', strokeWidth: 1, strokeOpacity: 1 }, encoding: { x, x2: { field: 'until' }, y, color, stroke: { field: 'outline', type: 'nominal', scale: null } } },
      { transform: [{ filter: "datum.layer === 'switch'" }], mark: { type: 'tick', thickness: 1.5, bandSize: ROW_PX * 0.8 }, encoding: { x, y, color } },
      { transform: [{ filter: "datum.layer === 'release'" }], mark: { type: 'point', shape: 'triangle-down', filled: true, size: 70, yOffset: -ROW_PX * 0.42 }, encoding: { x, y, color } },
      // A lost job never ends: a cross on the bar's line where the kernel gave it up.
      { transform: [{ filter: "datum.layer === 'lost'" }], mark: { type: 'point', shape: 'cross', filled: true, size: 110 }, encoding: { x, y, color } },
    ],
  };
  return spec as unknown as TopLevelSpec;
}
