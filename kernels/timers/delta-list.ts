import { block } from '../../hardware/block.ts';
import type { Target } from '../../hardware/target.ts';
import type { Cycles } from '../../hardware/units.ts';
import { priceAll } from '../core/pricing.ts';
import type { SegmentPlan, TimerStrategy } from '../core/structures.ts';
import type { Tcb } from '../core/tcb.ts';
import { TimerList } from './linked-queue.ts';

/*
 * A delta list (uC/OS-III's tick list idea, and uKernel's "waiting list counted in ticks" whose
 * timer ISR work "is related with the numbers of tasks whose sleep time will decrease to 0", paper
 * 3.3 and 4.1): sleepers sorted by wake time, each holding the ticks after its predecessor. A tick
 * decrements only the head, then pops every entry whose delta is 0. Inserting walks the list.
 */
const blocks = {
  tick: block('delta-tick', ['loadPtr.abs', 'cmpbrPtr.fall', 'load16.idx', ['const8', 1], 'alu16', 'store16.idx'], 'p = head; if (p) p->delta--'),
  popTest: block('delta-pop-test', ['load16.idx', 'cmpbr16.taken'], 'while (p && p->delta == 0)'),
  pop: block('delta-pop', ['loadPtr.idx', 'storePtr.abs', 'movePtr', 'cmpbrPtr.fall'], 'head = p->next (wake follows); p = head'),
  insertHead: block('delta-insert-head', ['loadPtr.abs', 'cmpbrPtr.fall'], 'p = head'),
  insertStep: block('delta-insert-step', ['load16.idx', 'cmpbr16.fall', 'alu16', 'movePtr', 'loadPtr.idx', 'cmpbrPtr.taken'], 'while (p && p->delta <= ticks) { ticks -= p->delta; prev = p; p = p->next }'),
  insertLink: block('delta-insert-link', ['store16.idx', 'storePtr.idx', 'storePtr.idx', 'cmpbrPtr.fall', 'load16.idx', 'alu16', 'store16.idx'], 'link; t->delta = ticks; next->delta -= ticks'),
};

/** A delta list of sleepers: one decrement per tick, one pop per expiring task. */
export function deltaList(target: Target): TimerStrategy {
  const c = priceAll(blocks, target);
  const list = new TimerList();
  return {
    blocks: Object.values(blocks),
    globals: [{ name: 'delta_head', type: 'ptr' }],
    tcbFields: [{ name: 'deltaNext', type: 'ptr' }],
    sleep(t: Tcb, ticks: number): Cycles {
      let left = ticks;
      let prev: Tcb | undefined;
      let p = list.head;
      let steps = 0;
      while (p !== undefined && p.delay <= left) {
        left -= p.delay;
        prev = p;
        p = p.timerNext;
        steps++;
      }
      t.delay = left;
      t.timerNext = p;
      if (prev === undefined) list.head = t;
      else prev.timerNext = t;
      list.length++;
      if (p !== undefined) p.delay -= left;
      return c.insertHead + steps * c.insertStep + c.insertLink;
    },
    // Sorting in behind every other sleeper.
    worstSleepCycles: (taskCount: number): Cycles => c.insertHead + Math.max(0, taskCount - 1) * c.insertStep + c.insertLink,
    cancel(t: Tcb): Cycles {
      const { index, prev } = list.find(t);
      if (index < 0) return c.insertHead;
      const next = t.timerNext;
      if (next !== undefined) next.delay += t.delay;
      list.unlink(t, prev);
      t.delay = 0;
      return c.insertHead + index * c.insertStep + c.insertLink;
    },
    tick(plan: SegmentPlan, wake: (t: Tcb) => Cycles): void {
      let cycles = c.tick;
      const head = list.head;
      if (head !== undefined) {
        head.delay--;
        for (let p = list.head; p !== undefined && p.delay === 0; p = list.head) {
          list.unlink(p, undefined);
          cycles += c.popTest + c.pop + wake(p);
        }
        cycles += c.popTest;
      }
      plan.add(cycles, true);
    },
    idleTickPlan(plan: SegmentPlan): void {
      plan.add(c.tick + c.popTest, true);
    },
  };
}
