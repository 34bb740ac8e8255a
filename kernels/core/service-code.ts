import { block } from '../../hardware/block.ts';
import {
  callWith, copyWaitTable, deleteBody, entry, errorReturn, eventAlloc, eventFree, eventInit, exitAndSched, exitWithError, frame, globalCheck, leafFrame,
  nullCheck, pendCheckReturns, pendChecks, pendWaitAndResume, pendWaitRest, perrStore, postCheckReturns, prioBits, prioCheck, prioSelf,
  prioTableLookup, readyInsertHeld, readyInsertInline, readyRemoveInline, schedIfRunning, typeCheck, waitInsertInline, waitRemoveInline,
} from './service-code-idioms.ts';

/*
 * Code-only blocks: the rest of each uC/OS-II 2.x service beyond the main path the kernel executes
 * (blocks.ts). They count toward a configuration's code bytes and are never executed, so they change
 * no simulated cycle. A block whose function has a timed main path holds what that path lacks (the
 * function's own entry and exit, its argument checks, error returns, the branches the simulation
 * never takes); a function with no timed path is here whole. Each note names the C function; the C
 * the bytes are checked against is calibration/c/services/<kind>.c.
 */

// --- event wait lists (os_core.c) ---

/** OS_EventTaskRdy beyond its timed path: its entry and exit, the two OSUnMapTbl lookups, OS_EventTaskRemove's call. */
export const eventTaskRdyRest = block('event-task-rdy-rest', [...leafFrame(2), 'load8.idx', 'flashLookup8', 'aluPtr', 'load8.idx', 'flashLookup8', 'alu8', 'alu8', 'alu8', 'constPtr', 'aluPtr', 'aluPtr', 'loadPtr.idx', 'store8.idx', ...callWith(2), 'move8'], 'OS_EventTaskRdy: y = OSUnMapTbl[OSEventGrp]; x = OSUnMapTbl[OSEventTbl[y]]; ptcb = OSTCBPrioTbl[prio]; OSTCBStatPend; OS_EventTaskRemove; return prio (the ready insert is the design\'s, called from the timed path)');
/** OS_EventTaskWait whole: link the running task into the event's wait table, take it off the ready table. */
export const eventTaskWaitCode = block('event-task-wait', ['loadPtr.abs', 'storePtr.idx', ...waitInsertInline, ...readyRemoveInline, ...frame(0)], 'OS_EventTaskWait: OSTCBCur->OSTCBEventPtr = pevent; set its bits in OSEventTbl/OSEventGrp; clear them in OSRdyTbl/OSRdyGrp');
/** OS_EventTaskRemove whole: clear a TCB's bits in the event's wait table. */
export const eventTaskRemoveCode = block('event-task-remove', ['movePtr', 'aluPtr', ...waitRemoveInline, ...leafFrame(0)], 'OS_EventTaskRemove: point at the event\'s table row; clear OSEventTbl[y] bit x, OSEventGrp bit y when the row empties (its callers clear OSTCBEventPtr, as uC/OS-II 2.86 does)');
/** OS_EventWaitListInit whole: clear OSEventGrp and the table. */
export const eventWaitListInitCode = block('event-wait-list-init', ['const8', 'store8.idx', 'movePtr', 'aluPtr', 'store8.idx', 'cmpbrPtr.taken', ...leafFrame(0)], 'OS_EventWaitListInit: OSEventGrp = 0; for (i = 0; i < OS_EVENT_TBL_SIZE; i++) OSEventTbl[i] = 0');
/** OS_InitEventList whole (called by OSInit): chain the event control blocks into OSEventFreeList. */
export const eventListInitCode = block('event-list-init', ['constPtr', 'constPtr', 'const8', 'const8', 'store8.idx', 'storePtr.idx', 'aluPtr', 'aluPtr', 'alu8', 'cmpbr8.taken', 'store8.idx', 'storePtr.idx', 'constPtr', 'storePtr.abs', ...frame(0)], 'OS_InitEventList: for each ECB: type UNUSED, OSEventPtr = next; last -> 0; OSEventFreeList = &OSEventTbl[0]');
/** OSSchedUnlock whole (OSSchedLock's counter step is the timed sched-lock block). */
export const schedUnlockCode = block('sched-unlock', [...frame(0), 'load8.abs', 'cmpbr8.fall', 'saveIrqState', 'load8.abs', 'cmpbr8.fall', 'alu8', 'store8.abs', 'cmpbr8.fall', 'load8.abs', 'cmpbr8.fall', 'restoreIrqState', 'call', 'jump', 'restoreIrqState'], 'OSSchedUnlock: if running and locked: --OSLockNesting; OS_Sched when it reaches 0 outside an ISR');
/** OSSchedLock beyond its counter step: the running and ISR checks, the 255 limit, its return. */
export const schedLockRest = block('sched-lock-rest', ['load8.abs', 'cmpbr8.fall', 'load8.abs', 'cmpbr8.fall', 'cmpbr8.fall', ...frame(0)], 'OSSchedLock: if (OSRunning) { if (OSIntNesting == 0 && OSLockNesting < 255) ... }');

