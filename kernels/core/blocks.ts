import { block, type Block, type MicroStep } from '../../hardware/block.ts';

/*
 * The shared kernel's code as basic blocks of micro-ops. Each block mirrors the main path of the
 * matching uC/OS-II 2.x C function (os_core.c, os_task.c, os_time.c, os_sem.c, os_mutex.c, os_q.c,
 * os_mbox.c, os_flag.c), the public small kernel the paper's five share their structure with.
 * `saveIrqState` / `restoreIrqState` are OS_ENTER_CRITICAL / OS_EXIT_CRITICAL: the masked sections
 * are exactly there. A block that begins a C function loads the globals' base (`globalBase`), once
 * per function as a compiler does; the design's blocks run inside those functions. What a design does differently (ready structure, timer structure) comes from
 * its own blocks; the costs of both are added where the C code calls into them.
 */

/** Call and return of a kernel service, with its argument checks. */
export const serviceCall = block('service-call', ['call', 'globalBase', 'push', 'push', 'movePtr', 'cmpbrPtr.fall', 'pop', 'pop', 'ret'], 'function call, save callee registers, NULL-pointer check, return');

/** OS_Sched up to the pick: the nesting and lock checks, inside its critical section. */
export const schedEnter = block('sched-enter', ['globalBase', 'saveIrqState', 'load8.abs', 'cmpbr8.fall', 'load8.abs', 'cmpbr8.fall'], 'OS_Sched: OS_ENTER_CRITICAL; if (OSIntNesting == 0 && OSLockNesting == 0)');
/** The call into OS_Sched, between the service's critical section and the scheduler's (interrupts on). */
export const schedCall = block('sched-call', ['call'], 'OS_EXIT_CRITICAL(); OS_Sched();');
/** OS_Sched after the pick when no switch is needed. */
export const schedNoSwitch = block('sched-no-switch', ['loadPtr.abs', 'cmpbrPtr.fall', 'restoreIrqState', 'ret'], 'if (OSTCBHighRdy != OSTCBCur) ...; OS_EXIT_CRITICAL');
/** The port's assembler update of OSTCBCur and OSPrioCur: assembler has no section anchors, so each global's address is its own base. */
const PORT_GLOBAL_UPDATE: readonly MicroStep[] = ['globalBase', 'loadPtr.abs', 'globalBase', 'storePtr.abs', 'globalBase', 'load8.abs', 'globalBase', 'store8.abs'];
/** OS_TASK_SW glue around the port's save and restore: update OSTCBCur and OSPrioCur. */
export const ctxSwGlue = block('ctx-sw-glue', ['loadPtr.abs', 'cmpbrPtr.taken', 'load32.abs', ['const8', 1], 'alu32', 'store32.abs', 'call', ...PORT_GLOBAL_UPDATE], 'OSCtxSwCtr++; OS_TASK_SW -> OSCtxSw: (save) OSTCBCur = OSTCBHighRdy; OSPrioCur = OSPrioHighRdy; (restore)');
/** What a task switched out inside OS_Sched runs when it gets the CPU back: OSCtxSw's return, OS_EXIT_CRITICAL, OS_Sched's return. */
export const schedReturn = block('sched-return', ['ret', 'restoreIrqState', 'ret'], 'return from OSCtxSw; OS_EXIT_CRITICAL; return from OS_Sched');

/** OSIntEnter plus the port's "save SP in the TCB when not nested". */
export const intEnter = block('int-enter', ['globalBase', 'load8.abs', ['const8', 1], 'alu8', 'store8.abs', 'cmpbr8.fall', 'loadPtr.abs', 'storePtr.idx'], 'OSIntNesting++; if (OSIntNesting == 1) OSTCBCur->OSTCBStkPtr = SP');
/** OSIntExit up to the pick. */
export const intExitEnter = block('int-exit-enter', ['call', 'globalBase', 'saveIrqState', 'load8.abs', ['const8', 1], 'alu8', 'store8.abs', 'cmpbr8.fall', 'load8.abs', 'cmpbr8.fall'], 'OSIntExit: OS_ENTER_CRITICAL; OSIntNesting--; if (OSIntNesting == 0 && OSLockNesting == 0)');
/** OSIntExit when it returns to the interrupted task. */
export const intExitNoSwitch = block('int-exit-no-switch', ['loadPtr.abs', 'cmpbrPtr.fall', 'restoreIrqState', 'ret'], 'OSIntExit: no higher-priority task; OS_EXIT_CRITICAL');
/** OSIntExit's OSIntCtxSw glue (the port's restore half follows). */
export const intCtxSwGlue = block('int-ctx-sw-glue', ['loadPtr.abs', 'cmpbrPtr.taken', 'load32.abs', ['const8', 1], 'alu32', 'store32.abs', 'call', ...PORT_GLOBAL_UPDATE], 'OSCtxSwCtr++; OSIntCtxSw: OSTCBCur = OSTCBHighRdy; OSPrioCur = OSPrioHighRdy');

