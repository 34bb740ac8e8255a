import { block } from '../../hardware/block.ts';
import type { Target } from '../../hardware/target.ts';
import type { Cycles } from '../../hardware/units.ts';
import { priceAll } from '../core/pricing.ts';
import { PRIORITY_ORDER, readyStructure, type ReadyStructure } from '../core/structures.ts';
import type { Tcb } from '../core/tcb.ts';

/*
 * One doubly linked FIFO per priority and a way to find the highest non-empty one, as both
 * FreeRTOS (tasks.c: pxReadyTasksLists[], uxTopReadyPriority) and LiteOS-M (los_sched.c:
 * g_priQueueList[], g_priQueueBitmap) keep their ready tasks. Two selections:
 * - `bitmap`: a 32-bit word with one bit per non-empty priority, and CLZ to find the highest
 *   (FreeRTOS's configUSE_PORT_OPTIMISED_TASK_SELECTION on the Cortex-M, portGET_HIGHEST_PRIORITY;
 *   LiteOS-M's OsSchedPriQueueTopTaskGet). One instruction whatever the task count.
 * - `top-walk`: FreeRTOS's generic selection (taskSELECT_HIGHEST_PRIORITY_TASK without port
 *   support, as on the AVR ports): uxTopReadyPriority only rises when a task is made ready
 *   (taskRECORD_READY_PRIORITY), and the selection walks down from it past empty lists, leaving it
 *   at the priority found. A pick costs one step per empty list it passes, so the walk depends on
 *   the history of readied priorities, not on the task count.
 * kbench numbers priorities 0 = most urgent; FreeRTOS counts the other way, which changes no cost.
 * A task joins its list at the tail (listINSERT_END / LOS_ListTailInsert), so equals are FIFO and
 * a time slice moves the running task to the tail.
 */
const blocks = {
  listLink: block('rdylist-link', ['aluPtr', 'loadPtr.idx', 'storePtr.idx', 'storePtr.idx', 'storePtr.idx', 'storePtr.idx', 'load32.idx', 'alu32', 'store32.idx'], 'list = &readyLists[prio]; link t before the list end; list->count++'),
  listUnlink: block('rdylist-unlink', ['loadPtr.idx', 'loadPtr.idx', 'storePtr.idx', 'storePtr.idx', 'load32.idx', 'alu32', 'store32.idx'], 'next->prev = t->prev; prev->next = t->next; list->count--'),
  bitSet: block('rdybits-set', ['load8.idx', ['const32', 1], 'alu32', 'load32.abs', 'alu32', 'store32.abs'], 'readyBits |= 1 << prio'),
  bitClear: block('rdybits-clear', ['cmpbr32.taken', 'load8.idx', ['const32', 1], 'alu32', 'load32.abs', 'alu32', 'alu32', 'store32.abs'], 'if (list->count == 0) readyBits &= ~(1 << prio)'),
  bitPick: block('rdybits-pick', ['load32.abs', 'clz', 'alu32', 'aluPtr', 'loadPtr.idx', 'loadPtr.idx', 'storePtr.abs'], 'prio = clz(readyBits); current = owner of readyLists[prio] head'),
  topRaise: block('top-raise', ['load8.idx', 'load8.abs', 'cmpbr8.taken', 'store8.abs'], 'if (prio beats uxTopReadyPriority) uxTopReadyPriority = prio'),
  topStart: block('top-start', ['load8.abs'], 'top = uxTopReadyPriority'),
  topStep: block('top-step', ['aluPtr', 'load32.idx', 'cmpbr32.taken', 'alu8'], 'while (readyLists[top] is empty) --top'),
  topHit: block('top-hit', ['aluPtr', 'load32.idx', 'cmpbr32.fall', 'loadPtr.idx', 'loadPtr.idx', 'storePtr.abs', 'store8.abs'], 'current = owner of readyLists[top] head; uxTopReadyPriority = top'),
  waitStep: block('eventlist-step', ['loadPtr.idx', 'load32.idx', 'cmpbr32.taken'], 'walk the event list to the first lower-priority waiter'),
};

