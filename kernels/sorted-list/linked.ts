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
  /** Callee-saved registers the insert pushes and pops: the newcomer and its key live across the walk (a 32-bit key takes two more). */
  readonly savedRegisters: number;
  readonly name: string;
}

/** The list's blocks for a key, built once per key so their prices are memoised across boots. */
const blocksByKey = new WeakMap<SortedKey, ReturnType<typeof listBlocks>>();

/*
 * The blocks mirror avr-gcc -Os's code for the C insert and remove (calibration/c/sorted_list.c,
 * edf_list.c): `code` is every instruction of the functions, once (the footprint); `exits` are the
 * other outcomes of branches already in `code` (a walk that ends at the list's end rather than at a
 * node, a link at the head), priced for their cycles only.
 */
function listBlocks(k: SortedKey) {
  const n = k.name;
  const code = {
    insertHead: block(`${n}-insert-head`, [['push', k.savedRegisters], 'movePtr', k.stepOps.load, 'loadPtr.abs', ['const8', 2]], 'save registers; key = t->key; p = head; prev = NULL'),
    insertTest: block(`${n}-insert-test`, ['nullbrPtr.fall', k.stepOps.load, k.stepOps.fall], 'while (p != NULL && p->key <= key)'),
    insertAdvance: block(`${n}-insert-advance`, ['movePtr', 'followPtr', 'jump'], '{ prev = p; p = p->next; } and the jump back'),
    insertLink: block(`${n}-insert-link`, ['movePtr', 'storePtr.idx', 'nullbrPtr.taken', 'storePtr.idx2', ['pop', k.savedRegisters]], 't->next = p; prev->next = t (prev in X); restore registers'),
    insertLinkHeadCode: block(`${n}-insert-link-head-code`, ['storePtr.abs', 'jump'], 'the head = t branch of the link'),
    removeHead: block(`${n}-remove-head`, ['loadPtr.abs', 'cmpbrPtr.fall'], 'p = head; if (p == t)'),
    removeHeadUnlink: block(`${n}-remove-head-unlink`, ['loadPtr.idx', 'storePtr.abs', 'ret'], 'head = t->next; return'),
    removeStep: block(`${n}-remove-step`, ['loadPtr.idx', 'cmpbrPtr.fall', 'movePtr', 'nullbrPtr.taken'], 'while (p->next != t) p = p->next (and p != NULL)'),
    removeLink: block(`${n}-remove-link`, ['movePtr', 'loadPtr.idx2', 'storePtr.idx'], 'p->next = t->next (t in X)'),
    pick: block(`${n}-pick-head`, ['loadPtr.abs', 'cmpbrPtr.fall', 'storePtr.abs'], 'OSTCBHighRdy = ready_head'),
  };
  const exits = {
    walkEnd: block(`${n}-insert-walk-end`, ['nullbrPtr.taken'], 'p == NULL: the walk ends at the list\'s end'),
    walkStop: block(`${n}-insert-walk-stop`, ['nullbrPtr.fall', k.stepOps.load, k.stepOps.taken], 'p->key > key: the walk stops at a node'),
    linkAtHead: block(`${n}-insert-link-at-head`, ['movePtr', 'storePtr.idx', 'nullbrPtr.fall', 'storePtr.abs', 'jump', ['pop', k.savedRegisters]], 't->next = p; head = t; restore registers'),
    removeNotHead: block(`${n}-remove-not-head`, ['loadPtr.abs', 'cmpbrPtr.taken'], 'p = head; p != t'),
    removeFound: block(`${n}-remove-found`, ['loadPtr.idx', 'cmpbrPtr.taken', 'jump'], 'p->next == t: the walk ends'),
  };
  return { code, exits };
}

/** A sorted singly linked list ready structure. */
export function sortedLinkedList(target: Target, k: SortedKey): ReadyStructure {
  let blocks = blocksByKey.get(k);
  if (blocks === undefined) {
    blocks = listBlocks(k);
    blocksByKey.set(k, blocks);
  }
  const c = priceAll(blocks.code, target);
  const x = priceAll(blocks.exits, target);
  const step = c.insertTest + c.insertAdvance;
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
    return c.insertHead + steps * step + (p === undefined ? x.walkEnd : x.walkStop) + (prev === undefined ? x.linkAtHead : c.insertLink);
  }

  /** Unlinking the entry with `ahead` entries before it. */
  function removeCycles(ahead: number): Cycles {
    return ahead === 0 ? c.removeHead + c.removeHeadUnlink : x.removeNotHead + (ahead - 1) * c.removeStep + x.removeFound + c.removeLink;
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
    if (p === undefined) return x.removeNotHead + steps * c.removeStep;
    if (prev === undefined) head = t.next;
    else prev.next = t.next;
    t.next = undefined;
    return removeCycles(steps);
  }

  return sortedStructure({
    blocks: Object.values(blocks.code),
    globals: [{ name: 'ready_head', type: 'ptr' }],
    insert,
    remove,
    first: () => head,
    pickPrice: c.pick,
    precedes: (a, b) => k.key(a) < k.key(b),
    ties: (a, b) => k.key(a) === k.key(b),
    waitInsertCycles: (ahead) => c.insertHead + ahead * step + x.walkStop + (ahead === 0 ? x.linkAtHead : c.insertLink),
    worstInsertCycles: (taskCount) => c.insertHead + taskCount * step + x.walkEnd + (taskCount === 0 ? x.linkAtHead : c.insertLink),
    // The task last in the list, behind every other ready task.
    worstRemoveCycles: (taskCount) => Math.max(removeCycles(0), removeCycles(Math.max(0, taskCount - 1))),
  });
}
