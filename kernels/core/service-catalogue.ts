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
 * bytes stand alone beside its compiled C (calibration/c/, names in SERVICE_C_FUNCTIONS).
 * The glue of the core group (OS_Sched, OSIntExit, OSStart, ...) is counted from blocks.ts.
 */

/** One kernel function: its id, the C function it mirrors, where that C lives, when it is offered, its blocks. */
export interface KernelService {
  /** `<kind>.<service>`, e.g. `semaphore.delete`. */
  readonly id: string;
  /** The uC/OS-II 2.x function name. */
  readonly cFunction: string;
  /**
   * The file under calibration/c/ that holds the C: services/<kind>.c for the functions beyond the
   * timed paths, the calibration kernel's os_core.c and services.c for the pend, post and wait-list
   * functions it times whole.
   */
  readonly cFile: string;
  /** The service groups any one of which compiles the function in. */
  readonly offeredWith: readonly ServiceGroup[];
  /** Its timed main-path blocks (a wait path by the part its fast path does not hold), then its code-only rest. */
  readonly blocks: readonly Block[];
}

const EVENTS: readonly ServiceGroup[] = ['semaphore', 'mutex', 'queue', 'mailbox'];

function service(id: string, cFunction: string, cFile: string, offeredWith: readonly ServiceGroup[], blocks: readonly Block[]): KernelService {
  return { id, cFunction, cFile, offeredWith, blocks };
}

