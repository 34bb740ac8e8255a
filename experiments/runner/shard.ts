/** A slice of an experiment's units: shard `index` of `count` (0-based, as Kubernetes indexed jobs number them). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/**
 * The unit indices a shard runs: every `count`-th unit starting at `index`. Interleaving rather than
 * contiguous blocks spreads the expensive units (long runs, many tasks) over the shards.
 */
export function shardIndices(unitCount: number, shard: Shard): number[] {
  const indices: number[] = [];
  for (let i = shard.index; i < unitCount; i += shard.count) indices.push(i);
  return indices;
}

/** Parses `i/n` (0 <= i < n); throws a message naming the rule when the text does not fit it. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || count < 1 || index >= count) {
    throw new RangeError(`must be i/n with whole numbers 0 <= i < n (e.g. 0/4), got "${text}"`);
  }
  return { index, count };
}
