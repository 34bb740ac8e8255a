import { describe, expect, it } from 'vitest';
import { alternatingOrder, median } from './alternate.ts';

describe('alternatingOrder', () => {
  it('puts each of two trees first in every other round', () => {
    expect([0, 1, 2, 3].map((r) => alternatingOrder(r, 2)[0])).toEqual([0, 1, 0, 1]);
  });

  it('measures every tree exactly once per round', () => {
    for (let r = 0; r < 5; r++) expect([...alternatingOrder(r, 3)].sort()).toEqual([0, 1, 2]);
  });

  it('keeps a single tree in place', () => {
    expect(alternatingOrder(7, 1)).toEqual([0]);
  });
});

describe('median', () => {
  it('takes the middle of an odd list and the mean of the two middles of an even one', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('refuses an empty list', () => {
    expect(() => median([])).toThrow(RangeError);
  });
});
