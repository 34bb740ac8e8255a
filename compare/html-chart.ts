import type { Comparison } from './compare.ts';
import { verdictOf } from './compare.ts';

/*
 * The chart on `kbench compare --html`: per hosted row, its minimum slack and its breakdown factor
 * as horizontal bars, drawn by hand in inline SVG so that the page stays one file with no script and
 * nothing loaded from elsewhere. Rows in rank order, as in the table under it.
 */

/** Layout in CSS pixels. */
const LABEL_WIDTH = 190;
const PANEL_WIDTH = 260;
const PANEL_GAP = 60;
const ROW_HEIGHT = 18;
const BAR_HEIGHT = 12;
const TOP = 34;
const BOTTOM = 10;

/** A hosted row as the chart draws it. */
interface ChartRow {
  readonly label: string;
  readonly meets: boolean;
  readonly slackPercent: number | null;
  readonly breakdownFactor: number | null;
  /** Said in place of a missing slack: some task unbounded, or the whole system not analysable. */
  readonly noSlack: string;
}

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** One panel of bars: a value per row against a scale from 0 to `max`, with a reference line at `reference` when given. */
function panel(rows: readonly ChartRow[], x0: number, title: string, value: (r: ChartRow) => number | null, missing: (r: ChartRow) => string, max: number, reference?: number): string {
  const scale = (v: number): number => (Math.max(0, Math.min(v, max)) / max) * PANEL_WIDTH;
  const bars = rows.map((r, i) => {
    const y = TOP + i * ROW_HEIGHT;
    const v = value(r);
    if (v === null) return `<text x="${x0 + 4}" y="${y + BAR_HEIGHT - 2}" class="value">${escapeXml(missing(r))}</text>`;
    const width = scale(v);
    return `<rect x="${x0}" y="${y}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}" class="${r.meets ? 'meets' : 'fails'}"><title>${escapeXml(`${r.label}: ${v}`)}</title></rect><text x="${(x0 + width + 4).toFixed(1)}" y="${y + BAR_HEIGHT - 2}" class="value">${v}</text>`;
  });
  const bottom = TOP + rows.length * ROW_HEIGHT;
  const line = reference === undefined ? '' : `<line x1="${(x0 + scale(reference)).toFixed(1)}" y1="${TOP - 4}" x2="${(x0 + scale(reference)).toFixed(1)}" y2="${bottom}" class="reference"><title>${reference}</title></line>`;
  return `<text x="${x0}" y="${TOP - 12}" class="heading">${escapeXml(title)}</text><line x1="${x0}" y1="${TOP - 4}" x2="${x0}" y2="${bottom}" class="axis"/>${bars.join('')}${line}`;
}

/** The chart as an inline `<svg>` element, or an empty string when no row hosts the workload. */
export function comparisonChartSvg(comparison: Comparison): string {
  const rows: ChartRow[] = comparison.rows.flatMap((r) =>
    r.hosted ? [{ label: `${r.rank}. ${r.profile} on ${r.target}`, meets: verdictOf(r) === 'schedulable', slackPercent: r.analysis.minSlackPercent, breakdownFactor: r.breakdownFactor, noSlack: r.analysis.unanalysable === null ? 'unbounded' : 'not analysable' }] : [],
  );
  if (rows.length === 0) return '';
  const factors = rows.flatMap((r) => (r.breakdownFactor === null ? [] : [r.breakdownFactor]));
  // The factor axis always shows 1 (the workload as given), the line past which a row has headroom.
  const maxFactor = Math.max(1, ...factors) * 1.1;
  const slackX = LABEL_WIDTH;
  const factorX = LABEL_WIDTH + PANEL_WIDTH + PANEL_GAP;
  const width = factorX + PANEL_WIDTH + PANEL_GAP;
  const height = TOP + rows.length * ROW_HEIGHT + BOTTOM;
  const labels = rows.map((r, i) => `<text x="${LABEL_WIDTH - 6}" y="${TOP + i * ROW_HEIGHT + BAR_HEIGHT - 2}" class="label">${escapeXml(r.label)}</text>`).join('');
  return `<svg class="chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="minimum slack and breakdown factor per hosted row">
<style>
.chart text { font-family: 'DejaVu Sans', sans-serif; font-size: 11px; }
.chart .label { text-anchor: end; }
.chart .heading { font-weight: bold; }
.chart .meets { fill: #2a7a2a; }
.chart .fails { fill: #b04040; }
.chart .axis { stroke: #444; }
.chart .reference { stroke: #444; stroke-dasharray: 3 3; }
</style>
${labels}
${panel(rows, slackX, 'minimum slack, % of the deadline', (r) => r.slackPercent, (r) => r.noSlack, 100)}
${panel(rows, factorX, 'breakdown factor (dashed: 1, the workload as given)', (r) => r.breakdownFactor, () => 'not analysable', maxFactor, 1)}
</svg>`;
}
