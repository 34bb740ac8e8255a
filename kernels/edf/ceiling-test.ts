import { block } from '../../hardware/block.ts';
import type { Target } from '../../hardware/target.ts';
import type { Cycles } from '../../hardware/units.ts';
import { priceAll } from '../core/pricing.ts';
import { readyStructure, type ReadyStructure } from '../core/structures.ts';
import type { Tcb } from '../core/tcb.ts';

/*
 * The Stack Resource Policy's half of an EDF pick (Baker 1991): the earliest-deadline job runs
 * only if it has already started (it is on the stack of preempted jobs) or its preemption level is
 * above the system ceiling; otherwise the pick walks on along the deadline-sorted list (the TCB's
 * ready link) to the first job that may run. Under SRP the walk is short: the jobs it passes are
 * new jobs whose level does not clear the ceiling.
 */
const blocks = {
  test: block('edflist-ceiling-test', ['load8.idx', 'cmpbr8.fall', 'load16.idx', 'load16.abs', 'cmpbr16.fall'], 'if (!p->started && p->level >= OSSysCeiling) skip p'),
  step: block('edflist-ceiling-step', ['loadPtr.idx', 'cmpbrPtr.taken'], 'p = p->next; while (p != NULL)'),
};

/**
 * `list` (a deadline-sorted linked list) with the SRP ceiling test in its pick. Every operation
 * but the pick is the list's own function, not a wrapper around it: they are on the hot path.
 */
export function withCeilingTest(list: ReadyStructure, target: Target): ReadyStructure {
  const c = priceAll(blocks, target);
  const self: ReadyStructure = readyStructure({
    blocks: [...list.blocks, ...Object.values(blocks)],
    globals: [...list.globals, { name: 'sys_ceiling', type: 'u16' }],
    tcbFields: [...list.tcbFields, { name: 'level', type: 'u16' }],
    flashTableBytes: list.flashTableBytes,
    insert: list.insert,
    remove: list.remove,
    pick(): Tcb | undefined {
      const head = list.pick();
      self.pickCycles = list.pickCycles;
      return head;
    },
    pickAdmitted(admits: (t: Tcb) => boolean): Tcb | undefined {
      const head = list.pick();
      const headCycles = list.pickCycles;
      let p = head;
      let cycles = headCycles + c.test;
      while (p !== undefined && !admits(p)) {
        p = p.next;
        cycles += c.step + c.test;
      }
      // None admitted (an empty list, or a case SRP rules out): the plain head, at the plain pick's cost.
      self.pickCycles = p === undefined ? headCycles : cycles;
      return p ?? head;
    },
    rotate: list.rotate,
    precedes: list.precedes,
    ties: list.ties,
    waitInsertCycles: list.waitInsertCycles,
    // At worst the walk tests every ready task but the last it reaches.
    worstPickCycles: (taskCount) => list.worstPickCycles(taskCount) + c.test + Math.max(0, taskCount - 1) * (c.step + c.test),
    worstInsertCycles: list.worstInsertCycles,
    worstRemoveCycles: list.worstRemoveCycles,
  });
  return self;
}
