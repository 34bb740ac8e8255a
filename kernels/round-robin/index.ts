import type { CoreDesignSpec } from '../core/design.ts';
import { priorityQueues } from './priority-queues.ts';

/** WORIX's pointer array of per-priority FIFO queues, scanned from the top; time slice among equals. */
export const roundRobin: CoreDesignSpec = {
  id: 'round-robin',
  summary: 'per-priority FIFO queues under a pointer array scanned from the top; a time slice rotates equals',
  mirrors: 'WORIX (and the time slicing of Webit and iDCX)',
  keyedByDeadline: false,
  createReady: (target, profile) => priorityQueues(target, profile.priorities),
};
