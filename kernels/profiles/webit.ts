import { PAPER_REFERENCE, type OsProfile } from './types.ts';

/** Webit 5.0 as the paper describes it (Wang et al., JSEA 2010). */
export const webit: OsProfile = {
  id: 'webit',
  name: 'Webit 5.0',
  displayName: 'Webit 5.0',
  color: '#4c78a8',
  paper: true,
  design: 'sorted-list',
  layout: 'linked',
  preemptive: true,
  priorities: 16,
  maxTasks: 32,
  priorityChange: 'static',
  samePriority: true,
  timeSliceTicks: 5,
  timer: 'timer-info-queue',
  services: { semaphore: false, mutex: true, queue: true, mailbox: false, flags: true },
  inversion: ['inheritance', 'ceiling'],
  nesting: {
    // The paper's measurements are on the ATmega128L; on other cores DEFAULT_NESTING holds.
    avr8: {
      nested: false,
      source: '4.1: "The maximum interrupt prohibiting time of Webit 5.0 also in the timer interrupt" (its timer_info queue work): the whole timer ISR is one masked interval, so it does not re-enable interrupts before that work',
    },
  },
  reference: PAPER_REFERENCE,
  cites: [
    'Table 1: preemptive kernel yes; 16 priorities; change of priority static; time slice round robin scheduling; same-priority scheduling yes; 32 tasks',
    'Table 1: synchronisation by message queue and event flags; communication by message queue; priority inversion avoided by inheritance and ceiling',
    '4.2: "The ready_queue of Webit 5.0 operating system is a single-linked list sorted by priority ... the tasks becoming ready state will insert into the appropriate position of the ready queue"',
    '4.2: "The scheduling program only needs to fetch the task in the beginning of the ready_queue"',
    '4.1: "the processed incident is not sleep queue in the timer interrupt of Webit 5.0, but the timer_info queue ... it also can set the numbers of task sleep"',
  ],
  assumptions: [
    'The time slice is 5 ticks (the paper gives no length).',
    'Section 3.1 mentions mailboxes and semaphores while Table 1 lists message queues and event flags: Table 1 is followed.',
    'Inversion avoidance needs a mutual-exclusion object, which Table 1 does not list: a mutex with both protocols is assumed.',
    'Releases of I/O-triggered tasks are posted through a message queue (Webit has no semaphore).',
  ],
};