/** OSTimeTick's preamble: OSTime++ in its own critical section, then the walk begins. */
export const tickEnter = block('tick-enter', ['call', 'globalBase', 'saveIrqState', 'load32.abs', ['const8', 1], 'alu32', 'store32.abs', 'restoreIrqState', 'loadPtr.abs'], 'OSTimeTick: OS_ENTER_CRITICAL; OSTime++; OS_EXIT_CRITICAL; ptcb = OSTCBList');
/** The tick's return. */
export const tickExit = block('tick-exit', ['ret'], 'return from OSTimeTick');

/** OSTimeDly: check, then take the task off the ready structure (the design's remove follows). */
export const timeDly = block('time-dly', ['cmpbr16.fall', 'saveIrqState', 'loadPtr.abs', 'store16.idx'], 'OSTimeDly: if (ticks > 0) { OS_ENTER_CRITICAL; OSTCBCur->OSTCBDly = ticks; ... }');
/** Delay-until: compute the ticks to the next release from a 32-bit wake time. */
export const timeDlyUntil = block('time-dly-until', ['saveIrqState', 'load32.abs', 'load32.idx', 'alu32', 'alu32', 'store32.idx', 'cmpbr32.fall', 'restoreIrqState'], 'next = last + period; ticks = next - OSTime; if (ticks > 0) delay');
/** End of a delay's critical section before OS_Sched. */
export const critExit = block('crit-exit', ['restoreIrqState'], 'OS_EXIT_CRITICAL');

/** A task running again after a blocking call: status check and return. */
export const pendResume = block('pend-resume', ['saveIrqState', 'load8.idx', 'cmpbr8.fall', 'store8.idx', 'storePtr.idx', 'restoreIrqState', 'ret'], 'after OS_Sched: switch (OSTCBCur->OSTCBStatPend) ...; OSTCBCur->OSTCBEventPtr = 0; OS_EXIT_CRITICAL');

/*
 * uC/OS-II's pend services check their arguments and context before the critical section (perr
 * is serviceCall's NULL check): pevent NULL, the event's type, OSIntNesting, OSLockNesting, each
 * branching over its error code when the check passes; their wait path keeps three more registers
 * live across calls (saved and restored), and the event pointer sits in X (idx2). On success they
 * store OS_ERR_NONE through perr and jump to the shared epilogue. Posts check the event's type.
 */
const PEND_CHECKS: readonly MicroStep[] = [['push', 3], 'movePtr', 'nullbrPtr.taken', 'load8.idx', 'cmpbr8.taken', 'load8.abs', 'cmpbr8.taken', 'load8.abs', 'cmpbr8.taken'];
const PEND_OK: readonly MicroStep[] = ['store8.idx', 'jump', ['pop', 3]];
const POST_CHECKS: readonly MicroStep[] = ['load8.idx', 'cmpbr8.fall'];

/** OSSemPend when the count is nonzero. */
export const semPendFast = block('sem-pend-fast', [...PEND_CHECKS, 'saveIrqState', 'load16.idx2', 'cmpbr16.fall', ['const8', 1], 'alu16', 'store16.idx2', 'restoreIrqState', ...PEND_OK], 'OSSemPend: if (pevent->OSEventCnt > 0) { OSEventCnt--; OS_EXIT_CRITICAL; return; }');
/*
 * A pend's wait path runs the same checks, critical-section entry and availability test as its
 * fast path, then its own code. The kernel times each path whole; a function's bytes count the
 * shared part once, in the fast path's block, and the wait path's own part in its `...Code` block.
 */
