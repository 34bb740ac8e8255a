import { describe, expect, it } from 'vitest';
import { pct, plottedRange } from './prose.ts';

describe("the report's prose numbers", () => {
  it('writes a fraction as a whole percentage', () => {
    expect(pct(0.1)).toBe('10%');
    expect(pct(0.05)).toBe('5%');
    expect(pct(0.126)).toBe('13%');
  });

  it("reads a figure's plotted range from the published data, and refuses a figure the paper does not have", () => {
    // Wang et al. 2010, Figure 1: the y axis runs from 10 to 60 us.
    expect(plottedRange('Fig. 1')).toBe('10-60');
    expect(() => plottedRange('Fig. 9')).toThrow(/the paper has no figure "Fig. 9": known figures are Fig. 1, Fig. 2/);
  });
});
