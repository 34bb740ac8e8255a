import { block } from '../../hardware/block.ts';
import type { Target } from '../../hardware/target.ts';
import type { Cycles } from '../../hardware/units.ts';
import { priceAll } from '../core/pricing.ts';
import type { ReadyStructure } from '../core/structures.ts';
import type { Tcb } from '../core/tcb.ts';
import { sortedStructure } from './sorted-structure.ts';

/*
 * A singly linked ready list kept sorted by a key (Webit 5.0: "a single-linked list sorted by
 * priority ... the tasks becoming ready state will insert into the appropriate position of the
 * ready queue ... The scheduling program only needs to fetch the task in the beginning", paper 4.2).
 * Insert walks past every task that precedes the newcomer (equal keys go behind existing ones, so
 * equals run in FIFO order); pick reads the head. The key and the compare block are parameters:
 * a priority byte here, a 32-bit absolute deadline for EDF.
 */
export interface SortedKey {
  /** Orders the list: smaller runs first. */
  readonly key: (t: Tcb) => number;
  /** The compare-and-branch of one walk step when the walk continues, and when it stops. */
  readonly stepOps: { readonly taken: 'cmpbr8.taken' | 'cmpbr32.taken'; readonly fall: 'cmpbr8.fall' | 'cmpbr32.fall'; readonly load: 'load8.idx' | 'load32.idx' };
  readonly name: string;
}

/** The list's blocks for a key, built once per key so their prices are memoised across boots. */
const blocksByKey = new WeakMap<SortedKey, ReturnType<typeof listBlocks>>();

/** The blocks of a list ordered by `k`. */
function listBlocks(k: SortedKey) {
  const n = k.name;
  return {
    insertHead: block(`${n}-insert-head`, ['load8.idx', 'loadPtr.abs', 'cmpbrPtr.fall', k.stepOps.load], 'key = t->key; p = head; if p == NULL link at head'),
    insertStep: block(`${n}-insert-step`, [k.stepOps.load, k.stepOps.taken, 'movePtr', 'loadPtr.idx', 'cmpbrPtr.taken'], 'while (p && p->key <= key) { prev = p; p = p->next }'),
    insertStop: block(`${n}-insert-stop`, [k.stepOps.load, k.stepOps.fall], 'the compare that ends the walk'),
    insertLink: block(`${n}-insert-link`, ['storePtr.idx', 'cmpbrPtr.fall', 'storePtr.idx'], 't->next = p; prev ? prev->next = t : head = t'),
    removeHead: block(`${n}-remove-head`, ['loadPtr.abs', 'cmpbrPtr.fall'], 'p = head; if (p == t) head = t->next'),
    removeStep: block(`${n}-remove-step`, ['movePtr', 'loadPtr.idx', 'cmpbrPtr.taken'], 'walk to the predecessor of t'),
    removeLink: block(`${n}-remove-link`, ['loadPtr.idx', 'storePtr.idx'], 'prev->next = t->next'),
    pick: block(`${n}-pick-head`, ['loadPtr.abs', 'cmpbrPtr.fall', 'storePtr.abs'], 'OSTCBHighRdy = ready_head'),
  };
}

/** A sorted singly linked list ready structure. */
export function sortedLinkedList(target: Target, k: SortedKey): ReadyStructure {
  let blocks = blocksByKey.get(k);
  if (blocks === undefined) {
    blocks = listBlocks(k);
    blocksByKey.set(k, blocks);
  }
  const c = priceAll(blocks, target);
  let head: Tcb | undefined;

  function insert(t: Tcb): Cycles {
    const key = k.key(t);
    let prev: Tcb | undefined;
    let p = head;
    let steps = 0;
    while (p !== undefined && k.key(p) <= key) {
      prev = p;
      p = p.next;
      steps++;
    }
    t.next = p;
    if (prev === undefined) head = t;
    else prev.next = t;
    return c.insertHead + steps * c.insertStep + (p === undefined ? 0 : c.insertStop) + c.insertLink;
  }

  function remove(t: Tcb): Cycles {
    let prev: Tcb | undefined;
    let p = head;
    let steps = 0;
    while (p !== undefined && p !== t) {
      prev = p;
      p = p.next;
      steps++;
    }
    if (p === undefined) return c.removeHead + steps * c.removeStep;
    if (prev === undefined) head = t.next;
    else prev.next = t.next;
    t.next = undefined;
    return c.removeHead + steps * c.removeStep + c.removeLink;
  }

  return sortedStructure({
    blocks: Object.values(blocks),
    globals: [{ name: 'ready_head', type: 'ptr' }],
    insert,
    remove,
    first: () => head,
    pickPrice: c.pick,
    precedes: (a, b) => k.key(a) < k.key(b),
    ties: (a, b) => k.key(a) === k.key(b),
    waitInsertCycles: (ahead) => c.insertHead + ahead * c.insertStep + c.insertStop + c.insertLink,
    worstInsertCycles: (taskCount) => c.insertHead + taskCount * c.insertStep + c.insertLink,
    // The task last in the list, behind every other ready task.
    worstRemoveCycles: (taskCount) => c.removeHead + Math.max(0, taskCount - 1) * c.removeStep + c.removeLink,
  });
}