// --- tasks (os_task.c, os_core.c) ---

/** OS_TCBInit beyond its timed path (the TCB fill and link of task-create): the free-list pop, X/Y/BitX/BitY, OSTCBPrioTbl, the back link, OSTaskCtr, the no-TCB return. */
export const tcbInitRest = block('tcb-init-rest', [
  'loadPtr.idx', 'storePtr.abs', ...prioBits, 'constPtr', 'aluPtr', 'aluPtr', 'storePtr.idx', 'cmpbrPtr.fall', 'loadPtr.abs', 'storePtr.idx',
  'load8.abs', 'alu8', 'store8.abs', 'const8', 'jump', 'restoreIrqState', 'const8', ...frame(0),
], 'OS_TCBInit: OSTCBFreeList = ptcb->OSTCBNext; X/Y/BitX/BitY; OSTCBPrioTbl[prio] = ptcb; OSTCBList->OSTCBPrev = ptcb; OSTaskCtr++; OS_ERR_TASK_NO_MORE_TCB (the ready insert is the design\'s)');
/** OSTaskCreate whole (its TCB fill, the timed task-create block, is OS_TCBInit's): the checks, the reservation, the two calls, the undo on failure. */
export const taskCreateCode = block('os-task-create', [...frame(2), ...prioCheck, ...globalCheck, 'constPtr', 'aluPtr', 'aluPtr', 'loadPtr.idx', 'cmpbrPtr.fall', 'const8', 'storePtr.idx', ...callWith(3), ...callWith(2), 'cmpbr8.fall', ...schedIfRunning, 'saveIrqState', 'storePtr.idx', 'restoreIrqState', ...exitWithError], 'OSTaskCreate: prio > OS_LOWEST_PRIO, OSIntNesting and OS_ERR_PRIO_EXIST checks; OSTCBPrioTbl[prio] = reserved; OSTaskStkInit; OS_TCBInit; OS_Sched or undo');
/** OSTaskDel beyond its timed path: the checks, OS_PRIO_SELF, the ready-table removal, event and flag unlinks, the lock dance, OSTCBList unlink. */
export const taskDeleteRest = block('task-delete-rest', [
  ...frame(4), ...globalCheck, ...prioCheck, ...prioCheck, 'saveIrqState', ...prioSelf, ...prioTableLookup, ...readyRemoveInline,
  'loadPtr.idx', 'cmpbrPtr.fall', ...callWith(2), 'loadPtr.idx', 'cmpbrPtr.fall', ...callWith(1), 'const8', 'store8.idx', 'store8.idx',
  'load8.abs', 'cmpbr8.fall', 'alu8', 'store8.abs', 'restoreIrqState', 'saveIrqState', 'load8.abs', 'cmpbr8.fall', 'alu8', 'store8.abs', 'load8.abs', 'alu8', 'store8.abs',
  'constPtr', 'aluPtr', 'aluPtr', 'storePtr.idx', 'loadPtr.idx', 'cmpbrPtr.fall', 'loadPtr.idx', 'storePtr.idx', 'storePtr.abs', 'jump', 'loadPtr.idx', 'storePtr.idx', 'storePtr.idx', ...schedIfRunning,
], 'OSTaskDel: ISR, idle and priority checks; OS_PRIO_SELF; OSTCBPrioTbl lookup; ready bits; OS_EventTaskRemove; OS_FlagUnlink; lock/unlock; OSTaskCtr--; unlink from OSTCBList; OS_Sched');
/** OSTaskSuspend beyond its timed path: the checks, OS_PRIO_SELF and self test, the lookup, the ready-table removal, OS_Sched when suspending itself. */
export const taskSuspendRest = block('task-suspend-rest', [...frame(2), ...prioCheck, ...prioCheck, ...prioSelf, 'loadPtr.abs', 'load8.idx', 'cmpbr8.fall', ...prioTableLookup, ...readyRemoveInline, 'cmpbr8.fall', 'call', 'const8'], 'OSTaskSuspend: idle and priority checks; OS_PRIO_SELF; self; lookup; clear the ready bits; OSTCBStat |= OS_STAT_SUSPEND; OS_Sched if self');
/** OSTaskResume whole. */
export const taskResumeCode = block('task-resume', [...frame(2), ...prioCheck, 'saveIrqState', 'constPtr', 'aluPtr', 'aluPtr', 'loadPtr.idx', 'cmpbrPtr.fall', ...exitWithError, 'cmpbrPtr.fall', ...exitWithError, 'load8.idx', 'cmpbr8.fall', 'alu8', 'store8.idx', 'alu8', 'cmpbr8.fall', 'load16.idx', 'cmpbr16.fall', ...readyInsertInline, 'restoreIrqState', ...schedIfRunning, 'const8', 'jump', 'restoreIrqState', 'jump', ...exitWithError], 'OSTaskResume: priority check; lookup (OS_ERR_TASK_RESUME_PRIO, reserved); if suspended clear OS_STAT_SUSPEND and ready it unless pending or delayed; OS_Sched; else OS_ERR_TASK_NOT_SUSPENDED');
/** OSTaskQuery whole: the checks, OS_PRIO_SELF, the lookup, the TCB copied out in a loop. */
export const taskQueryCode = block('task-query', [...frame(2), ...prioCheck, ...nullCheck, 'saveIrqState', ...prioSelf, 'constPtr', 'aluPtr', 'aluPtr', 'loadPtr.idx', 'cmpbrPtr.fall', ...exitWithError, 'cmpbrPtr.fall', ...exitWithError, 'const8', 'movePtr', 'movePtr', 'load8.idx', 'store8.idx', 'alu8', 'cmpbr8.taken', 'restoreIrqState', 'const8'], 'OSTaskQuery: priority and NULL checks; OS_PRIO_SELF; lookup; *p_task_data = *ptcb (a byte-copy loop); OS_ERR_NONE');
/** OSTaskChangePrio beyond its timed path: the checks, the new priority's bits, the ready-table move, the wait-table move. */
export const taskChangePriorityRest = block('task-change-priority-rest', [
  ...frame(8), ...prioCheck, ...prioCheck, 'saveIrqState', 'constPtr', 'aluPtr', 'aluPtr', 'loadPtr.idx', 'cmpbrPtr.fall', ...exitWithError, ...prioSelf, ...prioTableLookup,
  ...prioBits, 'constPtr', 'aluPtr', 'aluPtr', 'storePtr.idx', 'storePtr.idx', 'load8.idx', 'load8.idx', 'load8.idx',
  'constPtr', 'aluPtr', 'load8.idx', 'alu8', 'cmpbr8.fall', 'alu8', 'store8.idx', 'cmpbr8.fall', 'load8.abs', 'alu8', 'store8.abs', 'load8.abs', 'alu8', 'store8.abs', 'constPtr', 'aluPtr', 'load8.idx', 'alu8', 'store8.idx',
  'loadPtr.idx', 'cmpbrPtr.fall', ...waitRemoveInline, ...waitInsertInline, ...schedIfRunning, 'const8',
], 'OSTaskChangePrio: priority checks; OS_ERR_PRIO_EXIST; OS_PRIO_SELF; lookup; new X/Y/BitX/BitY; OSTCBPrioTbl move; ready-table move if ready; wait-table move if pending; OS_Sched');

