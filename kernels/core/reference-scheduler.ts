/**
 * A small, obviously correct reference for the tests: a ready set as a plain array where the next
 * task is the first one with the smallest key, a newcomer goes behind every task with the same key,
 * and a rotated task goes behind its equals. The designs' real structures must agree with it.
 */
export class ReferenceReady<T> {
  private readonly items: T[] = [];

  constructor(private readonly key: (t: T) => number) {}

  /** Adds `t` behind every task whose key is not larger. */
  insert(t: T): void {
    let i = 0;
    while (i < this.items.length && this.key(this.items[i] as T) <= this.key(t)) i++;
    this.items.splice(i, 0, t);
  }

  /** Removes `t` if present. */
  remove(t: T): void {
    const i = this.items.indexOf(t);
    if (i >= 0) this.items.splice(i, 1);
  }

  /** Moves `t` behind its equals. */
  rotate(t: T): void {
    this.remove(t);
    this.insert(t);
  }

  /** The task the policy runs next. */
  pick(): T | undefined {
    return this.items[0];
  }

  /** The tasks present. */
  get all(): readonly T[] {
    return this.items;
  }
}

/**
 * The order in which jobs released together complete on one CPU with no overhead: by key, ties
 * in creation order (each job runs to completion, nothing else arrives).
 */
export function referenceCompletionOrder(keys: readonly number[]): number[] {
  return keys.map((k, i) => ({ k, i })).sort((a, b) => a.k - b.k || a.i - b.i).map((x) => x.i);
}
