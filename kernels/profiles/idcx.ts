import { PAPER_REFERENCE, type OsProfile } from './types.ts';

/** iDCX 128 as the paper describes it (Wang et al., JSEA 2010). */
export const idcx: OsProfile = {
  id: 'idcx',
  name: 'iDCX 128',
  displayName: 'iDCX 128',
  color: '#72b7b2',
  paper: true,
  design: 'sorted-list',
  layout: 'array',
  preemptive: true,
  priorities: 5,
  maxTasks: 8,
  priorityChange: 'static',
  samePriority: true,
  timeSliceTicks: 5,
  timer: 'tick-scan',
  services: { semaphore: false, mutex: true, queue: true, mailbox: false, flags: true },
  inversion: ['inheritance'],
  nesting: {
    // The paper's measurements are on the ATmega128L; on other cores DEFAULT_NESTING holds.
    avr8: {
      nested: false,
      source: '4.1: "The maximum interrupt prohibiting time for iDCX 128 is also in the timer interrupt" (the Timer 0 server\'s soft clocks and ready table): the whole timer ISR is masked',
    },
  },
  reference: PAPER_REFERENCE,
  cites: [
    'Table 1: preemptive kernel yes; 5 priorities; change of priority static; time slice round robin; same-priority scheduling yes; 8 tasks',
    'Table 1: message queue and event flags; message queue; priority inheritance',
    '4.2: "its tasks are sorted by priority in the task_ready_tab ... Each memory unit of task_ready_tab stores the ITD and priority"',
    '3.4: "The service of timing is implemented by using of Timer 0 to provide a soft clock for each task in the system"',
    '3.4: "Owing to its unique mechanism of time slice, it can mask multiple tasks share the CPU well"',
  ],
  assumptions: [
    'A soft clock per task is a per-tick scan of every task, with interrupts off for the whole timer ISR (assembler, no nesting).',
    'The time slice is 5 ticks.',
    'Inheritance needs a mutual-exclusion object Table 1 does not list: a mutex is assumed.',
    'Releases of I/O-triggered tasks are posted through a message queue (iDCX has no semaphore).',
  ],
};
