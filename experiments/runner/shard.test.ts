import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShard, shardIndices } from './shard.ts';

describe('shards', () => {
  it('cover every unit exactly once, whatever the shard count', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.integer({ min: 1, max: 20 }), (units, count) => {
        const all = Array.from({ length: count }, (_, index) => shardIndices(units, { index, count })).flat();
        expect(all.sort((a, b) => a - b)).toEqual([...Array(units).keys()]);
      }),
    );
  });

  it('interleave units so that shard 1 of 3 takes units 1, 4, 7', () => {
    expect(shardIndices(9, { index: 1, count: 3 })).toEqual([1, 4, 7]);
  });

  it('parse i/n and reject an index outside 0..n-1 or text of another shape', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    for (const bad of ['5/5', '1/0', '-1/3', '1-3', 'a/b', '']) expect(() => parseShard(bad)).toThrow(/i\/n/);
  });
});
