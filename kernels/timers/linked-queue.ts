import type { Cycles } from '../../hardware/units.ts';
import type { SegmentPlan, TimerStrategy } from '../core/structures.ts';
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

/** Cycles of the priced paths of a queue walked whole at every tick. */
export interface WalkedQueueCycles {
  readonly head: Cycles;
  readonly step: Cycles;
  readonly unlink: Cycles;
  readonly sleep: Cycles;
  readonly cancelStep: Cycles;
}

/**
 * The behaviour shared by WORIX's sleep queue and Webit's timer_info queue: sleepers pushed at the
 * front of an unsorted list, the whole list walked with interrupts off at every tick, expired
 * entries unlinked and woken. The two differ only in what one entry costs (their blocks).
 */
export function walkedQueue(c: WalkedQueueCycles): Pick<TimerStrategy, 'sleep' | 'worstSleepCycles' | 'cancel' | 'tick' | 'idleTickPlan'> {
  const list = new TimerList();
  return {
    sleep(t: Tcb, ticks: number): Cycles {
      t.delay = ticks;
      list.pushFront(t);
      return c.sleep;
    },
    // Pushed at the front: the same whatever the queue holds.
    worstSleepCycles: (): Cycles => c.sleep,
    cancel(t: Tcb): Cycles {
      const { index, prev } = list.find(t);
      if (index < 0) return c.head;
      list.unlink(t, prev);
      t.delay = 0;
      return c.head + index * c.cancelStep + c.unlink;
    },
    tick(plan: SegmentPlan, wake: (t: Tcb) => Cycles): void {
      let cycles = c.head;
      let prev: Tcb | undefined;
      let p = list.head;
      while (p !== undefined) {
        const next = p.timerNext;
        cycles += c.step;
        p.delay--;
        if (p.delay === 0) {
          list.unlink(p, prev);
          cycles += c.unlink + wake(p);
        } else {
          prev = p;
        }
        p = next;
      }
      plan.add(cycles, true);
    },
    idleTickPlan(plan: SegmentPlan, taskCount: number): void {
      plan.add(c.head + taskCount * c.step, true);
    },
  };
}
