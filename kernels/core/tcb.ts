import type { ExecContext } from '../../hardware/exec-context.ts';
import { DOUBLE_FIELD, type Cycles } from '../../hardware/units.ts';
import type { Field } from './layout.ts';

/** Where a task is in its life. */
export const TaskState = { Ready: 0, Delayed: 1, Blocked: 2, Suspended: 3, Dormant: 4 } as const;

/** The code of a task state. */
export type TaskState = (typeof TaskState)[keyof typeof TaskState];

// Each state as a plain constant for the kernels' hot paths: a direct binding, no property read.
export const STATE_READY = TaskState.Ready;
export const STATE_DELAYED = TaskState.Delayed;
export const STATE_BLOCKED = TaskState.Blocked;
export const STATE_SUSPENDED = TaskState.Suspended;
export const STATE_DORMANT = TaskState.Dormant;

/** What the kernel asks of a task's code when its APP is suspended and relaunched (the task runner). */
export interface TaskLifecycle {
  /** The APP is suspended: the job the task has open, if any, is lost. */
  abandon(): void;
  /** The APP is relaunched: the jobs released meanwhile are lost; the task's context is queued to wait for its next release. */
  relaunch(): void;
}

/**
 * A task control block. The kernel's data structures link TCBs directly (`next` for the ready
 * structure, `timerNext` for the timer structure), as the C kernels do; fields a design does not use
 * stay at their defaults.
 */
export class Tcb {
  /** Effective priority (0 most urgent): raised by inheritance or a ceiling, else `basePriority`. */
  priority: number;
  /** Wang and Saksena's preemption threshold while running: min(baseThreshold, priority). */
  threshold: number;
  /** The task's own preemption threshold (a priority level, <= basePriority). */
  baseThreshold: number;
  state: TaskState = TaskState.Dormant;
  /** Absolute deadline in ticks (EDF's key), 32-bit in the kernel; in cycles under exact releases. */
  deadlineTick = DOUBLE_FIELD;
  /** Ticks left to sleep (per-tick scan), or the delta to the previous entry (delta list). */
  delay = 0;
  /** Link in the ready structure (linked designs). */
  next: Tcb | undefined = undefined;
  /** Link in the timer structure (sleep queue, timer-info queue, delta list). */
  timerNext: Tcb | undefined = undefined;
  /** Ticks left in the current time slice. */
  sliceLeft = 0;
  /** Index of the isolated APP the task belongs to (its MPU regions), or undefined for a kernel task. */
  app: number | undefined = undefined;
  /** Wait queue the task blocks on, if any. */
  waitingOn: unknown = undefined;
  /** Event-flag bits the task waits for (all of them). */
  waitMask = 0;
  /** True while the task waits for its next job (a release wakes it, the probe sees JobRelease). */
  awaitingRelease = false;
  /** Nominal release time of the current job, in cycles. */
  releaseCycles: Cycles = DOUBLE_FIELD;
  /** Tick of the current job's release (its deadline counts from it); -1 until a signal releases it. */
  releaseTick = 1;
  /**
   * An arrival (a job's release, or a wake from a wait) the task has not had the CPU since: it
   * competes like a new job (no non-preemptive shield; under the Stack Resource Policy it must pass
   * the ceiling test, as a preempted job, which never left the CPU by its own wait, need not).
   */
  arriving = false;
  /** SRP mutexes the task holds: a holder woken from a wait is on SRP's stack, not an arrival. */
  srpLocksHeld = 0;
  /** Baker's preemption level, the rank of the task's relative deadline: smaller is higher (SRP). */
  preemptionLevel = Number.MAX_SAFE_INTEGER;
  /** Scheduler-lock depth of the task (the paper's non-preemptive final part of a job). */
  lockDepth = 0;
  /** The task yielded: an equal-priority task may take the CPU at the next scheduling point. */
  yielding = false;
  /** What the task continues with after its pending OS_Sched (set by the service that calls it). */
  continuation: (() => void) | undefined = undefined;
  /** Cycles the task runs when it gets the CPU back inside that OS_Sched (return path of the service). */
  resumeCycles: Cycles = DOUBLE_FIELD;
  /** The task's code, told when its APP is suspended or relaunched; undefined for a task outside an APP. */
  lifecycle: TaskLifecycle | undefined = undefined;

  constructor(
    /** Index in the workload's task list (the probe subject); the idle task's is set to the task count. */
    public index: number,
    readonly name: string,
    /** The task's own priority (0 most urgent). */
    public basePriority: number,
    /** The execution context, or undefined for the idle task (the CPU idles). */
    readonly ctx: ExecContext | undefined,
  ) {
    // Cycle fields are declared as doubles (they pass 2^31 on long runs) and start here.
    this.deadlineTick = 0;
    this.releaseCycles = 0;
    this.resumeCycles = 0;
    this.priority = basePriority;
    this.threshold = basePriority;
    this.baseThreshold = basePriority;
  }
}

/**
 * The fields of a TCB in uC/OS-II 2.86's OS_TCB order and sizes (ucos_ii.h V2.86, in the
 * configuration every profile describes: events, mailboxes and queues, event flags, task delete on;
 * no names, extensions or statistics), the layout the calibration kernel compiles (calibration/c/os.h).
 * A design appends its own fields after these (a ready link, a deadline, a timer link, a slice
 * counter), as that header does, so the offsets here are the same for every design.
 */
export const CORE_TCB_FIELDS: readonly Field[] = [
  { name: 'OSTCBStkPtr', type: 'ptr' },
  { name: 'OSTCBNext', type: 'ptr' },
  { name: 'OSTCBPrev', type: 'ptr' },
  { name: 'OSTCBEventPtr', type: 'ptr' },
  { name: 'OSTCBMsg', type: 'ptr' },
  { name: 'OSTCBFlagNode', type: 'ptr' },
  // OS_FLAGS is INT16U in the configuration kbench describes.
  { name: 'OSTCBFlagsRdy', type: 'u16' },
  { name: 'OSTCBDly', type: 'u16' },
  { name: 'OSTCBStat', type: 'u8' },
  { name: 'OSTCBStatPend', type: 'u8' },
  { name: 'OSTCBPrio', type: 'u8' },
  // The ready-table and wait-table coordinates of the priority, kept in every TCB (uC/OS-II's event
  // wait lists use them whatever the ready structure).
  { name: 'OSTCBX', type: 'u8' },
  { name: 'OSTCBY', type: 'u8' },
  { name: 'OSTCBBitX', type: 'u8' },
  { name: 'OSTCBBitY', type: 'u8' },
  { name: 'OSTCBDelReq', type: 'u8' },
];
