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
/*
 * The blocks mirror avr-gcc -Os's code for calibration/c/delta_list.c: `code` is every instruction
 * once (the footprint); `exits` are the other outcomes of branches already in `code`, priced for
 * their cycles only. An empty list costs only the head test (the branch out is taken).
 */
const code = {
  tickHead: block('delta-tick-head', ['loadPtr.abs', 'nullbrPtr.fall'], 'p = head; if (p == NULL) return'),
  tickDecrement: block('delta-tick-decrement', ['load16.idx', 'alu16', 'store16.idx'], 'p->delta--'),
  popTest: block('delta-pop-test', ['load16.idx', 'cmpbr16.taken'], 'while (p && p->delta == 0)'),
  pop: block('delta-pop', ['loadPtr.idx', 'storePtr.abs', 'movePtr', 'call', 'loadPtr.abs', 'nullbrPtr.fall'], 'head = p->next; make ready (call); p = head'),
  insertHead: block('delta-insert-head', [['push', 2], 'loadPtr.abs', ['const8', 2]], 'save registers; p = head; prev = NULL'),
  insertTest: block('delta-insert-test', ['nullbrPtr.fall', 'load16.idx', 'cmpbr16.fall'], 'while (p && p->delta <= ticks)'),
  insertAdvance: block('delta-insert-advance', ['alu16', 'movePtr', 'followPtr', 'jump'], '{ ticks -= p->delta; prev = p; p = p->next; } and the jump back'),
  insertLink: block('delta-insert-link', ['movePtr', 'store16.idx', 'storePtr.idx', 'nullbrPtr.taken', 'storePtr.idx2'], 't->delta = ticks; t->next = p; prev->next = t (prev in X)'),
  insertLinkHeadCode: block('delta-insert-link-head-code', ['storePtr.abs', 'jump'], 'the head = t branch of the link'),
  insertAdjustNext: block('delta-insert-adjust-next', ['nullbrPtr.fall', 'load16.idx', 'alu16', 'store16.idx'], 'if (p) p->delta -= ticks'),
  insertEnd: block('delta-insert-end', [['pop', 2]], 'restore registers'),
};
const exits = {
  tickEmpty: block('delta-tick-empty', ['loadPtr.abs', 'nullbrPtr.taken'], 'p == NULL: nothing sleeps'),
  walkEnd: block('delta-insert-walk-end', ['nullbrPtr.taken'], 'p == NULL: the walk ends at the list\'s end'),
  walkStop: block('delta-insert-walk-stop', ['nullbrPtr.fall', 'load16.idx', 'cmpbr16.taken'], 'p->delta > ticks: the walk stops at a node'),
  linkAtHead: block('delta-insert-link-at-head', ['movePtr', 'store16.idx', 'storePtr.idx', 'nullbrPtr.fall', 'storePtr.abs', 'jump'], 't->delta = ticks; t->next = p; head = t'),
  noNext: block('delta-insert-no-next', ['nullbrPtr.taken'], 'p == NULL: no delta to adjust'),
};

/** A delta list of sleepers: one decrement per tick, one pop per expiring task. */
export function deltaList(target: Target): TimerStrategy {
  const c = priceAll(code, target);
  const x = priceAll(exits, target);
  const step = c.insertTest + c.insertAdvance;
  const list = new TimerList();
  return {
    blocks: Object.values(code),
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
      return c.insertHead + steps * step + (p === undefined ? x.walkEnd + x.noNext : x.walkStop + c.insertAdjustNext) + (prev === undefined ? x.linkAtHead : c.insertLink) + c.insertEnd;
    },
    // Sorting in behind every other sleeper.
    worstSleepCycles: (taskCount: number): Cycles => c.insertHead + Math.max(0, taskCount - 1) * step + x.walkEnd + x.noNext + (taskCount <= 1 ? x.linkAtHead : c.insertLink) + c.insertEnd,
    cancel(t: Tcb): Cycles {
      const { index, prev } = list.find(t);
      if (index < 0) return c.insertHead + x.walkEnd + c.insertEnd;
      const next = t.timerNext;
      if (next !== undefined) next.delay += t.delay;
      list.unlink(t, prev);
      t.delay = 0;
      return c.insertHead + index * step + x.walkStop + (index === 0 ? x.linkAtHead : c.insertLink) + c.insertAdjustNext + c.insertEnd;
    },
    tick(plan: SegmentPlan, wake: (t: Tcb) => Cycles): void {
      const head = list.head;
      let cycles = head === undefined ? x.tickEmpty : c.tickHead + c.tickDecrement;
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
      plan.add(c.tickHead + c.tickDecrement + c.popTest, true);
    },
  };
}
