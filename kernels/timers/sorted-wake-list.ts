import { block, type Block } from '../../hardware/block.ts';
import type { Target } from '../../hardware/target.ts';
import type { Cycles } from '../../hardware/units.ts';
import { priceAll } from '../core/pricing.ts';
import type { SegmentPlan, TimerStrategy } from '../core/structures.ts';
import type { Tcb } from '../core/tcb.ts';

/*
 * A doubly linked list of sleepers sorted by absolute wake tick, as FreeRTOS (list.c vListInsert
 * into pxDelayedTaskList; tasks.c xTaskIncrementTick) and LiteOS-M (los_sortlink.c
 * OsAddNode2SortLink; los_sched.c) keep delayed tasks. A tick costs the same whatever the list
 * holds: the tick count is compared with the head's wake time (FreeRTOS caches it in
 * xNextTaskUnblockTime), and only the expired heads are unlinked. Inserting walks the list; the
 * two kernels walk from opposite ends:
 * - `from-head` (FreeRTOS vListInsert): past every sleeper due at or before the new one (equal
 *   keys go after existing ones), so a long delay walks the whole list.
 * - `from-tail` (LiteOS-M OsAddNode2SortLink): first a test against the head (an earlier time goes
 *   in front, an equal one right behind it), else backwards from the tail past every sleeper due
 *   later, so the longest delay is the cheapest and one just after the head the dearest.
 * Unlinking (a wake or a cancelled timeout) is O(1) on a doubly linked list. The tick count is 32
 * bits here (FreeRTOS's TickType_t on a 32-bit port); its overflow list is not modelled.
 */

/** Which end the insert walks from. */
export type WakeListWalk = 'from-head' | 'from-tail';

const common = {
  tick: block('wake-tick', ['load32.abs', ['const8', 1], 'alu32', 'store32.abs', 'load32.abs', 'cmpbr32.taken'], 'now = ++tickCount; if (now < nextWake) done'),
  expireTest: block('wake-expire-test', ['loadPtr.abs', 'cmpbrPtr.fall', 'loadPtr.idx', 'load32.idx', 'cmpbr32.fall'], 'head = list first; if (head && head->wake <= now)'),
  unlink: block('wake-unlink', ['loadPtr.idx', 'loadPtr.idx', 'storePtr.idx', 'storePtr.idx', 'storePtr.idx'], 'head->prev->next = head->next; head->next->prev = head->prev; item->container = NULL (wake follows)'),
  nextWake: block('wake-next', ['load32.idx', 'store32.abs'], 'nextWake = head ? head->wake : max'),
  sleepStart: block('wake-sleep-start', ['load32.abs', 'alu32', 'store32.idx', 'aluPtr'], 't->wake = tickCount + ticks; it = list end'),
  link: block('wake-link', ['storePtr.idx', 'storePtr.idx', 'storePtr.idx', 'storePtr.idx', 'storePtr.idx', 'load32.abs', 'cmpbr32.fall', 'store32.abs'], 'link t after it; if (t->wake < nextWake) nextWake = t->wake'),
};

const walkBlocks = {
  'from-head': { step: block('wake-walk-head', ['loadPtr.idx', 'load32.idx', 'cmpbr32.taken'], 'for (it = end; it->next->wake <= t->wake; it = it->next)') },
  'from-tail': {
    head: block('wake-head-test', ['loadPtr.idx', 'load32.idx', 'cmpbr32.fall', 'cmpbr32.fall'], 'if (t->wake < head->wake) link at the front; else if equal, right behind it'),
    step: block('wake-walk-tail', ['loadPtr.idx', 'load32.idx', 'cmpbr32.taken'], 'for (it = list->prev; it->wake > t->wake; it = it->prev)'),
  },
} as const;

/** The sorted wake list whose insert walks `walk`. */
export function sortedWakeList(target: Target, walk: WakeListWalk): TimerStrategy {
  const c = priceAll(common, target);
  const w = walk === 'from-head' ? { head: 0, step: priceAll(walkBlocks['from-head'], target).step } : priceAll(walkBlocks['from-tail'], target);
  const list: Tcb[] = [];
  let now = 0;

  /** Where `wake` goes and how many entries the walk passes, by the kernel's own rule. */
  function place(wake: number): { at: number; steps: number } {
    if (walk === 'from-head') {
      let at = 0;
      while (at < list.length && (list[at] as Tcb).delay <= wake) at++;
      return { at, steps: at };
    }
    const head = list[0];
    if (head === undefined || wake < head.delay) return { at: 0, steps: 0 };
    if (wake === head.delay) return { at: 1, steps: 0 };
    let at = list.length;
    while ((list[at - 1] as Tcb).delay > wake) at--;
    // The entries passed, and the one the walk stops at.
    return { at, steps: list.length - at + 1 };
  }

  const blocks: Block[] = [...Object.values(common), ...Object.values(walkBlocks[walk])];
  return {
    blocks,
    globals: [
      { name: 'wakeList', type: 'ptr', count: 2 },
      { name: 'tickCount', type: 'u32' },
      { name: 'nextWake', type: 'u32' },
    ],
    tcbFields: [{ name: 'wakeItem', type: 'ptr', count: 4 }, { name: 'wakeTick', type: 'u32' }],
    sleep(t: Tcb, ticks: number): Cycles {
      t.delay = now + ticks;
      const { at, steps } = place(t.delay);
      list.splice(at, 0, t);
      return c.sleepStart + w.head + steps * w.step + c.link;
    },
    // Walking past every other sleeper.
    worstSleepCycles: (taskCount) => c.sleepStart + w.head + Math.max(0, taskCount - 1) * w.step + c.link,
    cancel(t: Tcb): Cycles {
      const i = list.indexOf(t);
      if (i >= 0) list.splice(i, 1);
      t.delay = 0;
      return c.unlink;
    },
    tick(plan: SegmentPlan, wake: (t: Tcb) => Cycles): void {
      now++;
      let cycles = c.tick;
      const head = list[0];
      if (head !== undefined && head.delay <= now) {
        for (let p = list[0]; p !== undefined && p.delay <= now; p = list[0]) {
          list.shift();
          p.delay = 0;
          cycles += c.expireTest + c.unlink + wake(p);
        }
        cycles += c.expireTest + c.nextWake;
      }
      plan.add(cycles, true);
    },
    idleTickPlan(plan: SegmentPlan): void {
      plan.add(c.tick, true);
    },
  };
}
