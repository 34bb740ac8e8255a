import { describe, expect, it } from 'vitest';
import { AS_PRINTED, BAND_MAX_STRETCH, paperBand, withBandBehind } from './paper-band.ts';

const MS = { unit: 'ms', usPerUnit: 1000 };

describe("the paper's band", () => {
  it("spans a figure's published axis in us, labelled as the paper's", () => {
    // Wang et al. 2010, Figure 1: the y axis runs 10-60 us; our data reach 170 us, so nothing is cut.
    expect(paperBand('Fig. 1', AS_PRINTED, 170)).toEqual({ loUs: 10, hiUs: 60, label: "paper's axis, 10-60 us" });
  });

  it('reads an axis in the unit given, and cuts it where it would squash the data', () => {
    // Figure 3's delay axis, 0-35, read in ms is 0-35,000 us; data topping at 2,000 us cut it at 1.5 x 2,000.
    expect(paperBand('Fig. 3 (delay)', MS, 2000)).toEqual({ loUs: 0, hiUs: 2000 * BAND_MAX_STRETCH, label: "paper's delay axis, 0-35 (printed us, read as ms), cut" });
    // Figure 4's jitter axis has no unit: the label says so.
    expect(paperBand('Fig. 4 (jitter)', MS, 30000).label).toBe("paper's jitter axis, 0-25 (no unit, read as ms)");
  });

  it('refuses a figure the paper does not have', () => {
    expect(() => paperBand('Fig. 9', AS_PRINTED, 1)).toThrow(/the paper has no figure "Fig. 9"/);
  });

  it("draws the band behind the chart's layers, which keep their shared encoding", () => {
    const chart = { width: 100, encoding: { x: { field: 'tasks' } }, layer: [{ mark: 'line' }] };
    const spec = withBandBehind(chart, paperBand('Fig. 2', AS_PRINTED, 40), 'us');
    expect(spec.width).toBe(100);
    const layers = spec.layer as Record<string, unknown>[];
    expect(layers[0]).toMatchObject({ mark: { type: 'rect' }, encoding: { fill: { datum: "paper's axis, 15-45 us" } } });
    expect(layers[1]).toEqual({ encoding: chart.encoding, layer: chart.layer });
    expect(withBandBehind(chart, undefined, 'us')).toBe(chart);
  });
});