const SEM_PEND_WAIT_OWN: readonly MicroStep[] = ['loadPtr.abs', 'load8.idx', ['const8', 1], 'alu8', 'store8.idx', 'store16.idx', 'storePtr.idx', 'restoreIrqState'];
/** OSSemPend when it must wait: mark the TCB, then OS_EventTaskWait (the wait-list insert follows). */
export const semPendWait = block('sem-pend-wait', [...PEND_CHECKS, 'saveIrqState', 'load16.idx', 'cmpbr16.taken', ...SEM_PEND_WAIT_OWN], 'OSTCBCur->OSTCBStat |= OS_STAT_SEM; OSTCBDly = timeout; OS_EventTaskWait(pevent); OS_EXIT_CRITICAL');
/** Code only: what OSSemPend's wait path adds to the function beyond what semPendFast holds. */
export const semPendWaitCode = block('sem-pend-wait-code', SEM_PEND_WAIT_OWN, 'OSSemPend\'s wait path beyond the checks and count test it shares with the fast path');
/** OSSemPost with no waiter: bump the count. */
export const semPostCount = block('sem-post-count', [...POST_CHECKS, 'saveIrqState', 'load8.idx', 'cmpbr8.fall', 'load16.idx', 'cmpbr16.fall', ['const8', 1], 'alu16', 'store16.idx', 'restoreIrqState'], 'OSSemPost: if (pevent->OSEventGrp == 0 && OSEventCnt < 65535) OSEventCnt++');
/** OS_EventTaskRdy: take the waiter off the wait list, clear its wait state (the ready insert follows). */
export const eventTaskRdy = block('event-task-rdy', ['saveIrqState', 'load8.idx', 'cmpbr8.taken', 'call', 'loadPtr.idx', ['const8', 0], 'store16.idx', 'storePtr.idx', 'load8.idx', 'alu8', 'store8.idx', 'cmpbr8.fall', 'ret', 'restoreIrqState'], 'OS_EventTaskRdy: ptcb->OSTCBDly = 0; OSTCBEventPtr = 0; OSTCBStat &= ~msk; if ready -> make ready');

/** OSMutexPend when the mutex is free: take ownership. */
export const mutexLockFree = block('mutex-lock-free', [...PEND_CHECKS, 'saveIrqState', 'load16.idx2', 'cmpbr8.fall', 'loadPtr.abs', 'load8.idx', 'alu16', 'store16.idx2', 'storePtr.idx2', 'restoreIrqState', ...PEND_OK], 'OSMutexPend: if available { OSEventCnt = owner prio; OSEventPtr = OSTCBCur; OS_EXIT_CRITICAL }');
/** OSMutexPend when held: compare the owner's priority (inheritance or ceiling raise follows). */
const MUTEX_LOCK_BUSY_OWN: readonly MicroStep[] = ['loadPtr.idx', 'load8.idx', 'cmpbr8.fall', 'loadPtr.abs', 'store8.idx', 'storePtr.idx'];
export const mutexLockBusy = block('mutex-lock-busy', [...PEND_CHECKS, 'saveIrqState', 'load8.idx', 'cmpbr8.taken', ...MUTEX_LOCK_BUSY_OWN], 'OSMutexPend: ptcb = owner; if (ptcb->OSTCBPrio > pip) raise ...; wait');
/** Code only: what OSMutexPend's busy path adds to the function beyond what mutexLockFree holds. */
export const mutexLockBusyCode = block('mutex-lock-busy-code', MUTEX_LOCK_BUSY_OWN, 'OSMutexPend\'s busy path beyond the checks and availability test it shares with the free path');
/** Raising an owner's priority: save the old one, the ready structure moves it (its remove + insert follow). */
export const priorityRaise = block('priority-raise', ['load8.idx', 'store8.idx', 'load8.idx', 'store8.idx', 'loadPtr.idx', 'storePtr.idx'], 'save the original priority, set the raised one, fix OSTCBPrioTbl');
/** OSMutexPost: give back, restore the owner's priority if raised, hand to the best waiter. */
export const mutexUnlock = block('mutex-unlock', [['push', 3], 'movePtr', 'load8.abs', 'cmpbr8.fall', ...POST_CHECKS, 'saveIrqState', 'loadPtr.abs', 'loadPtr.idx', 'cmpbrPtr.fall', 'load8.idx', 'load8.idx', 'cmpbr8.fall', 'load8.idx', 'cmpbr8.fall', 'store8.idx', 'storePtr.idx', 'restoreIrqState', 'jump', ['pop', 3]], 'OSMutexPost: check owner; if prio raised, OSMutex_RdyAtPrio; if waiters, hand over; else mark free');