// --- time (os_time.c) ---

/** OSTimeDly beyond its timed path: the ISR and lock checks and the ready-table removal. */
export const timeDlyRest = block('time-dly-rest', [...frame(0), ...globalCheck, ...globalCheck, ...readyRemoveInline, 'call'], 'OSTimeDly: return in an ISR or with the scheduler locked; clear the ready bits; OS_Sched');
/** OSTimeDlyResume whole. */
export const timeDlyResumeCode = block('time-dly-resume', [...frame(0), ...prioCheck, 'saveIrqState', ...prioTableLookup, 'load16.idx', 'cmpbr16.fall', ...exitWithError, 'const8', 'store16.idx', 'load8.idx', 'alu8', 'cmpbr8.fall', 'alu8', 'store8.idx', 'const8', 'store8.idx', 'jump', 'store8.idx', 'load8.idx', 'alu8', 'cmpbr8.fall', ...readyInsertInline, ...exitAndSched, 'restoreIrqState', 'const8'], 'OSTimeDlyResume: priority check; lookup; OS_ERR_TIME_NOT_DLY; OSTCBDly = 0; a pend times out; ready unless suspended; OS_Sched');
/** OSTimeGet whole. */
export const timeGetCode = block('time-get', ['saveIrqState', 'load32.abs', 'restoreIrqState', ...frame(0)], 'OSTimeGet: OS_ENTER_CRITICAL; ticks = OSTime; OS_EXIT_CRITICAL');
/** OSTimeSet whole. */
export const timeSetCode = block('time-set', ['saveIrqState', 'store32.abs', 'restoreIrqState', ...frame(0)], 'OSTimeSet: OS_ENTER_CRITICAL; OSTime = ticks; OS_EXIT_CRITICAL');

// --- semaphores (os_sem.c) ---

