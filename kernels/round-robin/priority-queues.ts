import { block } from '../../hardware/block.ts';
import type { Target } from '../../hardware/target.ts';
import type { Cycles } from '../../hardware/units.ts';
import { priceAll } from '../core/pricing.ts';
import { PRIORITY_ORDER, type ReadyStructure } from '../core/structures.ts';
import type { Tcb } from '../core/tcb.ts';

/*
 * WORIX's ready_queue (paper 4.2): "a pointer array, and the elements of the array points to the
 * pointer of the beginning of correspondingly priority ready queue. While the system schedules
 * tasks, it will traverse the ready_queue from beginning, if the content pointed by the current
 * element location is empty, it will continuously traverse to later elements". Pick costs one scan
 * step per empty priority above the first non-empty one: shortest when a priority-0 task is ready.
 * Each queue is a FIFO (head and tail pointers), so a time slice rotates equals.
 */
const blocks = {
  scanStart: block('rq-scan-start', ['constPtr', ['const8', 0]], 'p = ready_queue; i = 0'),
  scanStep: block('rq-scan-step', ['loadPtr.idx', 'cmpbrPtr.taken', 'aluPtr', 'alu8'], 'while (ready_queue[i] == NULL) i++'),
  scanHit: block('rq-scan-hit', ['loadPtr.idx', 'cmpbrPtr.fall', 'storePtr.abs'], 'next = ready_queue[i] (the queue head)'),
  append: block('rq-append', ['load8.idx', 'aluPtr', 'aluPtr', 'loadPtr.idx', 'cmpbrPtr.fall', 'storePtr.idx', 'storePtr.idx', 'storePtr.idx'], 'q = &queues[t->prio]; link t at q->tail'),
  removeStep: block('rq-remove-step', ['movePtr', 'loadPtr.idx', 'cmpbrPtr.taken'], 'walk to the predecessor in the queue'),
  removeLink: block('rq-remove-link', ['load8.idx', 'aluPtr', 'loadPtr.idx', 'storePtr.idx', 'cmpbrPtr.fall', 'storePtr.idx'], 'unlink; fix head/tail'),
};

/** WORIX's pointer array of per-priority FIFO queues. */
export function priorityQueues(target: Target, priorities: number): ReadyStructure {
  const c = priceAll(blocks, target);
  const queues: Tcb[][] = Array.from({ length: priorities }, () => []);
  let pickCycles = 0;

  function insert(t: Tcb): Cycles {
    (queues[t.priority] as Tcb[]).push(t);
    return c.append;
  }

  function remove(t: Tcb): Cycles {
    const q = queues[t.priority] as Tcb[];
    const i = q.indexOf(t);
    if (i < 0) return c.removeLink;
    q.splice(i, 1);
    return i * c.removeStep + c.removeLink;
  }

  return {
    blocks: Object.values(blocks),
    globals: [{ name: 'ready_queue', type: 'ptr', count: 2 * priorities }],
    tcbFields: [],
    flashTableBytes: 0,
    insert,
    remove,
    pick(): Tcb | undefined {
      for (let i = 0; i < queues.length; i++) {
        const q = queues[i] as Tcb[];
        if (q.length > 0) {
          pickCycles = c.scanStart + i * c.scanStep + c.scanHit;
          return q[0];
        }
      }
      pickCycles = c.scanStart + queues.length * c.scanStep;
      return undefined;
    },
    get pickCycles(): Cycles {
      return pickCycles;
    },
    rotate(t: Tcb): Cycles {
      return remove(t) + insert(t);
    },
    ...PRIORITY_ORDER,
    waitInsertCycles: (ahead) => c.append + ahead * c.removeStep,
    worstPickCycles: () => c.scanStart + (queues.length - 1) * c.scanStep + c.scanHit,
    worstInsertCycles: () => c.append,
    // Every other task queued ahead of it at the same priority.
    worstRemoveCycles: (taskCount) => Math.max(0, taskCount - 1) * c.removeStep + c.removeLink,
  };
}