/*
 * Stack Resource Policy (Baker 1991) on a deadline-keyed kernel: each mutex holds its ceiling (the
 * highest preemption level of its users, a 16-bit rank of relative deadlines: smaller is higher) and
 * the system ceiling it found; locks nest, so an unlock restores what its lock saved. The ceiling
 * test of the pick and its walk past jobs that may not start are the design's (kernels/edf).
 */
/** SRP lock: save the system ceiling in the mutex, raise it to the mutex's ceiling if that is higher. */
export const srpCeilingRaise = block('srp-ceiling-raise', ['load16.abs', 'store16.idx', 'load16.idx', 'cmpbr16.fall', 'store16.abs'], 'pmutex->savedCeiling = OSSysCeiling; if (pmutex->ceiling < OSSysCeiling) OSSysCeiling = pmutex->ceiling');
/** SRP unlock: restore the system ceiling the lock saved. */
export const srpCeilingRestore = block('srp-ceiling-restore', ['load16.idx', 'store16.abs'], 'OSSysCeiling = pmutex->savedCeiling');

/** OSQPost to the ring buffer. */
export const queuePut = block('queue-put', [...POST_CHECKS, 'saveIrqState', 'load8.idx', 'cmpbr8.fall', 'load16.idx', 'load16.idx', 'cmpbr16.fall', 'loadPtr.idx', 'storePtr.idx', 'aluPtr', 'loadPtr.idx', 'cmpbrPtr.fall', 'storePtr.idx', 'load16.idx', ['const8', 1], 'alu16', 'store16.idx', 'restoreIrqState'], 'OSQPost: if full error; *pq->OSQIn++ = msg; wrap; OSQEntries++');
/** OSQPend from the ring buffer. */
export const queueGet = block('queue-get', [...PEND_CHECKS, 'saveIrqState', 'loadPtr.idx2', 'load16.idx', 'cmpbr16.fall', 'loadPtr.idx', 'aluPtr', 'loadPtr.idx', 'cmpbrPtr.fall', 'storePtr.idx', 'load16.idx', 'alu16', 'store16.idx', 'restoreIrqState', ...PEND_OK], 'OSQPend: if (OSQEntries > 0) { msg = *pq->OSQOut++; wrap; OSQEntries--; }');
/** OSQPend when empty: mark and wait. */
const QUEUE_WAIT_OWN: readonly MicroStep[] = ['loadPtr.abs', 'load8.idx', 'alu8', 'store8.idx', 'store16.idx', 'storePtr.idx', 'restoreIrqState'];
export const queueWait = block('queue-wait', [...PEND_CHECKS, 'saveIrqState', 'load16.idx', 'cmpbr16.taken', ...QUEUE_WAIT_OWN], 'OSQPend when empty: OSTCBStat |= OS_STAT_Q; OS_EventTaskWait');
/** Code only: what OSQPend's wait path adds to the function beyond what queueGet holds. */
export const queueWaitCode = block('queue-wait-code', QUEUE_WAIT_OWN, 'OSQPend\'s wait path beyond the checks and entries test it shares with the take');
/** Handing a message straight to a waiting task. */
export const messageHandOver = block('message-hand-over', ['loadPtr.idx', 'storePtr.idx'], 'ptcb->OSTCBMsg = msg');
/** OSMboxPost / OSMboxPend on the one-slot mailbox. */
export const mailboxSlot = block('mailbox-slot', [...POST_CHECKS, 'saveIrqState', 'loadPtr.idx', 'cmpbrPtr.fall', 'storePtr.idx', 'restoreIrqState'], 'OSMboxPost/Pend: if (pevent->OSEventPtr == 0) store, else take');

