import type { CoreDesignSpec } from '../core/design.ts';
import { readyTable } from './ready-table.ts';

/** uC/OS-II's two-level ready bitmap with OSUnMapTbl (CLZ on the M4): pick-next is O(1). */
export const tableDriven: CoreDesignSpec = {
  id: 'table-driven',
  summary: 'OSRdyGrp/OSRdyTbl bitmaps + OSUnMapTbl (CLZ on M4): pick-next independent of the task count',
  mirrors: 'uC/OS-II 128 (and uKernel, whose ready table the paper calls a fast localisation algorithm)',
  keyedByDeadline: false,
  createReady: (target, profile) => readyTable(target, profile.priorities),
};
