import { DOUBLE_FIELD, type Cycles } from '../../hardware/units.ts';
import type { MutexProtocol } from '../../workloads/types.ts';
import type { Tcb } from './tcb.ts';

/** Something tasks can wait on; waiters are kept in the order the policy serves them. */
export class WaitObject {
  readonly waiters: Tcb[] = [];

  constructor(
    /** Index among objects of its kind (the probe subject). */
    readonly id: number,
    readonly name: string,
  ) {}
}

/** Cycles of the three paths of a pend/post pair, priced from the kernel mechanism that implements it. */
export interface SignalCosts {
  readonly pendFast: Cycles;
  readonly pendWait: Cycles;
  readonly postCount: Cycles;
}

/** A counting semaphore (a binary one has max 1). */
export class Semaphore extends WaitObject {
  constructor(
    id: number,
    name: string,
    public count: number,
    readonly max: number,
    /** Which mechanism prices it (a semaphore, or a message queue where the profile has no semaphores). */
    readonly costs: SignalCosts,
  ) {
    super(id, name);
  }
}

/** A mutex with priority inheritance, a priority ceiling, or the Stack Resource Policy. */
export class Mutex extends WaitObject {
  owner: Tcb | undefined = undefined;
  /** The owner's priority before this mutex raised it. */
  ownerSavedPriority = 0;
  /**
   * SRP: the system ceiling this mutex's lock found, restored by its unlock (locks nest). Declared
   * as a double: it takes "no ceiling" (Number.MAX_SAFE_INTEGER), not a small integer.
   */
  savedSystemCeiling = DOUBLE_FIELD;

  constructor(
    id: number,
    name: string,
    readonly protocol: MutexProtocol,
    /**
     * Highest priority (smallest number) of the tasks that lock it; under SRP the highest
     * preemption level (rank of the shortest relative deadline) of those tasks.
     */
    readonly ceiling: number,
  ) {
    super(id, name);
    this.savedSystemCeiling = 0;
  }
}

/** A message queue (a mailbox is one with capacity 1). */
export class MessageQueue extends WaitObject {
  count = 0;
  /** Messages refused because the queue was full (uC/OS-II's OS_ERR_Q_FULL). */
  dropped = 0;

  constructor(
    id: number,
    name: string,
    readonly capacity: number,
    readonly mailbox: boolean,
  ) {
    super(id, name);
  }
}

/** A group of 16 event flags; a waiter wakes when all bits of its mask are set, and consumes them. */
export class EventFlags extends WaitObject {
  bits = 0;
}