/** The catalogue: every function of every service group, in uC/OS-II's file order. */
export const KERNEL_SERVICES: readonly KernelService[] = [
  service('event.task-ready', 'OS_EventTaskRdy', 'os_core.c', EVENTS, [T.eventTaskRdy, T.messageHandOver, C.eventTaskRdyRest]),
  service('event.task-wait', 'OS_EventTaskWait', 'os_core.c', EVENTS, [C.eventTaskWaitCode]),
  service('event.task-remove', 'OS_EventTaskRemove', 'os_core.c', EVENTS, [C.eventTaskRemoveCode]),
  service('event.wait-list-init', 'OS_EventWaitListInit', 'services/core.c', EVENTS, [C.eventWaitListInitCode]),
  service('event.list-init', 'OS_InitEventList', 'services/core.c', EVENTS, [C.eventListInitCode]),
  service('sched.lock', 'OSSchedLock', 'services/core.c', ['task'], [T.schedLock, C.schedLockRest]),
  service('sched.unlock', 'OSSchedUnlock', 'services/core.c', ['task'], [C.schedUnlockCode]),

  service('task.tcb-init', 'OS_TCBInit', 'services/task.c', ['task'], [T.taskCreate, C.tcbInitRest]),
  service('task.create', 'OSTaskCreate', 'services/task.c', ['task'], [C.taskCreateCode]),
  service('task.delete', 'OSTaskDel', 'services/task.c', ['task'], [T.taskDelete, C.taskDeleteRest]),
  service('task.suspend', 'OSTaskSuspend', 'services/task.c', ['task'], [T.taskSuspendResume, C.taskSuspendRest]),
  service('task.resume', 'OSTaskResume', 'services/task.c', ['task'], [C.taskResumeCode]),
  service('task.query', 'OSTaskQuery', 'services/task.c', ['task'], [C.taskQueryCode]),
  service('task.change-priority', 'OSTaskChangePrio', 'services/task.c', ['priorityChange'], [T.taskChangePriority, C.taskChangePriorityRest]),

  service('time.delay', 'OSTimeDly', 'services/time.c', ['time'], [T.timeDly, C.timeDlyRest]),
  service('time.delay-resume', 'OSTimeDlyResume', 'services/time.c', ['time'], [C.timeDlyResumeCode]),
  service('time.get', 'OSTimeGet', 'services/time.c', ['time'], [C.timeGetCode]),
  service('time.set', 'OSTimeSet', 'services/time.c', ['time'], [C.timeSetCode]),

  service('semaphore.accept', 'OSSemAccept', 'services/sem.c', ['semaphore'], [C.semAcceptCode]),
  service('semaphore.create', 'OSSemCreate', 'services/sem.c', ['semaphore'], [C.semCreateCode]),
  service('semaphore.delete', 'OSSemDel', 'services/sem.c', ['semaphore'], [C.semDeleteCode]),
  service('semaphore.pend', 'OSSemPend', 'services.c', ['semaphore'], [T.semPendFast, T.semPendWaitCode, T.pendResume, C.semPendRest]),
  service('semaphore.post', 'OSSemPost', 'services.c', ['semaphore'], [T.semPostCount, C.semPostRest]),
  service('semaphore.query', 'OSSemQuery', 'services/sem.c', ['semaphore'], [C.semQueryCode]),

  service('mutex.ready-at-priority', 'OSMutex_RdyAtPrio', 'services/mutex.c', ['mutex'], [T.priorityRaise, C.mutexRdyAtPrioRest]),
  service('mutex.accept', 'OSMutexAccept', 'services/mutex.c', ['mutex'], [C.mutexAcceptCode]),
  service('mutex.create', 'OSMutexCreate', 'services/mutex.c', ['mutex'], [C.mutexCreateCode]),
  service('mutex.delete', 'OSMutexDel', 'services/mutex.c', ['mutex'], [C.mutexDeleteCode]),
  service('mutex.pend', 'OSMutexPend', 'services.c', ['mutex'], [T.mutexLockFree, T.mutexLockBusyCode, C.mutexPendRest]),
  service('mutex.post', 'OSMutexPost', 'services.c', ['mutex'], [T.mutexUnlock, C.mutexPostRest]),
  service('mutex.query', 'OSMutexQuery', 'services/mutex.c', ['mutex'], [C.mutexQueryCode]),

  service('queue.init', 'OS_QInit', 'services/queue.c', ['queue'], [C.queueInitCode]),
  service('queue.accept', 'OSQAccept', 'services/queue.c', ['queue'], [C.queueAcceptCode]),
  service('queue.create', 'OSQCreate', 'services/queue.c', ['queue'], [C.queueCreateCode]),
  service('queue.delete', 'OSQDel', 'services/queue.c', ['queue'], [C.queueDeleteCode]),
  service('queue.flush', 'OSQFlush', 'services/queue.c', ['queue'], [C.queueFlushCode]),
  service('queue.pend', 'OSQPend', 'services.c', ['queue'], [T.queueGet, T.queueWaitCode, C.queuePendRest]),
  service('queue.post', 'OSQPost', 'services.c', ['queue'], [T.queuePut, C.queuePostRest]),
  service('queue.query', 'OSQQuery', 'services/queue.c', ['queue'], [C.queueQueryCode]),

  service('mailbox.accept', 'OSMboxAccept', 'services/mailbox.c', ['mailbox'], [C.mailboxAcceptCode]),
  service('mailbox.create', 'OSMboxCreate', 'services/mailbox.c', ['mailbox'], [C.mailboxCreateCode]),
  service('mailbox.delete', 'OSMboxDel', 'services/mailbox.c', ['mailbox'], [C.mailboxDeleteCode]),
  service('mailbox.pend', 'OSMboxPend', 'services/mailbox.c', ['mailbox'], [C.mailboxPendCode]),
  service('mailbox.post', 'OSMboxPost', 'services.c', ['mailbox'], [T.mailboxSlot, C.mailboxPostRest]),
  service('mailbox.query', 'OSMboxQuery', 'services/mailbox.c', ['mailbox'], [C.mailboxQueryCode]),

  service('flags.init', 'OS_FlagInit', 'services/flags.c', ['flags'], [C.flagsInitCode]),
  service('flags.task-ready', 'OS_FlagTaskRdy', 'services/flags.c', ['flags'], [C.flagsTaskRdyCode]),
  service('flags.unlink', 'OS_FlagUnlink', 'services/flags.c', ['flags'], [C.flagsUnlinkCode]),
  service('flags.block', 'OS_FlagBlock', 'services/flags.c', ['flags'], [C.flagsBlockCode]),
  service('flags.accept', 'OSFlagAccept', 'services/flags.c', ['flags'], [C.flagsAcceptCode]),
  service('flags.create', 'OSFlagCreate', 'services/flags.c', ['flags'], [C.flagsCreateCode]),
  service('flags.delete', 'OSFlagDel', 'services/flags.c', ['flags'], [C.flagsDeleteCode]),
  service('flags.pend', 'OSFlagPend', 'services/flags.c', ['flags'], [T.flagsWait, C.flagsPendRest]),
  service('flags.post', 'OSFlagPost', 'services/flags.c', ['flags'], [T.flagsSet, T.flagsWaiterStep, C.flagsPostRest]),
  service('flags.query', 'OSFlagQuery', 'services/flags.c', ['flags'], [C.flagsQueryCode]),
];

/** Model service id -> the uC/OS-II C function its bytes are checked against (in calibration/c/, file in `cFile`). */
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
