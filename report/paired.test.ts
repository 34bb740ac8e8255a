import { describe, expect, it } from 'vitest';
import { above, pairedInterval, seedDifferences } from './paired.ts';

describe('paired intervals', () => {
  it('match a hand derivation: five pairs, t(0.975, 4 df) = 2.776 from the published table', () => {
    // Differences 1, 2, 3, 4, 5: mean 3; deviations -2..2, squares 4 + 1 + 0 + 1 + 4 = 10;
    // sample variance 10 / 4 = 2.5, sd 1.5811; standard error 1.5811 / sqrt(5) = 0.70711;
    // half-width 2.776 * 0.70711 = 1.96293: interval [1.03707, 4.96293].
    const i = pairedInterval([1, 2, 3, 4, 5]);
    expect(i.pairs).toBe(5);
    expect(i.meanDiff).toBe(3);
    expect(i.lo).toBeCloseTo(1.03707, 4);
    expect(i.hi).toBeCloseTo(4.96293, 4);
    expect(above(i)).toBe(true);
  });

  it('holds nothing when the interval includes 0, though the mean is positive', () => {
    // Differences -1, 0, 1, 2, 3: mean 1, same spread as above, interval [1 - 1.963, 1 + 1.963].
    const i = pairedInterval([-1, 0, 1, 2, 3]);
    expect(i.lo).toBeCloseTo(-0.96293, 4);
    expect(above(i)).toBe(false);
  });

  it('pairs two series by seed, over the seeds both hold', () => {
    const a = new Map([[1, 10], [2, 20], [3, 30]]);
    const b = new Map([[3, 1], [1, 2], [4, 9]]);
    expect(seedDifferences(a, b)).toEqual([8, 29]);
  });

  it('refuses a single pair', () => {
    expect(() => pairedInterval([1])).toThrow(/at least 2 pairs/);
  });
});
