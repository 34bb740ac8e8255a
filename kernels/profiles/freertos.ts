import { PAPER_REFERENCE, type OsProfile } from './types.ts';

/** FreeRTOS as its public kernel sources and documentation describe it (FreeRTOS-Kernel V10/V11). */
export const freertos: OsProfile = {
  id: 'freertos',
  name: 'FreeRTOS',
  displayName: 'FreeRTOS',
  color: '#9d755d',
  paper: false,
  design: 'priority-lists',
  preemptive: true,
  priorities: 16,
  maxTasks: 32,
  priorityChange: 'dynamic',
  samePriority: true,
  timeSliceTicks: 1,
  timer: 'delayed-list',
  services: { semaphore: true, mutex: true, queue: true, mailbox: true, flags: true },
  inversion: ['inheritance'],
  nesting: {
    'cortex-m4': {
      nested: true,
      source:
        'FreeRTOS-Kernel portable/GCC/ARM_CM4F/port.c xPortSysTickHandler: the SysTick handler runs with the NVIC letting more urgent lines preempt it and masks only around xTaskIncrementTick, by raising BASEPRI (vPortRaiseBASEPRI), so only the tick\'s critical section masks',
    },
    avr8: {
      nested: false,
      source:
        'FreeRTOS-Kernel portable/GCC/ATMega323/port.c: the compare-match ISR that drives the tick (SIG_OUTPUT_COMPARE1A, declared signal and naked) saves the context and calls xTaskIncrementTick with no sei; the AVR clears I on entry, so the whole tick ISR runs masked',
    },
  },
  basePriorityMasking: true,
  ports: { cores: ['cortex-m4', 'avr8'], source: 'FreeRTOS-Kernel portable/GCC/ARM_CM4F (Cortex-M4F) and portable/GCC/ATMega323 (the ATmega port, single-cycle CLI critical sections)' },
  reference: PAPER_REFERENCE,
  cites: [
    'tasks.c: one ready list per priority (pxReadyTasksLists[configMAX_PRIORITIES]); prvAddTaskToReadyList records the priority (taskRECORD_READY_PRIORITY) and inserts at the list end',
    'portable/GCC/ARM_CM4F/portmacro.h: configUSE_PORT_OPTIMISED_TASK_SELECTION sets one bit per ready priority in uxTopReadyPriority and finds the highest with __clz (portGET_HIGHEST_PRIORITY), so at most 32 priorities',
    'tasks.c: the generic taskSELECT_HIGHEST_PRIORITY_TASK walks down from uxTopReadyPriority while the list is empty (the AVR ports have no optimised selection)',
    'tasks.c xTaskIncrementTick: the tick compares xTickCount with xNextTaskUnblockTime and only then takes expired tasks from the head of pxDelayedTaskList',
    'list.c vListInsert: the delayed list is sorted by wake time, walking from the list end past every item with a value <= the new one (equal keys go after existing ones)',
    'FreeRTOS.h: configUSE_TIME_SLICING defaults to 1: at each tick a ready task of the running priority takes the CPU (xTaskIncrementTick, listCURRENT_LIST_LENGTH > 1)',
    'queue.c / tasks.c xTaskPriorityInherit: mutexes (xSemaphoreCreateMutex) use priority inheritance; semaphores, queues and event groups are the other services',
    'portable/GCC/ARM_CM4F/port.c vPortEnterCritical / portmacro.h vPortRaiseBASEPRI: critical sections write configMAX_SYSCALL_INTERRUPT_PRIORITY to BASEPRI, so interrupts above it stay enabled (FreeRTOS.org, "Running the RTOS on an ARM Cortex-M core")',
  ],
  assumptions: [
    'Services (semaphores, queues, mutexes, event groups) are priced by the shared core blocks (shaped after uC/OS-II 2.x); only the ready lists, the delayed list, time slicing and critical-section masking are FreeRTOS\'s own.',
    'configMAX_PRIORITIES = 16: enough for the meter\'s distinct priorities, within the 32 the port-optimised selection holds; FreeRTOS\'s configuration guide says each priority costs RAM and the value should be no higher than the application needs, and on the AVR each one lengthens the generic walk. At most 32 application tasks (FreeRTOS itself sets no limit); the idle task runs below every application priority.',
    "A task's turn among equals follows the list order (FIFO, the running task moved to the tail at each tick); FreeRTOS's listGET_OWNER_OF_NEXT_ENTRY also advances pxIndex at selections between ticks, which this leaves out.",
    'configMAX_SYSCALL_INTERRUPT_PRIORITY is set to the most urgent kernel-aware line (the tick and every line that signals a task); only lines more urgent than that and signalling no task run under a critical section.',
    'BASEPRI sections are priced as the target port\'s PRIMASK critical-section code (MRS/CPSID, MSR); the MOV/MSR BASEPRI/ISB/DSB sequence of vPortRaiseBASEPRI costs a few cycles more.',
    'The 32-bit tick count does not overflow within a run, so the overflow delayed list is never used.',
    'On the AVR the port masks every interrupt (CLI) and its ISRs do not re-enable them.',
  ],
};
