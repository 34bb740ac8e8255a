import { PAPER_REFERENCE, type OsProfile } from './types.ts';

/** LiteOS-M (OpenHarmony kernel_liteos_m), the multi-APP meter patent's base kernel, as its public sources describe it. */
export const liteosM: OsProfile = {
  id: 'liteos-m',
  name: 'LiteOS-M',
  displayName: 'LiteOS-M',
  color: '#eeca3b',
  paper: false,
  design: 'priority-lists',
  preemptive: true,
  priorities: 32,
  maxTasks: 32,
  priorityChange: 'dynamic',
  samePriority: true,
  timeSliceTicks: 20,
  timer: 'sortlink',
  services: { semaphore: true, mutex: true, queue: true, mailbox: true, flags: true },
  inversion: ['inheritance'],
  nesting: {
    'cortex-m4': {
      nested: true,
      source:
        'kernel_liteos_m arch/arm/cortex-m4 los_interrupt.c: the common interrupt entry counts the nesting under LOS_IntLock, restores PRIMASK and calls the handler with interrupts enabled, so the NVIC lets a more urgent line preempt the tick handler; only LOS_IntLock sections mask',
    },
  },
  ports: { cores: ['cortex-m4'], source: 'kernel_liteos_m kernel/arch: ARM Cortex-M3/M4/M7/M33, RISC-V, Xtensa, C-SKY; no AVR port' },
  reference: PAPER_REFERENCE,
  cites: [
    'los_config.h: LOS_TASK_PRIORITY_HIGHEST 0 to LOS_TASK_PRIORITY_LOWEST 31, so 32 priorities, 0 the most urgent',
    'los_sched.c: a doubly linked queue per priority (g_priQueueList) and a 32-bit bitmap of non-empty ones (g_priQueueBitmap); the next task is the head of the queue CLZ finds',
    'los_config.h: LOSCFG_BASE_CORE_TIMESLICE 1 and LOSCFG_BASE_CORE_TIMESLICE_TIMEOUT 20000 us: equal priorities share the CPU in 20 ms slices',
    'los_sortlink.c OsAddNode2SortLink: delayed tasks and software timers sit on a list sorted by response time; an insert first tests the head, then walks back from the tail',
    'los_sched.c: the tick takes expired tasks from the head of the sorted list (OsSchedScanTimerList / sortlink expiry)',
    'los_sem.c, los_mux.c, los_queue.c, los_event.c: semaphores, mutexes with priority inheritance, queues and event flags',
    'arch/arm/cortex-m4 los_interrupt.c: LOS_IntLock is MRS PRIMASK / CPSID I, so critical sections mask every interrupt',
  ],
  assumptions: [
    'Services (semaphores, queues, mutexes, events) are priced by the shared core blocks (shaped after uC/OS-II 2.x); only the priority queues, the sorted timer list and time slicing are LiteOS-M\'s own.',
    'The 20 ms time slice is 20 ticks: kbench\'s workloads tick at 1 kHz, and the slice is counted in ticks.',
    'LiteOS-M programs its timer for the next response time (tickless); kbench ticks it periodically and checks the list head at each tick, which costs what the response-time check costs.',
    'LOSCFG_BASE_CORE_TSK_LIMIT is a build setting (5 by default); the profile sets 32 application tasks.',
    'Semaphore waiters queue FIFO in LiteOS-M (mutex waiters by priority); the shared core orders every wait list by priority and prices the insert as a priority-sorted one.',
    'A one-entry queue serves as a mailbox.',
  ],
};
