import type { CoreDesignSpec } from '../core/design.ts';
import { readyLists } from './ready-lists.ts';

/**
 * FreeRTOS's and LiteOS-M's ready lists: a FIFO per priority, the highest found with CLZ over a
 * ready bitmap where the core has it, else by FreeRTOS's generic walk down from the top priority.
 */
export const priorityLists: CoreDesignSpec = {
  id: 'priority-lists',
  summary: 'a FIFO list per priority; the highest non-empty one found by CLZ over a 32-bit ready bitmap (or, without CLZ, by walking down from the top readied priority)',
  mirrors: 'FreeRTOS (tasks.c ready lists, port-optimised selection) and LiteOS-M (los_sched.c priority queues)',
  keyedByDeadline: false,
  createReady: (target, profile) => readyLists(target, profile.priorities, target.hasClz ? 'bitmap' : 'top-walk'),
};