/** OSSemAccept whole. */
export const semAcceptCode = block('sem-accept', [...nullCheck, ...typeCheck, 'saveIrqState', 'load16.idx', 'cmpbr16.fall', 'alu16', 'store16.idx', 'restoreIrqState', ...leafFrame(0)], 'OSSemAccept: NULL and type checks; if (OSEventCnt > 0) OSEventCnt--; return the old count');
/** OSSemCreate whole. */
export const semCreateCode = block('sem-create', [...frame(2), ...globalCheck, ...eventAlloc, ...eventInit, 'movePtr'], 'OSSemCreate: OSIntNesting check; take an ECB off OSEventFreeList; type SEM, count, OS_EventWaitListInit');
/** OSSemDel whole. */
export const semDeleteCode = block('sem-delete', deleteBody(eventFree), 'OSSemDel: argument checks; OS_DEL_NO_PEND / OS_DEL_ALWAYS / invalid option');
/** OSSemPend beyond its timed paths: the argument checks, its entry and the timeout branch after the wait. */
export const semPendRest = block('sem-pend-rest', [...entry(2), ...pendCheckReturns, 'const8', 'store8.idx', 'call', 'call', 'loadPtr.abs', ...perrStore, 'jump', ...callWith(2), ...perrStore, 'loadPtr.abs', 'store8.idx'], 'OSSemPend: perr, NULL, type, ISR and lock checks; OSTCBStatPend = OK; OS_EventTaskWait and OS_Sched calls; timeout -> OS_EventTaskRemove, OS_ERR_TIMEOUT');
/** OSSemPost beyond its timed path: the checks, the waiter branch calling OS_EventTaskRdy then OS_Sched, the overflow return. */
export const semPostRest = block('sem-post-rest', [...leafFrame(1), ...postCheckReturns, 'const8', 'const8', ...callWith(2), ...exitAndSched, ...exitWithError], 'OSSemPost: NULL and type checks; if waiters: OS_EventTaskRdy, OS_Sched; OS_ERR_SEM_OVF');
/** OSSemQuery whole. */
export const semQueryCode = block('sem-query', [...nullCheck, ...nullCheck, ...typeCheck, 'saveIrqState', 'load8.idx', 'store8.idx', ...copyWaitTable, 'load16.idx', 'store16.idx', 'restoreIrqState', 'const8', ...leafFrame(0)], 'OSSemQuery: checks; copy OSEventGrp, OSEventTbl[] and the count');

// --- mutexes (os_mutex.c) ---

