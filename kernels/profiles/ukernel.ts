import { PAPER_REFERENCE, type OsProfile } from './types.ts';

/** uKernel as the paper describes it (Wang et al., JSEA 2010). */
export const ukernel: OsProfile = {
  id: 'ukernel',
  name: 'uKernel',
  displayName: 'uKernel',
  color: '#e45756',
  paper: true,
  design: 'table-driven',
  preemptive: false,
  priorities: 8,
  maxTasks: 8,
  priorityChange: 'dynamic',
  samePriority: false,
  timeSliceTicks: undefined,
  timer: 'delta-list',
  services: { semaphore: true, mutex: true, queue: true, mailbox: true, flags: true },
  inversion: ['inheritance', 'ceiling'],
  nesting: {
    // The paper's measurements are on the ATmega128L; on other cores DEFAULT_NESTING holds.
    avr8: {
      nested: false,
      source: '4.1: "The maximum interrupt prohibition time of μKernel is mainly related with the execution time of timer interrupt service program": the timer ISR\'s waiting-list work is masked, so it does not re-enable interrupts before it',
    },
  },
  reference: PAPER_REFERENCE,
  cites: [
    'Table 1: preemptive kernel no; 8 priorities; change of priority dynamic; fixed-priority scheduling; same-priority scheduling no; 8 tasks',
    'Table 1: semaphore, mutual-exclusion semaphore, event flags; mailbox and message queue; inheritance and ceiling',
    '3.3: "when the system delays a task for some time, it gets the task from the task ready table, and puts it into the waiting list"',
    '4.1: "the execution time of timer interrupt service program is related with the numbers of tasks whose sleep time will decrease to 0"',
    '4.2: "As uKernel system uses the fast localization algorithm ... the task switching time is little larger than uCOS-II 128"',
  ],
  assumptions: [
    'The "fast localization algorithm" over a "task ready table" is modelled as the table-driven bitmap (8 priorities: one group).',
    'The waiting list is a delta list, the structure whose tick work grows with the tasks expiring in that tick.',
    'Section 3.3 says an ISR "activates a high-priority task ... immediately started", Table 1 says non-preemptive: Table 1 is followed.',
  ],
};
