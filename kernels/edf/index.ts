import type { CoreDesignSpec } from '../core/design.ts';
import { sortedLinkedList, type SortedKey } from '../sorted-list/linked.ts';
import { withCeilingTest } from './ceiling-test.ts';

/*
 * Earliest deadline first: the ready list is kept sorted by absolute deadline, a 32-bit tick count,
 * so every step of the insert walk is a 32-bit compare: one CMP on the M4, four CP/CPC on the AVR
 * (the lowering of `cmpbr32.*` shows it). Ties keep FIFO order. A profile that offers the Stack
 * Resource Policy gets its ceiling test in the pick.
 */
const DEADLINE_KEY: SortedKey = { name: 'edflist', key: (t) => t.deadlineTick, stepOps: { taken: 'cmpbr32.taken', fall: 'cmpbr32.fall', load: 'load32.idx' }, savedRegisters: 4 };

export const edf: CoreDesignSpec = {
  id: 'edf',
  summary: 'ready list ordered by 32-bit absolute deadline; insert walks with 32-bit compares, pick takes the head',
  mirrors: "the paper's dynamic-priority (EDF) analysis of WORIX, uKernel and uC/OS-II (section 5.3)",
  keyedByDeadline: true,
  createReady: (target, profile) => {
    const list = sortedLinkedList(target, DEADLINE_KEY);
    return profile.inversion.includes('srp') ? withCeilingTest(list, target) : list;
  },
};