/** OSMutex_RdyAtPrio beyond the raise: off the ready table at the old priority, new bits, on at the new one. */
export const mutexRdyAtPrioRest = block('mutex-rdy-at-prio-rest', [...readyRemoveInline, 'store8.idx', ...prioBits, ...readyInsertHeld, 'constPtr', 'aluPtr', 'aluPtr', 'storePtr.idx', ...frame(0)], 'OSMutex_RdyAtPrio: clear the ready bits; OSTCBPrio = prio; recompute X/Y/BitX/BitY; set the ready bits; OSTCBPrioTbl[prio] = ptcb');
/** OSMutexAccept whole. */
export const mutexAcceptCode = block('mutex-accept', [...frame(0), ...nullCheck, ...nullCheck, ...typeCheck, ...globalCheck, 'saveIrqState', 'load16.idx', 'move8', 'cmpbr8.fall', 'alu16', 'loadPtr.abs', 'load8.idx', 'alu16', 'store16.idx', 'storePtr.idx', 'cmpbr8.fall', 'restoreIrqState', ...perrStore, 'const8', 'jump', 'restoreIrqState', ...perrStore, 'jump', 'restoreIrqState', ...perrStore, 'const8'], 'OSMutexAccept: checks; if available take it (owner priority in the low byte, OSEventPtr = OSTCBCur), OS_ERR_PIP_LOWER when the owner outranks the PIP');
/** OSMutexCreate whole. */
export const mutexCreateCode = block('mutex-create', [...frame(4), ...nullCheck, ...prioCheck, 'store8.idx', ...globalCheck, 'saveIrqState', 'constPtr', 'aluPtr', 'aluPtr', 'loadPtr.idx', 'cmpbrPtr.fall', 'restoreIrqState', ...perrStore, 'jump', 'const8', 'storePtr.idx', 'loadPtr.abs', 'cmpbrPtr.fall', 'storePtr.idx', 'restoreIrqState', ...perrStore, 'jump', 'loadPtr.idx', 'storePtr.abs', 'restoreIrqState', 'const8', 'store8.idx', 'move8', 'const8', 'store16.idx', 'storePtr.idx', ...callWith(1), ...perrStore], 'OSMutexCreate: checks; reserve OSTCBPrioTbl[prio] for the PIP; take an ECB; type MUTEX, count = prio << 8 | available; OS_EventWaitListInit');
/** OSMutexDel whole: the common delete, plus the PIP slot freed and a raised owner restored. */
export const mutexDeleteCode = block('mutex-delete', [...deleteBody([...eventFree, 'constPtr', 'aluPtr', 'aluPtr', 'storePtr.idx']), 'load16.idx', 'move8', 'loadPtr.idx', 'cmpbrPtr.fall', 'load8.idx', 'cmpbr8.fall', ...callWith(2)], 'OSMutexDel: the checks and options of every delete; OSTCBPrioTbl[pip] = 0; restore a raised owner with OSMutex_RdyAtPrio');
/** OSMutexPend beyond its timed paths: the checks' returns, the owner's move at the raised priority (ready or waiting), the wait and its timeout. */
export const mutexPendRest = block('mutex-pend-rest', [
  ...frame(8), ...pendCheckReturns, 'move8', 'alu16',
  'load8.idx', 'constPtr', 'aluPtr', 'load8.idx', 'load8.idx', 'alu8', 'cmpbr8.fall', ...readyRemoveInline, 'const8', 'jump',
  'loadPtr.idx', 'nullbrPtr.fall', ...callWith(2), ...prioBits, 'cmpbr8.fall', ...readyInsertInline, 'jump', 'loadPtr.idx', 'nullbrPtr.fall', ...waitInsertInline,
  'constPtr', 'aluPtr', 'aluPtr', 'storePtr.idx', 'load8.idx', 'alu8', 'store16.idx', 'restoreIrqState', ...pendWaitRest,
], 'OSMutexPend: perr, NULL, type, ISR and lock checks; the owner raised to the PIP: off and back on the ready table, or (OS_EventTaskRemove) moved in the wait table it pends on; OSTCBPrioTbl[pip]; wait; timeout -> OS_EventTaskRemove');
/** OSMutexPost beyond its timed path: the checks, OS_ERR_NOT_MUTEX_OWNER, the hand-over to the best waiter. */
export const mutexPostRest = block('mutex-post-rest', [...frame(2), ...errorReturn, ...postCheckReturns, 'load16.idx', 'move8', 'alu16', ...exitWithError, ...callWith(2), 'const8', 'constPtr', 'aluPtr', 'aluPtr', 'storePtr.idx', 'const8', 'const8', ...callWith(2), 'alu16', 'alu16', 'store16.idx', 'constPtr', 'aluPtr', 'aluPtr', 'loadPtr.idx', 'storePtr.idx', ...exitAndSched, ...exitAndSched, 'alu16', 'store16.idx', 'const8', 'storePtr.idx'], 'OSMutexPost: ISR, NULL and type checks; only the owner may post; restore its priority (OSMutex_RdyAtPrio); OSTCBPrioTbl[pip] reserved; OS_EventTaskRdy to the best waiter, which becomes the owner; OS_Sched');
/** OSMutexQuery whole. */
export const mutexQueryCode = block('mutex-query', [...globalCheck, ...nullCheck, ...nullCheck, ...typeCheck, 'saveIrqState', 'load16.idx', 'store8.idx', 'store8.idx', 'cmpbr8.fall', 'const8', 'store8.idx', 'load8.idx', 'store8.idx', ...copyWaitTable, 'restoreIrqState', 'const8', ...frame(0)], 'OSMutexQuery: checks; PIP, owner priority, available flag, OSEventGrp and OSEventTbl[] copied out');

// --- message queues (os_q.c) ---

