/**
 * The order in which `count` trees are measured in round `round`: rotated one place each round, so
 * every tree goes first equally often and a burst of load on the machine falls on each alike.
 */
export function alternatingOrder(round: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => (i + round) % count);
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
