import type { Cycles } from '../../hardware/units.ts';
import { readyStructure, type ReadyStructure } from '../core/structures.ts';
import type { Tcb } from '../core/tcb.ts';

/** What a sorted ready structure supplies: its data and walks, and where its first entry is. */
export interface SortedParts extends Omit<ReadyStructure, 'tcbFields' | 'flashTableBytes' | 'pick' | 'pickCycles' | 'rotate' | 'worstPickCycles'> {
  /** The entry that runs next: the head of the sorted order. */
  first(): Tcb | undefined;
  /** The one price of a pick, its worst too: reading the head costs the same whatever the structure holds. */
  readonly pickPrice: Cycles;
}

/**
 * A ready structure kept sorted on insertion (Webit's linked list, iDCX's array table): no TCB
 * fields or flash tables of its own, a pick that takes the first entry at one price, and a rotate
 * that removes a task and inserts it again, which puts it behind its equals.
 */
export function sortedStructure(parts: SortedParts): ReadyStructure {
  const { first, pickPrice, ...rest } = parts;
  const self: ReadyStructure = readyStructure({
    ...rest,
    tcbFields: [],
    flashTableBytes: 0,
    pick(): Tcb | undefined {
      self.pickCycles = pickPrice;
      return first();
    },
    rotate(t: Tcb): Cycles {
      return rest.remove(t) + rest.insert(t);
    },
    worstPickCycles: () => pickPrice,
  });
  return self;
}
