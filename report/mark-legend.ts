/*
 * A legend entry for a mark that no data channel names (a range bar, a tick): vega-lite draws a
 * legend only for an encoded channel, so such a mark encodes a constant on the opacity channel,
 * whose one-entry legend says what the mark is.
 */

/** Symbols the legend draws for such a mark: a vertical bar for a range, a horizontal dash for a tick. */
const SYMBOLS = { range: 'M0,-1L0,1', tick: 'M-1,0L1,0' } as const;

/** How opaque these marks are drawn: they sit behind the lines they qualify. */
export const QUALIFYING_MARK_OPACITY = 0.55;

/** The opacity channel naming a mark `label` in the legend, drawn with `symbol`. */
export function legendFor(label: string, symbol: keyof typeof SYMBOLS): Record<string, unknown> {
  return {
    datum: label,
    type: 'nominal',
    scale: { range: [QUALIFYING_MARK_OPACITY] },
    legend: { title: null, symbolType: SYMBOLS[symbol], symbolStrokeWidth: 2, symbolStrokeColor: '#333', symbolSize: 180 },
  };
}
