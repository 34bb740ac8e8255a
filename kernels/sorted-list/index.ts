import type { CoreDesignSpec } from '../core/design.ts';
import { sortedArrayTable } from './array-table.ts';
import { sortedLinkedList, type SortedKey } from './linked.ts';

const PRIORITY_KEY: SortedKey = { name: 'rdylist', key: (t) => t.priority, stepOps: { taken: 'cmpbr8.taken', fall: 'cmpbr8.fall', load: 'load8.idx' }, savedRegisters: 2 };

/** A ready list kept sorted by priority: a linked list (Webit) or an array table (iDCX). */
export const sortedList: CoreDesignSpec = {
  id: 'sorted-list',
  summary: 'ready tasks sorted by priority; insert walks (and shifts, for the array), pick takes the head',
  mirrors: 'Webit 5.0 (singly linked list), iDCX 128 (task_ready_tab array)',
  keyedByDeadline: false,
  createReady: (target, profile) =>
    profile.layout === 'array'
      ? sortedArrayTable(target, profile.maxTasks)
      : sortedLinkedList(target, PRIORITY_KEY),
};
