import { block } from '../../hardware/block.ts';
import type { Target } from '../../hardware/target.ts';
import type { Cycles } from '../../hardware/units.ts';
import { priceAll } from '../core/pricing.ts';
import { readyStructure, type ReadyStructure } from '../core/structures.ts';
import type { Tcb } from '../core/tcb.ts';

/*
 * The Stack Resource Policy's half of an EDF pick (Baker 1991): a job may start only when no
 * active job has an earlier deadline and its preemption level is above the system ceiling. So the
 * head runs if it has already started (it is on the stack of preempted jobs) or clears the ceiling;
 * otherwise the pick walks on along the deadline-sorted list (the TCB's ready link) to the first job
 * that has started (the top of the stack) or that ties with the head's deadline and clears the
 * ceiling. A new job with a later deadline is passed even when its own level clears the ceiling (a
 * shorter relative deadline released after the head): letting it start ran it inside the head's
 * blocking, which SRP's one-critical-section bound does not count (EDF, ideal machine: t2 waited for
 * t1's section and two jobs of t3, 2994 us against a bound of 2845). A tie is as urgent as the
 * head, so it may start: held back behind a tied job that waits for the ceiling, a job that uses no
 * resource waited for a section that cannot block it (t2 ran to 740 cycles against 530).
 */
const blocks = {
  test: block('edflist-ceiling-test', ['load8.idx', 'cmpbr8.fall', 'load16.idx', 'load16.abs', 'cmpbr16.fall'], 'if (!p->started && p->level >= OSSysCeiling) walk on'),
  started: block('edflist-started-test', ['load8.idx', 'cmpbr8.fall'], 'if (p->started) break'),
  tie: block('edflist-tie-test', ['load32.idx', 'cmpbr32.fall', 'load16.idx', 'load16.abs', 'cmpbr16.fall'], 'if (p->deadline == head->deadline && p->level < OSSysCeiling) break'),
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
    pickAdmitted(started: (t: Tcb) => boolean, clearsCeiling: (t: Tcb) => boolean): Tcb | undefined {
      const head = list.pick();
      const headCycles = list.pickCycles;
      let cycles = headCycles + c.test;
      if (head === undefined || started(head) || clearsCeiling(head)) {
        self.pickCycles = head === undefined ? headCycles : cycles;
        return head;
      }
      // Each job the walk reaches costs a step and a start test, and a tie test when it has not started.
      let p = head.next;
      while (p !== undefined) {
        cycles += c.step + c.started;
        if (started(p)) break;
        cycles += c.tie;
        if (list.ties(p, head) && clearsCeiling(p)) break;
        p = p.next;
      }
      // None started (a case SRP rules out): the plain head, at the plain pick's cost.
      self.pickCycles = p === undefined ? headCycles : cycles;
      return p ?? head;
    },
    rotate: list.rotate,
    precedes: list.precedes,
    ties: list.ties,
    waitInsertCycles: list.waitInsertCycles,
    // At worst the walk tests the head against the ceiling and every other ready task for a start and a tie.
    worstPickCycles: (taskCount) => list.worstPickCycles(taskCount) + c.test + Math.max(0, taskCount - 1) * (c.step + c.started + c.tie),
    worstInsertCycles: list.worstInsertCycles,
    worstRemoveCycles: list.worstRemoveCycles,
  });
  return self;
}