/** OSFlagPost: OR the bits in, then walk the waiters (per-waiter step follows). */
export const flagsSet = block('flags-set', ['saveIrqState', 'load16.idx', 'alu16', 'store16.idx', 'loadPtr.idx', 'restoreIrqState'], 'OSFlagPost: pgrp->OSFlagFlags |= flags; pnode = pgrp->OSFlagWaitList');
/** One waiter of OSFlagPost's walk: test its mask. */
export const flagsWaiterStep = block('flags-waiter-step', ['loadPtr.idx', 'load16.idx', 'load16.idx', 'alu16', 'cmpbr16.fall', 'loadPtr.idx', 'cmpbrPtr.taken'], 'flags_rdy = pgrp->OSFlagFlags & pnode->OSFlagNodeFlags; if ready -> OS_FlagTaskRdy; pnode = next');
/** OSFlagPend: test the mask, consume on success or wait. */
export const flagsWait = block('flags-wait', ['saveIrqState', 'load16.idx', 'alu16', 'cmpbr16.fall', 'alu16', 'store16.idx', 'restoreIrqState'], 'OSFlagPend: flags_rdy = pgrp->OSFlagFlags & flags; if all set, consume; else OS_FlagBlock');

/** An ISR's post: the ISR side of a semaphore or message post (nesting-aware, no OS_Sched). */
export const isrPost = block('isr-post', ['call', 'load8.idx', 'cmpbr8.fall', 'ret'], 'post from an ISR: the same service, but OS_Sched is skipped while OSIntNesting > 0');

/** OSTaskCreate: fill a TCB and an initial stack frame. */
export const taskCreate = block('task-create', ['saveIrqState', 'loadPtr.abs', 'cmpbrPtr.fall', 'restoreIrqState', ['push', 4], ['store8.idx', 6], ['storePtr.idx', 6], ['store16.idx', 2], 'saveIrqState', 'loadPtr.abs', 'storePtr.idx', 'storePtr.abs', 'restoreIrqState', ['pop', 4]], 'OSTaskCreate: OSTaskStkInit + OS_TCBInit: fill the frame and TCB fields, link into OSTCBList');
/** OSTaskDel: unlink from every structure. */
export const taskDelete = block('task-delete', ['saveIrqState', 'load8.idx', 'cmpbr8.fall', 'loadPtr.idx', 'loadPtr.idx', 'storePtr.idx', 'storePtr.idx', 'store8.idx', 'store16.idx', 'loadPtr.abs', 'storePtr.idx', 'storePtr.abs', 'restoreIrqState'], 'OSTaskDel: remove from ready/event/flag lists, unlink the TCB, return it to the free list');
/** OSTaskSuspend / OSTaskResume: set or clear the suspend bit. */
export const taskSuspendResume = block('task-suspend-resume', ['saveIrqState', 'load8.idx', 'cmpbr8.fall', 'load8.idx', 'alu8', 'store8.idx', 'load16.idx', 'cmpbr16.fall', 'restoreIrqState'], 'OSTaskSuspend/Resume: OSTCBStat |= / &= ~OS_STAT_SUSPEND; ready only if not delayed');
/** OSTaskChangePrio: move the TCB to its new priority. */
export const taskChangePriority = block('task-change-priority', ['saveIrqState', 'load8.idx', 'cmpbr8.fall', 'loadPtr.idx', 'store8.idx', 'store8.idx', 'store8.idx', 'storePtr.idx', 'restoreIrqState'], 'OSTaskChangePrio: recompute the ready bits, move in OSTCBPrioTbl, fix the event wait list');
/** Yield: put the running task behind its equals and reschedule. */
export const taskYield = block('task-yield', ['saveIrqState', 'loadPtr.abs', 'load8.idx', 'cmpbr8.fall'], 'yield: OS_ENTER_CRITICAL; rotate among equals; OS_Sched');
/** OSSchedLock / OSSchedUnlock: the scheduler-lock counter (the non-preemptive final part of a job). */
export const schedLock = block('sched-lock', ['saveIrqState', 'load8.abs', 'alu8', 'store8.abs', 'restoreIrqState'], 'OSSchedLock/Unlock: OSLockNesting++ / --');
/** Time-slice bookkeeping in the tick: count the running task's slice down. */
export const sliceTick = block('slice-tick', ['loadPtr.abs', 'load8.idx', 'alu8', 'store8.idx', 'cmpbr8.fall'], 'if (--OSTCBCur->slice == 0) rotate');
/** Rotating the running task behind its equals at the end of its slice. */
export const sliceRotate = block('slice-rotate', ['load8.idx', 'store8.idx', 'loadPtr.idx', 'storePtr.idx'], 'reload the slice; move the task behind its equals');

