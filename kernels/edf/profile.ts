import { ucos2 } from '../profiles/ucos2.ts';
import type { OsProfile } from '../profiles/types.ts';

/** A plain EDF kernel: uC/OS-II's services and per-tick scan, the ready list ordered by deadline. */
export const edfProfile: OsProfile = {
  ...ucos2,
  id: 'edf',
  name: 'EDF (uC/OS-II services)',
  displayName: 'EDF',
  color: '#ff9da6',
  paper: false,
  analysisOnly: true,
  design: 'edf',
  samePriority: true,
  inversion: ['srp'],
  cites: ["5.3: the paper analyses WORIX, uKernel and uC/OS-II 128 as dynamic-priority (EDF) systems"],
  assumptions: [
    "Not one of the paper's kernels: uC/OS-II 128's limits, services and tick with an EDF ready list.",
    "Mutexes follow the Stack Resource Policy (Baker 1991): a priority ceiling raises a priority, which an EDF list does not read.",
  ],
};
