/**
 * A list of entries by id that more can join: the targets, kernel designs and OS profiles are each
 * one, so every listing, sweep and lookup reads the same list and a new entry is one registration.
 */
export class Registry<T extends { readonly id: string }> {
  private readonly entries: T[] = [];
  /** The same entries by id: boots and checks look targets up by id many times per run. */
  private readonly byId = new Map<string, T>();

  /** `kind` names the entries in errors ("target", "design", "profile"). */
  constructor(
    private readonly kind: string,
    initial: readonly T[],
    private readonly check: (entry: T) => void = () => undefined,
  ) {
    for (const entry of initial) this.register(entry);
  }

  /** Every entry, in registration order. */
  all(): readonly T[] {
    return [...this.entries];
  }

  /** The ids of every entry, in registration order. */
  ids(): string[] {
    return this.entries.map((e) => e.id);
  }

  /** The entry with `id`, or undefined. */
  find(id: string): T | undefined {
    return this.byId.get(id);
  }

  /** The entry with `id`; throws naming the known ids when there is none. */
  get(id: string): T {
    const entry = this.find(id);
    if (entry === undefined) throw new RangeError(`unknown ${this.kind} "${id}": known ${this.kind}s are ${this.ids().join(', ')}`);
    return entry;
  }

  /** Adds `entry` after the others; returns the function that removes it again. Throws on a taken id. */
  register(entry: T): () => void {
    if (this.find(entry.id) !== undefined) throw new RangeError(`${this.kind} "${entry.id}" is already registered`);
    this.check(entry);
    this.entries.push(entry);
    this.byId.set(entry.id, entry);
    return () => {
      const at = this.entries.indexOf(entry);
      if (at < 0) return;
      this.entries.splice(at, 1);
      this.byId.delete(entry.id);
    };
  }
}
