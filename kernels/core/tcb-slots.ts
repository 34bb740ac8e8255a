import type { Tcb } from './tcb.ts';

/**
 * An ordered list of TCBs that keeps its storage: the ready FIFOs and tables a kernel inserts into
 * and removes from on every release and block. A plain array gives its backing store back when it
 * empties (splice, pop and shift to length 0, or far below its capacity) and allocates a new one on
 * the next push, and splice returns a new array each call: about two objects per job. Here the
 * slots past `length` stay allocated (cleared, so no TCB is kept alive), so after the first jobs
 * the list allocates nothing.
 */
export class TcbSlots {
  private readonly slots: (Tcb | undefined)[] = [];
  /** Entries in the list (the slots past it are empty). */
  length = 0;

  /** The entry at `i` (0: the head), undefined past the end. */
  at(i: number): Tcb | undefined {
    return i < this.length ? this.slots[i] : undefined;
  }

  /** Position of `t`, -1 when absent. */
  indexOf(t: Tcb): number {
    for (let i = 0; i < this.length; i++) if (this.slots[i] === t) return i;
    return -1;
  }

  /** Appends `t` at the tail. */
  push(t: Tcb): void {
    if (this.length < this.slots.length) this.slots[this.length] = t;
    else this.slots.push(t);
    this.length++;
  }

  /** Inserts `t` at `i` (0 <= i <= length), moving the entries from `i` on one place back. */
  insertAt(i: number, t: Tcb): void {
    this.push(t);
    for (let j = this.length - 1; j > i; j--) this.slots[j] = this.slots[j - 1];
    this.slots[i] = t;
  }

  /** Removes the entry at `i` (0 <= i < length), moving the entries behind it one place forward. */
  removeAt(i: number): void {
    for (let j = i + 1; j < this.length; j++) this.slots[j - 1] = this.slots[j];
    this.length--;
    this.slots[this.length] = undefined;
  }
}
