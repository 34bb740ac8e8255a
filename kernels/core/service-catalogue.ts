import { price, type Block } from '../../hardware/block.ts';
import type { Target } from '../../hardware/target.ts';
import * as T from './blocks.ts';
import type { ServiceGroup } from './blocks.ts';
import * as C from './service-code.ts';

/*
 * Every kernel function a core-based configuration compiles in, as the uC/OS-II 2.x C function it
 * mirrors: the blocks of its timed main path (blocks.ts, executed by the kernel) and the code-only
 * rest of the function (service-code.ts: argument checks, error returns, untaken branches), so that
 * a footprint counts whole functions. A function is offered when the profile offers any of its
 * groups (footprint.ts `serviceGroups` reads them off the profile's Table 1 fields: `services`,
 * `priorityChange`, `inversion`); a timed block belongs to at most one function, so each function's
 * bytes stand alone beside its compiled C (calibration/c/services/, names in SERVICE_C_FUNCTIONS).
 * The glue of the core group (OS_Sched, OSIntExit, OSStart, ...) is counted from blocks.ts.
 */

/** One kernel function: its id, the C function it mirrors, where that C lives, when it is offered, its blocks. */
export interface KernelService {
  /** `<kind>.<service>`, e.g. `semaphore.delete`. */
  readonly id: string;
  /** The uC/OS-II 2.x function name. */
  readonly cFunction: string;
  /** The file under calibration/c/services/ that holds the C. */
  readonly cFile: string;
  /** The service groups any one of which compiles the function in. */
  readonly offeredWith: readonly ServiceGroup[];
  /** Its timed main-path blocks, then its code-only rest. */
  readonly blocks: readonly Block[];
}

const EVENTS: readonly ServiceGroup[] = ['semaphore', 'mutex', 'queue', 'mailbox'];

function service(id: string, cFunction: string, cFile: string, offeredWith: readonly ServiceGroup[], blocks: readonly Block[]): KernelService {
  return { id, cFunction, cFile, offeredWith, blocks };
}

