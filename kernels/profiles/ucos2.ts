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
  nesting: {
    avr8: {
      nested: false,
      source:
        'Micrium uC/OS-II GNU AVR port (bsp_isr.s BSP_TickISR, os_cpu_a.s OS_CPU_SR_Save/OS_CPU_SR_Restore): the tick ISR pushes the registers, counts OSIntNesting and calls the tick handler with no SEI; the AVR clears I on entry and OS_CRITICAL_METHOD 3 restores the saved SREG, so OSTimeTick\'s per-TCB critical sections leave interrupts off for the whole ISR. The paper (3.5: "the high-priority task will run immediately after the withdrawal of all interrupts") says nested ISRs are counted, not that the tick ISR unmasks',
    },
    'cortex-m4': {
      nested: true,
      source:
        'Micrium uC/OS-II Cortex-M port (os_cpu_c.c OS_CPU_SysTickHandler): only OSIntNesting++ sits in a critical section and OSTimeTick runs with interrupts enabled (the NVIC sets no PRIMASK on exception entry), so only its per-TCB critical sections mask',
    },
  },
  reference: PAPER_REFERENCE,
  cites: [
    'Table 1: preemptive kernel yes; 64 priorities; change of priority dynamic; fixed-priority preemptive; same-priority scheduling no; 64 tasks',
    '3.5: "can manage 64 tasks orderly with less core code, which retains eight tasks to the system, so it can support 56 tasks for application"',
    'Table 1: semaphore, mutual-exclusion semaphore, event flags; mailbox and message queue; priority ceiling',
    '4.2: "it firstly makes certain the position of the group with the highest priority ready task, and then finds the highest priority task within the group"',
  ],
  assumptions: [
    "OSTimeTick walks every TCB in its own short critical section, as uC/OS-II 2.x's os_core.c does.",
  ],
};
