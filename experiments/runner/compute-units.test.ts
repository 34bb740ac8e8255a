import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchesOf } from './compute-units.ts';

describe('batches', () => {
  it('keep every index once, in order, at most 32 to a batch', () => {
    fc.assert(
      fc.property(fc.nat(3000), fc.integer({ min: 1, max: 16 }), (n, parallelism) => {
        const batches = batchesOf([...Array(n).keys()], parallelism);
        expect(batches.flat()).toEqual([...Array(n).keys()]);
        for (const b of batches) expect(b.length).toBeLessThanOrEqual(32);
      }),
    );
  });

  it('give each of 2 workers 8 batches of a 160-unit experiment', () => {
    // 160 / (2 workers * 8 batches each) = 10 units a batch, 16 batches.
    expect(batchesOf([...Array(160).keys()], 2).map((b) => b.length)).toEqual(Array(16).fill(10));
  });
});