/** OS_QInit whole (called by OSInit): chain the queue control blocks into OSQFreeList. */
export const queueInitCode = block('queue-init', ['constPtr', 'const8', 'movePtr', 'aluPtr', 'storePtr.idx', 'alu8', 'cmpbr8.taken', 'const8', 'storePtr.idx', 'constPtr', 'storePtr.abs', ...frame(0)], 'OS_QInit: for (i = 0; i < OS_MAX_QS - 1; i++) OSQTbl[i].OSQPtr = &OSQTbl[i + 1]; last -> 0; OSQFreeList = &OSQTbl[0]');
/** OSQAccept whole. */
export const queueAcceptCode = block('queue-accept', [...nullCheck, ...nullCheck, ...typeCheck, 'saveIrqState', 'loadPtr.idx', 'load16.idx', 'cmpbr16.fall', 'loadPtr.idx', 'loadPtr.idx', 'aluPtr', 'storePtr.idx', 'load16.idx', 'alu16', 'store16.idx', 'loadPtr.idx', 'cmpbrPtr.fall', 'loadPtr.idx', 'storePtr.idx', ...perrStore, 'jump', ...perrStore, 'restoreIrqState', ...leafFrame(0)], 'OSQAccept: checks; if entries, take *OSQOut++ and wrap, else OS_ERR_Q_EMPTY');
/** OSQCreate whole. */
export const queueCreateCode = block('queue-create', [...frame(4), ...globalCheck, ...eventAlloc, 'saveIrqState', 'loadPtr.abs', 'cmpbrPtr.fall', 'loadPtr.idx', 'storePtr.abs', 'restoreIrqState', 'storePtr.idx', 'movePtr', 'aluPtr', 'aluPtr', 'storePtr.idx', 'storePtr.idx', 'storePtr.idx', 'store16.idx', 'const8', 'store16.idx', ...eventInit, 'jump', 'loadPtr.abs', 'storePtr.idx', 'storePtr.abs', 'restoreIrqState', 'const8'], 'OSQCreate: ISR check; take an ECB and an OS_Q; ring start, end, in, out, size, entries; type Q; OS_EventWaitListInit; give the ECB back when no OS_Q is left');
/** OSQDel whole: the common delete, plus the OS_Q returned to OSQFreeList. */
export const queueDeleteCode = block('queue-delete', deleteBody([...eventFree, 'loadPtr.idx', 'loadPtr.abs', 'storePtr.idx', 'storePtr.abs']), 'OSQDel: the checks and options of every delete; the OS_Q back on OSQFreeList');
/** OSQFlush whole. */
export const queueFlushCode = block('queue-flush', [...nullCheck, ...typeCheck, 'saveIrqState', 'loadPtr.idx', 'loadPtr.idx', 'storePtr.idx', 'storePtr.idx', 'const8', 'store16.idx', 'restoreIrqState', 'const8', ...leafFrame(0)], 'OSQFlush: checks; OSQIn = OSQOut = OSQStart; OSQEntries = 0');
/** OSQPend beyond its timed paths: the checks, the take's return and the wait's message or timeout. */
export const queuePendRest = block('queue-pend-rest', [...frame(2), ...pendCheckReturns, ...pendWaitRest, 'storePtr.idx'], 'OSQPend: perr, NULL, type, ISR and lock checks; return the message taken; else wait; the message handed over or OS_ERR_TIMEOUT');
/** OSQPost beyond its timed path: the checks, the waiter branch (OS_EventTaskRdy with the message, OS_Sched), OS_ERR_Q_FULL. */
export const queuePostRest = block('queue-post-rest', [...leafFrame(1), ...postCheckReturns, 'const8', 'const8', ...callWith(3), ...exitAndSched, ...exitWithError], 'OSQPost: NULL and type checks; if waiters: OS_EventTaskRdy(msg), OS_Sched; OS_ERR_Q_FULL');
/** OSQQuery whole. */
export const queueQueryCode = block('queue-query', [...nullCheck, ...nullCheck, ...typeCheck, 'saveIrqState', 'load8.idx', 'store8.idx', ...copyWaitTable, 'loadPtr.idx', 'load16.idx', 'cmpbr16.fall', 'loadPtr.idx', 'loadPtr.idx', 'jump', 'const8', 'storePtr.idx', 'store16.idx', 'load16.idx', 'store16.idx', 'restoreIrqState', 'const8', ...leafFrame(0)], 'OSQQuery: checks; wait list, next message, entries and size copied out');

// --- mailboxes (os_mbox.c) ---

/** OSMboxAccept whole. */
export const mailboxAcceptCode = block('mailbox-accept', [...nullCheck, ...typeCheck, 'saveIrqState', 'loadPtr.idx', 'const8', 'storePtr.idx', 'restoreIrqState', ...leafFrame(0)], 'OSMboxAccept: checks; take the message, empty the box');
/** OSMboxCreate whole. */
export const mailboxCreateCode = block('mailbox-create', [...frame(2), ...globalCheck, ...eventAlloc, ...eventInit, 'movePtr'], 'OSMboxCreate: ISR check; take an ECB; type MBOX, message; OS_EventWaitListInit');
/** OSMboxDel whole. */
export const mailboxDeleteCode = block('mailbox-delete', deleteBody(eventFree), 'OSMboxDel: the checks and options of every delete');
/** OSMboxPend whole (the slot it takes is the timed mailbox-slot block, counted under OSMboxPost). */
export const mailboxPendCode = block('mailbox-pend', [...frame(4), ...pendChecks, 'saveIrqState', 'loadPtr.idx', 'cmpbrPtr.fall', 'storePtr.idx', 'restoreIrqState', ...perrStore, 'jump', ...pendWaitAndResume, 'storePtr.idx'], 'OSMboxPend: checks; take the message if there is one; else wait; the message handed over or OS_ERR_TIMEOUT');
/** OSMboxPost beyond its timed path: the checks (a NULL message too), the waiter branch, OS_ERR_MBOX_FULL. */
export const mailboxPostRest = block('mailbox-post-rest', [...leafFrame(1), ...nullCheck, ...postCheckReturns, 'load8.idx', 'cmpbr8.fall', 'const8', 'const8', ...callWith(3), ...exitAndSched, ...exitWithError], 'OSMboxPost: NULL, message and type checks; if waiters: OS_EventTaskRdy(msg), OS_Sched; OS_ERR_MBOX_FULL');
/** OSMboxQuery whole. */
export const mailboxQueryCode = block('mailbox-query', [...nullCheck, ...nullCheck, ...typeCheck, 'saveIrqState', 'load8.idx', 'store8.idx', ...copyWaitTable, 'loadPtr.idx', 'storePtr.idx', 'restoreIrqState', 'const8', ...leafFrame(0)], 'OSMboxQuery: checks; wait list and message copied out');

