import type { Tcb } from '../core/tcb.ts';

/** A singly linked list of TCBs through `timerNext`, with a head pointer, as the C kernels keep it. */
export class TimerList {
  head: Tcb | undefined = undefined;
  length = 0;

  /** Pushes `t` at the front. */
  pushFront(t: Tcb): void {
    t.timerNext = this.head;
    this.head = t;
    this.length++;
  }

  /** Unlinks `t` (given its predecessor, or undefined when `t` is the head). */
  unlink(t: Tcb, prev: Tcb | undefined): void {
    if (prev === undefined) this.head = t.timerNext;
    else prev.timerNext = t.timerNext;
    t.timerNext = undefined;
    this.length--;
  }

  /** Position of `t` (0 = head) and its predecessor, or -1 when absent. */
  find(t: Tcb): { index: number; prev: Tcb | undefined } {
    let prev: Tcb | undefined;
    let index = 0;
    for (let p = this.head; p !== undefined; p = p.timerNext) {
      if (p === t) return { index, prev };
      prev = p;
      index++;
    }
    return { index: -1, prev: undefined };
  }
}
