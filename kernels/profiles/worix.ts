import { PAPER_REFERENCE, type OsProfile } from './types.ts';

/** WORIX as the paper describes it (Wang et al., JSEA 2010). */
export const worix: OsProfile = {
  id: 'worix',
  name: 'WORIX',
  displayName: 'WORIX',
  color: '#f58518',
  paper: true,
  design: 'round-robin',
  preemptive: true,
  priorities: 6,
  maxTasks: 16,
  priorityChange: 'dynamic',
  samePriority: true,
  timeSliceTicks: 5,
  timer: 'sleep-queue',
  services: { semaphore: true, mutex: true, queue: true, mailbox: true, flags: true },
  inversion: ['inheritance'],
  nesting: {
    // The paper's measurements are on the ATmega128L; on other cores DEFAULT_NESTING holds.
    avr8: {
      nested: false,
      source: '4.1: "The maximum interrupt prohibiting time of the WORIX is the timer interrupt. The execution time of timer interrupt service program is related with the numbers of tasks in the task sleep queue": the sleep-queue walk is masked, so the ISR does not re-enable interrupts before it',
    },
  },
  reference: PAPER_REFERENCE,
  cites: [
    'Table 1: preemptive kernel yes; 6 priorities; change of priority dynamic; time slice round robin; same-priority scheduling no; 16 tasks',
    'Table 1: semaphore, mutual-exclusion semaphore, event flags; mailbox and message queue; priority inheritance',
    '3.2: "The timer runs interrupt service program every time interval, thus sleep task and wake-up function were handled in the timer interrupt service"',
    '4.1: "The execution time of timer interrupt service program is related with the numbers of tasks in the task sleep queue"',
    '4.2: "The ready_queue of WORIX operating system using a pointer array ... it will traverse the ready_queue from beginning"',
  ],
  assumptions: [
    'The sleep queue is unsorted and walked whole at every tick, with interrupts off.',
    'Table 1 says "same priority: no", yet 16 tasks on 6 priorities and the 8-task runs of Figs. 1-2 need shared priorities, and a queue per priority holds several tasks: equal priorities are allowed, served FIFO.',
    'The time slice among equals is 5 ticks (Table 1: time slice round robin; the length is not given).',
  ],
};