/** OSInit: clear the globals, build the free TCB list, create the idle task. */
export const osInit = block('os-init', ['globalBase', ['const8', 1], ['store8.abs', 4], ['store32.abs', 2], ['storePtr.abs', 3], 'constPtr', 'loadPtr.idx', 'storePtr.idx', 'aluPtr', 'cmpbrPtr.taken', 'call', 'ret'], 'OSInit: OS_InitMisc, OS_InitRdyList, OS_InitTCBList (one loop), OS_InitTaskIdle');
/** OSStart: pick the first task and restore it. */
export const osStart = block('os-start', ['call', 'globalBase', 'load8.abs', 'cmpbr8.fall', 'loadPtr.abs', 'storePtr.abs', 'load8.abs', 'store8.abs', ['const8', 1], 'store8.abs', 'jump'], 'OSStart: OS_SchedNew; OSTCBCur = OSTCBHighRdy; OSRunning = TRUE; OSStartHighRdy');
/** The idle task's loop. */
export const idleLoop = block('idle-loop', ['globalBase', 'saveIrqState', 'load32.abs', ['const8', 1], 'alu32', 'store32.abs', 'restoreIrqState', 'jump'], 'OS_TaskIdle: for (;;) { OS_ENTER_CRITICAL; OSIdleCtr++; OS_EXIT_CRITICAL; }');

/** The application's pin toggle at an io-out step (the paper's oscilloscope point; not kernel code). */
export const ioOutToggle = block('io-out-toggle', ['gpioToggle'], 'PORTB ^= pin');

/**
 * Groups of blocks by kernel service, for the code a profile includes: the timed blocks, each wait
 * path by its own code (`...Code`, the part its fast path does not hold). The rest of each function
 * (and whole functions with no timed path, such as the creates) is service-catalogue.ts's.
 */
export const CORE_SERVICE_BLOCKS = {
  core: [osInit, osStart, idleLoop, serviceCall, schedCall, schedEnter, schedNoSwitch, ctxSwGlue, schedReturn, intEnter, intExitEnter, intExitNoSwitch, intCtxSwGlue, tickEnter, tickExit, pendResume, isrPost, critExit],
  task: [taskCreate, taskDelete, taskSuspendResume, taskYield, schedLock],
  priorityChange: [taskChangePriority],
  time: [timeDly, timeDlyUntil],
  semaphore: [semPendFast, semPendWaitCode, semPostCount, eventTaskRdy],
  mutex: [mutexLockFree, mutexLockBusyCode, mutexUnlock],
  inheritance: [priorityRaise],
  ceiling: [priorityRaise],
  srp: [srpCeilingRaise, srpCeilingRestore],
  queue: [queuePut, queueGet, queueWaitCode, messageHandOver, eventTaskRdy],
  // OSMboxPend is whole in service-code.ts; the kernel times its wait with queueWait's cycles.
  mailbox: [mailboxSlot, messageHandOver, eventTaskRdy],
  flags: [flagsSet, flagsWaiterStep, flagsWait],
  timeSlice: [sliceTick, sliceRotate],
} as const satisfies Record<string, readonly Block[]>;

/** A service group name. */
export type ServiceGroup = keyof typeof CORE_SERVICE_BLOCKS;

/** Every block the running kernel executes, by the name the kernel prices it under. */
export const KERNEL_PATHS = {
  serviceCall, schedCall, schedEnter, schedNoSwitch, ctxSwGlue, schedReturn, intEnter, intExitEnter, intExitNoSwitch, intCtxSwGlue,
  tickEnter, tickExit, timeDly, timeDlyUntil, critExit, pendResume, semPendFast, semPendWait, semPostCount, eventTaskRdy,
  mutexLockFree, mutexLockBusy, priorityRaise, mutexUnlock, srpCeilingRaise, srpCeilingRestore, queuePut, queueGet, queueWait, messageHandOver, mailboxSlot,
  flagsSet, flagsWaiterStep, flagsWait, isrPost, taskCreate, taskSuspendResume, taskChangePriority, taskYield, taskDelete, schedLock,
  sliceTick, sliceRotate, ioOutToggle,
} as const;
