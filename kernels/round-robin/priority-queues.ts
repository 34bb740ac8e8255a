import { block } from '../../hardware/block.ts';
import type { Target } from '../../hardware/target.ts';
import type { Cycles } from '../../hardware/units.ts';
import { priceAll } from '../core/pricing.ts';
import { PRIORITY_ORDER, readyStructure, type ReadyStructure } from '../core/structures.ts';
import type { Tcb } from '../core/tcb.ts';
import { TcbSlots } from '../core/tcb-slots.ts';

/*
 * WORIX's ready_queue (paper 4.2): "a pointer array, and the elements of the array points to the
 * pointer of the beginning of correspondingly priority ready queue. While the system schedules
 * tasks, it will traverse the ready_queue from beginning, if the content pointed by the current
 * element location is empty, it will continuously traverse to later elements". Pick costs one scan
 * step per empty priority above the first non-empty one: shortest when a priority-0 task is ready.
 * Each queue is a FIFO (head and tail pointers), so a time slice rotates equals.
 */
/*
 * The blocks mirror avr-gcc -Os's code for calibration/c/round_robin.c: `code` is every instruction
 * once (the footprint), `exits` the other outcomes of branches already in `code`. The scan walks a
 * pointer over the array (no index), and stops at the first non-empty queue.
 */
const blocks = {
  scanStart: block('rq-scan-start', ['constPtr'], 'q = ready_queue'),
  scanStep: block('rq-scan-step', ['loadPtr.idx', 'nullbrPtr.fall', 'aluPtr', 'jump'], 'while (q->head == NULL) q++'),
  scanStore: block('rq-scan-store', ['storePtr.abs'], 'OSTCBHighRdy = q->head'),
  append: block('rq-append', ['movePtr', 'load8.idx', 'storePtr.idx', 'aluPtr', 'aluPtr', 'movePtr', 'aluPtr', 'loadPtr.idx2', 'nullbrPtr.fall', 'storePtr.idx', 'jump', 'movePtr', 'aluPtr', 'storePtr.idx'], 't->next = NULL; q = &queues[t->prio] (the tail in X); q->tail ? q->tail->next = t : q->head = t; q->tail = t'),
  removeStep: block('rq-remove-step', ['movePtr', 'loadPtr.idx', 'cmpbrPtr.taken'], 'walk to the predecessor in the queue'),
  removeLink: block('rq-remove-link', ['load8.idx', 'aluPtr', 'loadPtr.idx', 'storePtr.idx', 'cmpbrPtr.fall', 'storePtr.idx'], 'unlink; fix head/tail'),
};
const exits = {
  scanHit: block('rq-scan-hit', ['loadPtr.idx', 'nullbrPtr.taken'], 'q->head != NULL: the scan stops'),
};

/** WORIX's pointer array of per-priority FIFO queues. */
export function priorityQueues(target: Target, priorities: number): ReadyStructure {
  const c = priceAll(blocks, target);
  const x = priceAll(exits, target);
  const queues: TcbSlots[] = Array.from({ length: priorities }, () => new TcbSlots());

  function insert(t: Tcb): Cycles {
    (queues[t.priority] as TcbSlots).push(t);
    return c.append;
  }

  function remove(t: Tcb): Cycles {
    const q = queues[t.priority] as TcbSlots;
    const i = q.indexOf(t);
    if (i < 0) return c.removeLink;
    q.removeAt(i);
    return i * c.removeStep + c.removeLink;
  }

  const self: ReadyStructure = readyStructure({
    blocks: Object.values(blocks),
    globals: [{ name: 'ready_queue', type: 'ptr', count: 2 * priorities }],
    tcbFields: [],
    flashTableBytes: 0,
    insert,
    remove,
    pick(): Tcb | undefined {
      for (let i = 0; i < queues.length; i++) {
        const q = queues[i] as TcbSlots;
        if (q.length > 0) {
          self.pickCycles = c.scanStart + i * c.scanStep + x.scanHit + c.scanStore;
          return q.at(0);
        }
      }
      self.pickCycles = c.scanStart + queues.length * c.scanStep;
      return undefined;
    },
    rotate(t: Tcb): Cycles {
      return remove(t) + insert(t);
    },
    ...PRIORITY_ORDER,
    waitInsertCycles: (ahead) => c.append + ahead * c.removeStep,
    worstPickCycles: () => c.scanStart + (queues.length - 1) * c.scanStep + x.scanHit + c.scanStore,
    worstInsertCycles: () => c.append,
    // Every other task queued ahead of it at the same priority.
    worstRemoveCycles: (taskCount) => Math.max(0, taskCount - 1) * c.removeStep + c.removeLink,
  });
  return self;
}
