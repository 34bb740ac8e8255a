import { block } from '../../hardware/block.ts';
import type { Target } from '../../hardware/target.ts';
import type { Cycles } from '../../hardware/units.ts';
import { priceAll } from '../core/pricing.ts';
import { PRIORITY_ORDER, type ReadyStructure } from '../core/structures.ts';
import type { Tcb } from '../core/tcb.ts';
import { sortedStructure } from './sorted-structure.ts';

/*
 * iDCX 128's task_ready_tab (paper 4.2): "its tasks are sorted by priority in the task_ready_tab
 * ... Each memory unit of task_ready_tab stores the ITD and priority of tasks' at the same time.
 * While creating some new tasks or some tasks becoming the state of ready, these tasks will insert
 * into the task_ready_tab by the order of priority ... the scheduling program only needs to fetch
 * the task in the beginning". An array of (task descriptor, priority) entries: insert compares
 * from the front, then shifts the entries behind down one slot; remove shifts them back up; pick
 * reads entry 0. Equal priorities go behind existing ones.
 */
const blocks = {
  insertHead: block('rdytab-insert-head', ['load8.idx', 'load8.abs', 'constPtr'], 'prio = t->prio; n = ready_count; p = task_ready_tab'),
  insertStep: block('rdytab-insert-step', ['load8.idx', 'cmpbr8.taken', 'aluPtr'], 'while (i < n && tab[i].prio <= prio) i++'),
  insertStop: block('rdytab-insert-stop', ['load8.idx', 'cmpbr8.fall'], 'the compare that ends the scan'),
  shiftStep: block('rdytab-shift-step', ['load8.idx', 'store8.idx', 'load8.idx', 'store8.idx', 'alu8', 'cmpbr8.taken'], 'tab[j] = tab[j-1] (ITD and priority bytes)'),
  insertStore: block('rdytab-insert-store', ['store8.idx', 'store8.idx', 'load8.abs', 'alu8', 'store8.abs'], 'tab[i] = (itd, prio); ready_count++'),
  removeStep: block('rdytab-remove-step', ['load8.idx', 'cmpbr8.taken', 'aluPtr'], 'find the entry of the task'),
  removeEnd: block('rdytab-remove-end', ['load8.abs', 'alu8', 'store8.abs'], 'ready_count--'),
  pick: block('rdytab-pick', ['load8.abs', 'cmpbr8.fall', 'load8.abs', 'store8.abs'], 'if (ready_count) next = task_ready_tab[0].itd'),
};

/** iDCX's sorted array ready table for up to `capacity` tasks. */
export function sortedArrayTable(target: Target, capacity: number): ReadyStructure {
  const c = priceAll(blocks, target);
  const tab: Tcb[] = [];

  function insert(t: Tcb): Cycles {
    let i = 0;
    while (i < tab.length && (tab[i] as Tcb).priority <= t.priority) i++;
    const shifted = tab.length - i;
    tab.splice(i, 0, t);
    return c.insertHead + i * c.insertStep + (shifted > 0 ? c.insertStop : 0) + shifted * c.shiftStep + c.insertStore;
  }

  function remove(t: Tcb): Cycles {
    const i = tab.indexOf(t);
    if (i < 0) return c.insertHead + tab.length * c.removeStep;
    tab.splice(i, 1);
    return c.insertHead + (i + 1) * c.removeStep + (tab.length - i) * c.shiftStep + c.removeEnd;
  }

  return sortedStructure({
    blocks: Object.values(blocks),
    globals: [
      { name: 'task_ready_tab', type: 'u8', count: 2 * capacity },
      { name: 'ready_count', type: 'u8' },
    ],
    insert,
    remove,
    first: () => tab[0],
    pickPrice: c.pick,
    ...PRIORITY_ORDER,
    waitInsertCycles: (ahead) => c.insertHead + ahead * c.insertStep + c.insertStop + c.insertStore,
    worstInsertCycles: (taskCount) => c.insertHead + c.insertStop + taskCount * c.shiftStep + c.insertStore,
    // Removing entry i of n costs (i + 1) finds and (n - 1 - i) shifts: linear in i, so worst at an end.
    worstRemoveCycles: (taskCount) => {
      const n = Math.max(1, taskCount);
      return c.insertHead + Math.max(c.removeStep + (n - 1) * c.shiftStep, n * c.removeStep) + c.removeEnd;
    },
  });
}