/** How the highest ready priority is found. */
export type ReadySelection = 'bitmap' | 'top-walk';

/** The per-priority ready lists of `priorities` levels with `selection` (`bitmap` needs at most 32 levels). */
export function readyLists(target: Target, priorities: number, selection: ReadySelection): ReadyStructure {
  if (selection === 'bitmap' && priorities > 32) throw new RangeError(`ready lists: a 32-bit ready bitmap holds at most 32 priorities, got ${priorities}`);
  const c = priceAll(blocks, target);
  const lists: Tcb[][] = Array.from({ length: priorities }, () => []);
  const bitmap = selection === 'bitmap';
  // kbench's index of FreeRTOS's uxTopReadyPriority: lowest index = most urgent priority marked ready.
  let top = priorities - 1;
  const insertCycles = c.listLink + (bitmap ? c.bitSet : c.topRaise);
  const removeCycles = c.listUnlink + (bitmap ? c.bitClear : 0);
  const pickAlways = c.topStart + c.topHit;

  function insert(t: Tcb): Cycles {
    (lists[t.priority] as Tcb[]).push(t);
    if (t.priority < top) top = t.priority;
    return insertCycles;
  }

  function remove(t: Tcb): Cycles {
    const list = lists[t.priority] as Tcb[];
    const i = list.indexOf(t);
    if (i >= 0) list.splice(i, 1);
    return removeCycles;
  }

  function pickBitmap(): Tcb | undefined {
    self.pickCycles = c.bitPick;
    for (const list of lists) if (list.length > 0) return list[0];
    return undefined;
  }

  function pickWalk(): Tcb | undefined {
    for (let p = top; p < priorities; p++) {
      const list = lists[p] as Tcb[];
      if (list.length > 0) {
        self.pickCycles = pickAlways + (p - top) * c.topStep;
        top = p;
        return list[0];
      }
    }
    // Nothing ready: the walk reaches the idle task's list, the lowest level.
    self.pickCycles = pickAlways + (priorities - 1 - top) * c.topStep;
    top = priorities - 1;
    return undefined;
  }

  const self: ReadyStructure = readyStructure({
    blocks: bitmap ? [blocks.listLink, blocks.listUnlink, blocks.bitSet, blocks.bitClear, blocks.bitPick, blocks.waitStep] : [blocks.listLink, blocks.listUnlink, blocks.topRaise, blocks.topStart, blocks.topStep, blocks.topHit, blocks.waitStep],
    globals: [
      // Each list: its end marker (two links), the walk index and the item count.
      { name: 'readyLists', type: 'ptr', count: 3 * priorities },
      { name: 'readyListCounts', type: 'u32', count: priorities },
      bitmap ? { name: 'readyBits', type: 'u32' } : { name: 'uxTopReadyPriority', type: 'u8' },
    ],
    // The list item every TCB carries: two links, the owner and the containing list.
    tcbFields: [{ name: 'stateListItem', type: 'ptr', count: 4 }],
    flashTableBytes: 0,
    insert,
    remove,
    pick: bitmap ? pickBitmap : pickWalk,
    rotate(t: Tcb): Cycles {
      const list = lists[t.priority] as Tcb[];
      const i = list.indexOf(t);
      if (i >= 0 && list.length > 1) {
        list.splice(i, 1);
        list.push(t);
      }
      return c.listUnlink + c.listLink;
    },
    ...PRIORITY_ORDER,
    waitInsertCycles: (ahead) => c.listLink + ahead * c.waitStep,
    // The walk's longest: from the most urgent level down to the idle task's.
    worstPickCycles: () => (bitmap ? c.bitPick : pickAlways + (priorities - 1) * c.topStep),
    worstInsertCycles: () => insertCycles,
    worstRemoveCycles: () => removeCycles,
  });
  return self;
}