// --- event flags (os_flag.c) ---

/** The four wait types a flag service tests, as the compiler lays out `switch (wait_type)`: one test-and-consume arm each. */
const flagWaitTypeArms = [
  'cmpbr8.fall', 'cmpbr8.fall', 'cmpbr8.fall', 'cmpbr8.fall',
  'load16.idx', 'alu16', 'cmpbr16.fall', 'cmpbr8.fall', 'alu16', 'alu16', 'store16.idx', 'jump',
  'load16.idx', 'alu16', 'cmpbr16.fall', 'cmpbr8.fall', 'alu16', 'alu16', 'store16.idx', 'jump',
  'load16.idx', 'alu16', 'alu16', 'cmpbr16.fall', 'cmpbr8.fall', 'alu16', 'store16.idx', 'jump',
  'load16.idx', 'alu16', 'alu16', 'cmpbr16.fall', 'cmpbr8.fall', 'alu16', 'store16.idx', 'jump',
] as const;
/** OS_FlagInit whole (called by OSInit): chain the flag groups into OSFlagFreeList. */
export const flagsInitCode = block('flags-init', ['constPtr', 'const8', 'movePtr', 'const8', 'store8.idx', 'aluPtr', 'storePtr.idx', 'alu8', 'cmpbr8.taken', 'const8', 'storePtr.idx', 'constPtr', 'storePtr.abs', ...frame(0)], 'OS_FlagInit: for each group: type UNUSED, OSFlagWaitList = next; last -> 0; OSFlagFreeList = &OSFlagTbl[0]');
/** OS_FlagTaskRdy whole: ready the waiter whose condition holds, then unlink its node. */
export const flagsTaskRdyCode = block('flags-task-rdy', [...frame(2), 'loadPtr.idx', 'const8', 'store16.idx', 'store16.idx', 'load8.idx', 'alu8', 'store8.idx', 'store8.idx', 'cmpbr8.fall', ...readyInsertInline, 'const8', ...callWith(1), 'move8'], 'OS_FlagTaskRdy: OSTCBDly = 0; OSTCBFlagsRdy; clear OS_STAT_FLAG; ready if nothing else holds it; OS_FlagUnlink');
/**
 * OS_FlagUnlink whole: take a node off the group's doubly linked wait list. The node stays in X
 * (idx2) while prev and next take Y and Z (two registers saved), and every link test is a NULL test.
 */
