import { FIGURES, type PublishedFigure } from '../experiments/published.ts';

/*
 * The paper's side of Figs. 1-4, drawn on our charts. Its curves were never tabulated and the text
 * extraction keeps only each figure's y axis, so what can be drawn is that axis range: a grey band
 * behind our lines, named in the legend, so a reader sees at once where the paper's curves could lie.
 */

/** The target the paper measured (Wang et al. 2010 time an ATmega128L): its bands go on these charts only. */
export const PAPER_TARGET = 'avr';

/** How the paper's axis numbers are read in microseconds (Figs. 3-4 leave the unit open; see io-reading.ts). */
export interface AxisReading {
  readonly unit: string;
  readonly usPerUnit: number;
}

/** The axes' own unit: Figs. 1-2 label theirs in us. */
export const AS_PRINTED: AxisReading = { unit: 'us', usPerUnit: 1 };

/**
 * A band reaching past this many times the top of our data is cut there: drawn whole it would
 * squash our curves into the bottom of the panel; its legend entry says it was cut.
 */
export const BAND_MAX_STRETCH = 1.5;

const BAND_GREY = '#9a9a9a';
const BAND_OPACITY = 0.3;

/** One published figure by name; throws for a figure the paper does not have. */
export function publishedFigure(figure: string): PublishedFigure {
  const found = FIGURES.find((f) => f.figure === figure);
  if (found === undefined) throw new RangeError(`the paper has no figure "${figure}": known figures are ${FIGURES.map((f) => f.figure).join(', ')}`);
  return found;
}

/** The band of one published figure in our microseconds: where it is drawn and what the legend calls it. */
export interface PaperBand {
  readonly loUs: number;
  readonly hiUs: number;
  readonly label: string;
}

/**
 * The band for `figure` under `reading`, cut at BAND_MAX_STRETCH times `dataTopUs` when it reaches
 * further; its label starts with "paper" and gives the axis as published.
 */
export function paperBand(figure: string, reading: AxisReading, dataTopUs: number): PaperBand {
  const published = publishedFigure(figure);
  const [lo, hi] = published.yRangeUs;
  const loUs = lo * reading.usPerUnit;
  const fullHiUs = hi * reading.usPerUnit;
  const cutAt = dataTopUs * BAND_MAX_STRETCH;
  const cut = fullHiUs > cutAt && cutAt > loUs;
  // The axis as printed (in us, or with no unit: the paper's jitter axes), then how kbench reads it.
  const printedUnit = /\(us\)/.test(published.what) ? 'us' : undefined;
  const range = printedUnit === reading.unit ? `${lo}-${hi} ${printedUnit}` : `${lo}-${hi} (${printedUnit === undefined ? 'no unit' : `printed ${printedUnit}`}, read as ${reading.unit})`;
  // "Fig. 3 (delay)" names its delay axis; "Fig. 1" has one axis.
  const axis = /\((\w+)\)/.exec(published.figure)?.[1];
  return { loUs, hiUs: cut ? cutAt : fullHiUs, label: `paper's ${axis === undefined ? '' : `${axis} `}axis, ${range}${cut ? ', cut' : ''}` };
}

/** A vega-lite layer drawing `band` across the whole width, with its own legend entry; `yTitle` keeps the axis title the other layers give. */
export function paperBandLayer(band: PaperBand, yTitle: string): Record<string, unknown> {
  return {
    data: { values: [{ lo: band.loUs, hi: band.hiUs }] },
    mark: { type: 'rect', opacity: BAND_OPACITY },
    encoding: {
      y: { field: 'lo', type: 'quantitative', title: yTitle },
      y2: { field: 'hi' },
      // A scale of its own (fill, not color), so the band has a legend entry apart from the profiles.
      fill: { datum: band.label, type: 'nominal', scale: { range: [BAND_GREY] }, legend: { title: null, symbolOpacity: BAND_OPACITY } },
    },
  };
}

/**
 * A unit chart `{ width, height, encoding, layer, ... }` with `band` drawn behind its layers: the
 * chart's own encoding moves into a nested layer so that the band, which has no x field, escapes it.
 */
export function withBandBehind(chart: Record<string, unknown>, band: PaperBand | undefined, yTitle: string): Record<string, unknown> {
  if (band === undefined) return chart;
  const { encoding, layer, mark, ...outer } = chart;
  const inner = mark === undefined ? { encoding, layer } : { encoding, mark };
  return { ...outer, layer: [paperBandLayer(band, yTitle), inner] };
}
