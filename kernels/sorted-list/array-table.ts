import { block } from '../../hardware/block.ts';
import type { Target } from '../../hardware/target.ts';
import type { Cycles } from '../../hardware/units.ts';
import { priceAll } from '../core/pricing.ts';
import { PRIORITY_ORDER, type ReadyStructure } from '../core/structures.ts';
import type { Tcb } from '../core/tcb.ts';
import { TcbSlots } from '../core/tcb-slots.ts';
import { sortedStructure } from './sorted-structure.ts';

/*
 * iDCX 128's task_ready_tab (paper 4.2): "its tasks are sorted by priority in the task_ready_tab
 * ... Each memory unit of task_ready_tab stores the ITD and priority of tasks' at the same time.
 * While creating some new tasks or some tasks becoming the state of ready, these tasks will insert
 * into the task_ready_tab by the order of priority ... the scheduling program only needs to fetch
 * the task in the beginning". An array of (task descriptor, priority) entries: insert scans from
 * the back, shifting each entry of lower priority down one slot as it passes it (one loop, as
 * avr-gcc -Os compiles calibration/c/array_table.c), then stores the newcomer; remove finds the
 * entry from the front and shifts the entries behind it up; pick reads entry 0. Equal priorities go
 * behind existing ones. `code` holds every instruction once (the footprint); `exits` are the other
 * outcomes of branches already in `code`, priced for their cycles only.
 */
const code = {
  insertHead: block('rdytab-insert-head', ['load8.abs', 'cmpbr8.fall', 'move8', 'move8', 'const8'], 'i = ready_count; if (i >= SIZE) return 0'),
  insertFull: block('rdytab-insert-full', ['const8', 'ret'], 'return 0 (table full)'),
  insertTest: block('rdytab-insert-test', ['cmpbr8.fall', 'movePtr', 'aluPtr', 'aluPtr', 'load8.idx2', 'cmpbr8.fall'], 'while (i > 0 && tab[i-1].prio > prio)'),
  shiftStep: block('rdytab-shift-step', ['aluPtr', 'movePtr', 'aluPtr', 'load16.idx', 'store16.idx', 'alu8', 'jump'], '{ tab[i] = tab[i-1]; i--; } and the jump back'),
  insertStore: block('rdytab-insert-store', ['aluPtr', 'movePtr', 'aluPtr', 'store8.idx', 'store8.idx', 'alu8', 'store8.abs', 'const8'], 'tab[i] = (itd, prio); ready_count++; return 1'),
  removeHead: block('rdytab-remove-head', ['load8.abs', 'constPtr'], 'n = ready_count; p = task_ready_tab'),
  removeStep: block('rdytab-remove-step', ['load8.idx', 'cmpbr8.taken', 'aluPtr'], 'find the entry of the task'),
  removeShift: block('rdytab-remove-shift', ['load8.idx', 'store8.idx', 'load8.idx', 'store8.idx', 'alu8', 'cmpbr8.taken'], 'tab[i] = tab[i+1] (ITD and priority bytes)'),
  removeEnd: block('rdytab-remove-end', ['load8.abs', 'alu8', 'store8.abs'], 'ready_count--'),
  pick: block('rdytab-pick', ['load8.abs', 'cmpbr8.fall', 'load8.abs', 'store8.abs'], 'if (ready_count) next = task_ready_tab[0].itd'),
};
const exits = {
  scanEnd: block('rdytab-insert-scan-end', ['cmpbr8.taken'], 'i == 0: the newcomer goes first'),
  scanStop: block('rdytab-insert-scan-stop', ['cmpbr8.fall', 'movePtr', 'aluPtr', 'aluPtr', 'load8.idx2', 'cmpbr8.taken'], 'tab[i-1].prio <= prio: the scan stops'),
};

/** iDCX's sorted array ready table for up to `capacity` tasks. */
export function sortedArrayTable(target: Target, capacity: number): ReadyStructure {
  const c = priceAll(code, target);
  const x = priceAll(exits, target);
  const shift = c.insertTest + c.shiftStep;
  const tab = new TcbSlots();

  function insert(t: Tcb): Cycles {
    let i = tab.length;
    while (i > 0 && (tab.at(i - 1) as Tcb).priority > t.priority) i--;
    const shifted = tab.length - i;
    tab.insertAt(i, t);
    return c.insertHead + shifted * shift + (i === 0 ? x.scanEnd : x.scanStop) + c.insertStore;
  }

  function remove(t: Tcb): Cycles {
    const i = tab.indexOf(t);
    if (i < 0) return c.removeHead + tab.length * c.removeStep;
    tab.removeAt(i);
    return c.removeHead + (i + 1) * c.removeStep + (tab.length - i) * c.removeShift + c.removeEnd;
  }

  return sortedStructure({
    blocks: Object.values(code),
    globals: [
      { name: 'task_ready_tab', type: 'u8', count: 2 * capacity },
      { name: 'ready_count', type: 'u8' },
    ],
    insert,
    remove,
    first: () => tab.at(0),
    pickPrice: c.pick,
    ...PRIORITY_ORDER,
    // Scanning from the back: a waiter that sorts in behind the others shifts nothing.
    waitInsertCycles: (ahead) => c.insertHead + (ahead === 0 ? x.scanEnd : x.scanStop) + c.insertStore,
    worstInsertCycles: (taskCount) => c.insertHead + taskCount * shift + x.scanEnd + c.insertStore,
    // Removing entry i of n costs (i + 1) finds and (n - 1 - i) shifts: linear in i, so worst at an end.
    worstRemoveCycles: (taskCount) => {
      const n = Math.max(1, taskCount);
      return c.removeHead + Math.max(c.removeStep + (n - 1) * c.removeShift, n * c.removeStep) + c.removeEnd;
    },
  });
}
