import { describe, expect, it } from 'vitest';
import { changeWord, FLAT_WITHIN, pct, plottedRange, signedPct } from './prose.ts';

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

  it('calls a change flat only within FLAT_WITHIN of its first value', () => {
    const growth = 0.05;
    // 31.38 -> 32.5 us is +3.57%: past the 1% of flat, short of the 5% of growth.
    expect(changeWord(31.38, 32.5, growth)).toBe('rises slightly');
    expect(changeWord(100, 100 * (1 + FLAT_WITHIN), growth)).toBe('flat');
    expect(changeWord(100, 100 * (1 - FLAT_WITHIN), growth)).toBe('flat');
    expect(changeWord(100, 101.5, growth)).toBe('rises slightly');
    expect(changeWord(100, 98.5, growth)).toBe('falls slightly');
    expect(changeWord(47, 94, growth)).toBe('grows');
    expect(changeWord(94, 47, growth)).toBe('falls');
    expect(changeWord(0, 0, growth)).toBe('flat');
    expect(() => changeWord(1, 2, FLAT_WITHIN / 2)).toThrow(/must be at least FLAT_WITHIN/);
  });

  it('writes a signed change to the tenth below 10% and whole above', () => {
    expect(signedPct((32.5 - 31.38) / 31.38)).toBe('+3.6%');
    expect(signedPct(-0.5)).toBe('-50%');
    expect(signedPct(0)).toBe('+0%');
  });
});