export const flagsUnlinkCode = block('flags-unlink', ['loadPtr.idx2', 'loadPtr.idx2', 'nullbrPtr.fall', 'loadPtr.idx2', 'storePtr.idx', 'nullbrPtr.fall', 'storePtr.idx', 'jump', 'storePtr.idx', 'nullbrPtr.fall', 'storePtr.idx', 'loadPtr.idx2', 'storePtr.idx', ...leafFrame(2)], 'OS_FlagUnlink: unlink from prev/next or the group head; OSTCBFlagNode = 0');
/** OS_FlagBlock whole: fill the wait node on the caller's stack, push it on the group's list, leave the ready table. */
export const flagsBlockCode = block('flags-block', [...frame(2), 'loadPtr.abs', 'load8.idx', 'alu8', 'store8.idx', 'const8', 'store8.idx', 'store16.idx', 'storePtr.idx', 'store16.idx', 'store8.idx', 'storePtr.idx', 'loadPtr.idx', 'storePtr.idx', 'const8', 'storePtr.idx', 'storePtr.idx', 'cmpbrPtr.fall', 'storePtr.idx', 'storePtr.idx', ...readyRemoveInline], 'OS_FlagBlock: OS_STAT_FLAG, timeout; node flags, wait type, TCB, group; push on OSFlagWaitList; clear the ready bits');
/** OSFlagAccept whole. */
export const flagsAcceptCode = block('flags-accept', [...leafFrame(2), ...nullCheck, ...nullCheck, ...typeCheck, 'alu8', 'cmpbr8.fall', 'alu8', 'const8', 'store8.idx', 'saveIrqState', ...flagWaitTypeArms, ...perrStore, 'restoreIrqState', 'jump', 'restoreIrqState', ...perrStore, 'const16'], 'OSFlagAccept: checks; OS_FLAG_CONSUME; switch on the four wait types, each testing and consuming; OS_ERR_FLAG_NOT_RDY; OS_ERR_FLAG_WAIT_TYPE');
/** OSFlagCreate whole. */
export const flagsCreateCode = block('flags-create', [...nullCheck, ...globalCheck, 'saveIrqState', 'loadPtr.abs', 'cmpbrPtr.fall', 'loadPtr.idx', 'storePtr.abs', 'const8', 'store8.idx', 'store16.idx', 'const8', 'storePtr.idx', 'restoreIrqState', ...perrStore, 'jump', 'restoreIrqState', ...perrStore, ...frame(0)], 'OSFlagCreate: checks; take a group off OSFlagFreeList; type FLAG, flags, empty wait list; OS_ERR_FLAG_GRP_DEPLETED');
/** OSFlagDel whole: the common delete, readying every waiter through OS_FlagTaskRdy. */
export const flagsDeleteCode = block('flags-delete', deleteBody(['const8', 'store8.idx', 'loadPtr.abs', 'storePtr.idx', 'const8', 'store16.idx', 'storePtr.abs']), 'OSFlagDel: the checks and options of every delete; OS_DEL_ALWAYS walks the wait list with OS_FlagTaskRdy');
/** OSFlagPend beyond its timed path: the checks, the consume option, the four wait types, OS_FlagBlock, and the wake-up (timeout, consume). */
export const flagsPendRest = block('flags-pend-rest', [
  ...frame(8), ...nullCheck, ...nullCheck, ...globalCheck, ...globalCheck, ...typeCheck, 'alu8', 'cmpbr8.fall', 'alu8', 'const8',
  ...flagWaitTypeArms, 'loadPtr.abs', 'store16.idx', 'restoreIrqState', ...perrStore, 'jump', ...callWith(5), 'restoreIrqState', 'jump', 'restoreIrqState', ...perrStore, 'jump',
  'call', 'saveIrqState', 'loadPtr.abs', 'load8.idx', 'cmpbr8.fall', 'const8', 'store8.idx', ...callWith(1), 'store8.idx', 'restoreIrqState', 'cmpbr8.fall', ...perrStore, 'jump',
  'load16.idx', 'cmpbr8.fall', 'cmpbr8.fall', 'load16.idx', 'alu16', 'alu16', 'store16.idx', 'jump', 'load16.idx', 'alu16', 'store16.idx', 'restoreIrqState', ...perrStore,
], 'OSFlagPend: perr, NULL, ISR, lock and type checks; OS_FLAG_CONSUME; the four wait types; OS_FlagBlock; OS_Sched; timeout or abort -> OS_FlagUnlink; consume what readied it');
/** OSFlagPost beyond its timed paths: the checks, set or clear, the per-waiter switch on four wait types, OS_FlagTaskRdy, OS_Sched, the final read. */
export const flagsPostRest = block('flags-post-rest', [
  ...leafFrame(8), ...nullCheck, ...nullCheck, ...typeCheck, 'cmpbr8.fall', 'cmpbr8.fall', 'load16.idx', 'alu16', 'alu16', 'store16.idx', 'jump', 'restoreIrqState', ...perrStore, 'jump',
  'const8', 'load8.idx', 'cmpbr8.fall', 'cmpbr8.fall', 'cmpbr8.fall', 'cmpbr8.fall',
  'load16.idx', 'load16.idx', 'alu16', 'cmpbr16.fall', 'jump', 'load16.idx', 'load16.idx', 'alu16', 'cmpbr16.fall', 'jump',
  'load16.idx', 'load16.idx', 'alu16', 'alu16', 'cmpbr16.fall', 'jump', 'load16.idx', 'load16.idx', 'alu16', 'alu16', 'cmpbr16.fall', 'jump',
  ...callWith(2), 'cmpbr8.fall', 'const8', 'restoreIrqState', 'cmpbr8.fall', 'call', 'saveIrqState', 'load16.idx', 'restoreIrqState', ...perrStore,
], 'OSFlagPost: perr, NULL and type checks; OS_FLAG_SET / OS_FLAG_CLR / invalid option; each waiter by its wait type; OS_FlagTaskRdy; OS_Sched; return the flags');
/** OSFlagQuery whole. */
export const flagsQueryCode = block('flags-query', [...nullCheck, ...nullCheck, ...typeCheck, 'saveIrqState', 'load16.idx', 'restoreIrqState', ...perrStore, ...leafFrame(0)], 'OSFlagQuery: checks; read OSFlagFlags in a critical section');
