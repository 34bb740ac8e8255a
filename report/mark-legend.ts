/*
 * A legend entry for a mark that no data channel names (a range bar, a tick): vega-lite draws a
 * legend only for an encoded channel, so such a mark encodes a constant on the opacity channel,
 * whose one-entry legend says what the mark is. The scale is ordinal: vega-lite's default for a
 * nominal opacity interpolates, and one value interpolates to NaN.
 */

/** Symbols the legend draws for such a mark: a vertical stroke for a range, a flat filled bar for a tick (vega-lite fills a tick's symbol and draws no stroke). */
const SYMBOLS = { range: 'M0,-1L0,1', tick: 'M-1,-0.18L1,-0.18L1,0.18L-1,0.18Z' } as const;

/** How opaque a range bar is drawn: it sits behind the line it qualifies. */
export const QUALIFYING_MARK_OPACITY = 0.55;

/** The opacity channel naming a mark `label` in the legend, drawn with `symbol` at `opacity`. */
export function legendFor(label: string, symbol: keyof typeof SYMBOLS, opacity: number = QUALIFYING_MARK_OPACITY): Record<string, unknown> {
  return {
    datum: label,
    type: 'nominal',
    scale: { type: 'ordinal', domain: [label], range: [opacity] },
    // The symbol drawn dark and whole, whatever the mark's opacity, so the entry reads at a glance.
    legend: { title: null, symbolType: SYMBOLS[symbol], symbolSize: 180, encode: { symbols: { update: { opacity: { value: 1 }, stroke: { value: '#333' }, strokeWidth: { value: 2 } } } } },
  };
}
