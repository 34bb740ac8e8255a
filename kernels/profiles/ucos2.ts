import { PAPER_REFERENCE, type OsProfile } from './types.ts';

/** uC/OS-II 128 as the paper describes it (Wang et al., JSEA 2010). */
export const ucos2: OsProfile = {
  id: 'ucos2',
  name: 'uC/OS-II 128',
  displayName: 'uC/OS-II 128',
  color: '#54a24b',
  paper: true,
  design: 'table-driven',
  preemptive: true,
  priorities: 64,
  maxTasks: 56,
  priorityChange: 'dynamic',
  samePriority: false,
  timeSliceTicks: undefined,
  timer: 'tick-scan',
  services: { semaphore: true, mutex: true, queue: true, mailbox: true, flags: true },
  inversion: ['ceiling'],
  nestedInterrupts: true,
  reference: PAPER_REFERENCE,
  cites: [
    'Table 1: preemptive kernel yes; 64 priorities; change of priority dynamic; fixed-priority preemptive; same-priority scheduling no; 64 tasks',
    '3.5: "can manage 64 tasks orderly with less core code, which retains eight tasks to the system, so it can support 56 tasks for application"',
    'Table 1: semaphore, mutual-exclusion semaphore, event flags; mailbox and message queue; priority ceiling',
    '4.2: "it firstly makes certain the position of the group with the highest priority ready task, and then finds the highest priority task within the group"',
  ],
  assumptions: [
    "OSTimeTick walks every TCB in its own short critical section, as uC/OS-II 2.x's os_core.c does.",
    'Kernel-aware ISRs may nest (OSIntNesting), so only the critical sections mask interrupts.',
  ],
};