/** The catalogue: every function of every service group, in uC/OS-II's file order. */
export const KERNEL_SERVICES: readonly KernelService[] = [
  service('event.task-ready', 'OS_EventTaskRdy', 'core.c', EVENTS, [T.eventTaskRdy, T.messageHandOver, C.eventTaskRdyRest]),
  service('event.task-wait', 'OS_EventTaskWait', 'core.c', EVENTS, [C.eventTaskWaitCode]),
  service('event.task-remove', 'OS_EventTaskRemove', 'core.c', EVENTS, [C.eventTaskRemoveCode]),
  service('event.wait-list-init', 'OS_EventWaitListInit', 'core.c', EVENTS, [C.eventWaitListInitCode]),
  service('event.list-init', 'OS_InitEventList', 'core.c', EVENTS, [C.eventListInitCode]),
  service('sched.lock', 'OSSchedLock', 'core.c', ['task'], [T.schedLock, C.schedLockRest]),
  service('sched.unlock', 'OSSchedUnlock', 'core.c', ['task'], [C.schedUnlockCode]),

  service('task.tcb-init', 'OS_TCBInit', 'task.c', ['task'], [T.taskCreate, C.tcbInitRest]),
  service('task.create', 'OSTaskCreate', 'task.c', ['task'], [C.taskCreateCode]),
  service('task.delete', 'OSTaskDel', 'task.c', ['task'], [T.taskDelete, C.taskDeleteRest]),
  service('task.suspend', 'OSTaskSuspend', 'task.c', ['task'], [T.taskSuspendResume, C.taskSuspendRest]),
  service('task.resume', 'OSTaskResume', 'task.c', ['task'], [C.taskResumeCode]),
  service('task.query', 'OSTaskQuery', 'task.c', ['task'], [C.taskQueryCode]),
  service('task.change-priority', 'OSTaskChangePrio', 'task.c', ['priorityChange'], [T.taskChangePriority, C.taskChangePriorityRest]),

  service('time.delay', 'OSTimeDly', 'time.c', ['time'], [T.timeDly, C.timeDlyRest]),
  service('time.delay-resume', 'OSTimeDlyResume', 'time.c', ['time'], [C.timeDlyResumeCode]),
  service('time.get', 'OSTimeGet', 'time.c', ['time'], [C.timeGetCode]),
  service('time.set', 'OSTimeSet', 'time.c', ['time'], [C.timeSetCode]),

  service('semaphore.accept', 'OSSemAccept', 'sem.c', ['semaphore'], [C.semAcceptCode]),
  service('semaphore.create', 'OSSemCreate', 'sem.c', ['semaphore'], [C.semCreateCode]),
  service('semaphore.delete', 'OSSemDel', 'sem.c', ['semaphore'], [C.semDeleteCode]),
  service('semaphore.pend', 'OSSemPend', 'sem.c', ['semaphore'], [T.semPendFast, T.semPendWait, T.pendResume, C.semPendRest]),
  service('semaphore.post', 'OSSemPost', 'sem.c', ['semaphore'], [T.semPostCount, C.semPostRest]),
  service('semaphore.query', 'OSSemQuery', 'sem.c', ['semaphore'], [C.semQueryCode]),

  service('mutex.ready-at-priority', 'OSMutex_RdyAtPrio', 'mutex.c', ['mutex'], [T.priorityRaise, C.mutexRdyAtPrioRest]),
  service('mutex.accept', 'OSMutexAccept', 'mutex.c', ['mutex'], [C.mutexAcceptCode]),
  service('mutex.create', 'OSMutexCreate', 'mutex.c', ['mutex'], [C.mutexCreateCode]),
  service('mutex.delete', 'OSMutexDel', 'mutex.c', ['mutex'], [C.mutexDeleteCode]),
  service('mutex.pend', 'OSMutexPend', 'mutex.c', ['mutex'], [T.mutexLockFree, T.mutexLockBusy, C.mutexPendRest]),
  service('mutex.post', 'OSMutexPost', 'mutex.c', ['mutex'], [T.mutexUnlock, C.mutexPostRest]),
  service('mutex.query', 'OSMutexQuery', 'mutex.c', ['mutex'], [C.mutexQueryCode]),

  service('queue.init', 'OS_QInit', 'queue.c', ['queue'], [C.queueInitCode]),
  service('queue.accept', 'OSQAccept', 'queue.c', ['queue'], [C.queueAcceptCode]),
  service('queue.create', 'OSQCreate', 'queue.c', ['queue'], [C.queueCreateCode]),
  service('queue.delete', 'OSQDel', 'queue.c', ['queue'], [C.queueDeleteCode]),
  service('queue.flush', 'OSQFlush', 'queue.c', ['queue'], [C.queueFlushCode]),
  service('queue.pend', 'OSQPend', 'queue.c', ['queue'], [T.queueGet, T.queueWait, C.queuePendRest]),
  service('queue.post', 'OSQPost', 'queue.c', ['queue'], [T.queuePut, C.queuePostRest]),
  service('queue.query', 'OSQQuery', 'queue.c', ['queue'], [C.queueQueryCode]),

  service('mailbox.accept', 'OSMboxAccept', 'mailbox.c', ['mailbox'], [C.mailboxAcceptCode]),
  service('mailbox.create', 'OSMboxCreate', 'mailbox.c', ['mailbox'], [C.mailboxCreateCode]),
  service('mailbox.delete', 'OSMboxDel', 'mailbox.c', ['mailbox'], [C.mailboxDeleteCode]),
  service('mailbox.pend', 'OSMboxPend', 'mailbox.c', ['mailbox'], [C.mailboxPendCode]),
  service('mailbox.post', 'OSMboxPost', 'mailbox.c', ['mailbox'], [T.mailboxSlot, C.mailboxPostRest]),
  service('mailbox.query', 'OSMboxQuery', 'mailbox.c', ['mailbox'], [C.mailboxQueryCode]),

  service('flags.init', 'OS_FlagInit', 'flags.c', ['flags'], [C.flagsInitCode]),
  service('flags.task-ready', 'OS_FlagTaskRdy', 'flags.c', ['flags'], [C.flagsTaskRdyCode]),
  service('flags.unlink', 'OS_FlagUnlink', 'flags.c', ['flags'], [C.flagsUnlinkCode]),
  service('flags.block', 'OS_FlagBlock', 'flags.c', ['flags'], [C.flagsBlockCode]),
  service('flags.accept', 'OSFlagAccept', 'flags.c', ['flags'], [C.flagsAcceptCode]),
  service('flags.create', 'OSFlagCreate', 'flags.c', ['flags'], [C.flagsCreateCode]),
  service('flags.delete', 'OSFlagDel', 'flags.c', ['flags'], [C.flagsDeleteCode]),
  service('flags.pend', 'OSFlagPend', 'flags.c', ['flags'], [T.flagsWait, C.flagsPendRest]),
  service('flags.post', 'OSFlagPost', 'flags.c', ['flags'], [T.flagsSet, T.flagsWaiterStep, C.flagsPostRest]),
  service('flags.query', 'OSFlagQuery', 'flags.c', ['flags'], [C.flagsQueryCode]),
];

/** Model service id -> the uC/OS-II C function its bytes are checked against (calibration/c/services/). */
export const SERVICE_C_FUNCTIONS: Readonly<Record<string, string>> = Object.fromEntries(KERNEL_SERVICES.map((s) => [s.id, s.cFunction]));

/** The functions a configuration with these service groups compiles in. */
export function offeredServices(groups: readonly ServiceGroup[]): KernelService[] {
  const offered = new Set(groups);
  return KERNEL_SERVICES.filter((s) => s.offeredWith.some((g) => offered.has(g)));
}

/** A function's model bytes on `target`: its timed blocks and its code-only rest, each once (what its compiled C is checked against). */
export function serviceBytes(s: KernelService, target: Target): number {
  return [...new Set(s.blocks)].reduce((sum, b) => sum + price(b, target).bytes, 0);
}
