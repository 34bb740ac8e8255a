import { describe, expect, it } from 'vitest';
import { grid, groupInOrder, meanCi95, t975 } from './unit-helpers.ts';

describe('unit helpers', () => {
  it('build the grid with the first axis outermost', () => {
    expect(grid({ target: ['avr', 'm4'], tasks: [1, 2] })).toEqual([
      { target: 'avr', tasks: 1 },
      { target: 'avr', tasks: 2 },
      { target: 'm4', tasks: 1 },
      { target: 'm4', tasks: 2 },
    ]);
  });

  it('group in first-seen order', () => {
    expect(groupInOrder([3, 1, 4, 1, 5, 9, 2, 6], (n) => String(n % 2))).toEqual([[3, 1, 1, 5, 9], [4, 2, 6]]);
  });

  it("match the t tables' 0.975 quantiles to 3 decimals", () => {
    // Student's t table, two-sided 95%: df 10 -> 2.228, 30 -> 2.042, 99 -> 1.984.
    expect(t975(10)).toBeCloseTo(2.228, 3);
    // The small-df table and the first expanded value (NIST e-Handbook 1.3.6.7.2: 2.776 at 4, 2.571 at 5).
    expect(t975(4)).toBe(2.776);
    expect(Math.abs(t975(5) - 2.5706)).toBeLessThan(0.001);
    expect(() => t975(0)).toThrow(/degrees of freedom >= 1/);
    expect(t975(30)).toBeCloseTo(2.042, 3);
    expect(t975(99)).toBeCloseTo(1.984, 3);
  });

  it('give the mean and a 95% half-width of t * s / sqrt(n)', () => {
    // 1..11: mean 6, sample sd sqrt(11), n 11: half-width t975(10) * sqrt(11) / sqrt(11) = 2.228.
    const { mean, ci95 } = meanCi95([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(mean).toBe(6);
    expect(ci95).toBeCloseTo(2.228, 3);
  });
});
