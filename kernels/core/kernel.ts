import type { ExecContext } from '../../hardware/exec-context.ts';
import type { Cycles } from '../../hardware/units.ts';
import { Dispatcher } from './dispatcher.ts';
import type { EventFlags, MessageQueue, Mutex, Semaphore, WaitObject } from './objects.ts';
import { STATE_DELAYED, STATE_DORMANT, STATE_READY, STATE_SUSPENDED, type Tcb } from './tcb.ts';
import { EV_EVENT_SET, EV_EVENT_WAIT, EV_MSG_RECEIVE, EV_MSG_SEND, EV_SEM_GIVE, EV_SEM_TAKE, SEG_KERNEL, SEG_TASK } from '../../hardware/probe-codes.ts';

/**
 * The shared kernel's services (uC/OS-II's API): each runs as segments on the calling task, the
 * masked ones being the C code's critical sections, and ends in OS_Sched through `finish`.
 * ISR-side posts return their cycles for the ISR to queue.
 */
export class Kernel extends Dispatcher {
  // ---- task-level services (each continues with `done` on the calling task) ----------------

  /** OSTimeDly(ticks). */
  delay(t: Tcb, ticks: number, done: () => void): void {
    if (ticks <= 0) {
      t.ctx?.run(this.cycles.timeDly, SEG_KERNEL, false, done);
      return;
    }
    const cycles = this.cycles.timeDly + this.makeUnready(t, STATE_DELAYED) + this.timer.sleep(t, ticks) + this.cycles.critExit;
    this.finish(t, cycles, this.cycles.schedReturn, done);
  }

  /**
   * Delay until OSTime reaches `wakeTick`. When it already has, a task waiting for its next job has
   * that job released at once (a scheduling point where the release re-keys). Returns true when it waits.
   */
  delayUntil(t: Tcb, wakeTick: number, done: () => void): boolean {
    const ticks = wakeTick - this.time;
    if (ticks <= 0) {
      this.continueReleased(t, this.cycles.timeDlyUntil, done);
      return false;
    }
    const cycles = this.cycles.timeDlyUntil + this.cycles.timeDly + this.makeUnready(t, STATE_DELAYED) + this.timer.sleep(t, ticks) + this.cycles.critExit;
    this.finish(t, cycles, this.cycles.schedReturn, done);
    return true;
  }

  /**
   * OSSemPend (no timeout). Emits SemTake when the task gets the semaphore; a task waiting on its
   * release signal that finds it posted has its next job released at once.
   */
  semTake(t: Tcb, s: Semaphore, done: () => void): void {
    if (s.count > 0) {
      s.count--;
      this.engine.probe.emit(EV_SEM_TAKE, this.engine.now, s.id, t.index);
      this.continueReleased(t, s.costs.pendFast, done);
      return;
    }
    const cycles = s.costs.pendWait + this.block(t, s);
    this.finish(t, cycles, this.cycles.schedReturn + this.cycles.pendResume, done);
  }

  /** OSSemPost from a task. */
  semGive(t: Tcb, s: Semaphore, done: () => void): void {
    this.engine.probe.emit(EV_SEM_GIVE, this.engine.now, s.id, t.index);
    const w = s.waiters.shift();
    if (w === undefined) {
      if (s.count < s.max) s.count++;
      t.ctx?.run(s.costs.postCount, SEG_KERNEL, true, done);
      return;
    }
    this.engine.probe.emit(EV_SEM_TAKE, this.engine.now, s.id, w.index);
    this.finish(t, this.cycles.eventTaskRdy + this.unblock(w), this.cycles.schedReturn, done);
  }

  /**
   * OSMutexPend: ceiling raises the owner at once; inheritance raises a lower owner when a higher
   * task waits; SRP raises the system ceiling, and finds the mutex free (its ceiling test kept out
   * every job that could want it), so its lock never waits.
   */
  mutexLock(t: Tcb, m: Mutex, done: () => void): void {
    if (m.owner === undefined) {
      m.owner = t;
      m.ownerSavedPriority = t.priority;
      let cycles = this.cycles.mutexLockFree;
      if (m.protocol === 'ceiling' && m.ceiling < t.priority) cycles += this.setPriority(t, m.ceiling);
      else if (m.protocol === 'srp') cycles += this.raiseSystemCeiling(m);
      this.engine.probe.emit(EV_SEM_TAKE, this.engine.now, m.id, t.index);
      t.ctx?.run(cycles, SEG_KERNEL, true, done);
      return;
    }
    let cycles = this.cycles.mutexLockBusy;
    // Inheritance is transitive: an owner blocked on another inheritance mutex lends on to its owner.
    let held: Mutex | undefined = m;
    while (held?.owner !== undefined && held.protocol === 'inheritance' && this.ready.precedes(t, held.owner)) {
      const owner: Tcb = held.owner;
      cycles += this.setPriority(owner, t.priority);
      const next = owner.waitingOn as Partial<Mutex> | undefined;
      held = next?.protocol === undefined ? undefined : (next as Mutex);
    }
    cycles += this.block(t, m);
    this.finish(t, cycles, this.cycles.schedReturn + this.cycles.pendResume, done);
  }

  /**
   * OSMutexPost: restore the owner's priority (SRP: the system ceiling), hand the mutex to the best
   * waiter. OS_Sched follows: a lower ceiling may admit a job that waited for it.
   */
  mutexUnlock(t: Tcb, m: Mutex, done: () => void): void {
    if (m.owner !== t) throw new Error(`task ${t.name} unlocks mutex ${m.name} it does not own`);
    let cycles = this.cycles.mutexUnlock;
    if (t.priority !== m.ownerSavedPriority) cycles += this.setPriority(t, m.ownerSavedPriority);
    if (m.protocol === 'srp') cycles += this.restoreSystemCeiling(m);
    this.engine.probe.emit(EV_SEM_GIVE, this.engine.now, m.id, t.index);
    const w = m.waiters.shift();
    m.owner = w;
    if (w === undefined) {
      this.finish(t, cycles, this.cycles.schedReturn, done);
      return;
    }
    m.ownerSavedPriority = w.priority;
    // An SRP lock waits only where a holder waited for something else; the new owner is on SRP's stack.
    if (m.protocol === 'srp') cycles += this.raiseSystemCeiling(m);
    cycles += this.cycles.eventTaskRdy + this.unblock(w);
    if (m.protocol === 'ceiling' && m.ceiling < w.priority) cycles += this.setPriority(w, m.ceiling);
    this.engine.probe.emit(EV_SEM_TAKE, this.engine.now, m.id, w.index);
    this.finish(t, cycles, this.cycles.schedReturn, done);
  }

  /** OSQPost / OSMboxPost from a task: hand to a waiting receiver, else store, else drop. */
  send(t: Tcb, q: MessageQueue, done: () => void): void {
    this.engine.probe.emit(EV_MSG_SEND, this.engine.now, q.id, t.index);
    const put = q.mailbox ? this.cycles.mailboxSlot : this.cycles.queuePut;
    const w = q.waiters.shift();
    if (w === undefined) {
      if (q.count < q.capacity) q.count++;
      else q.dropped++;
      t.ctx?.run(put, SEG_KERNEL, true, done);
      return;
    }
    this.engine.probe.emit(EV_MSG_RECEIVE, this.engine.now, q.id, w.index);
    this.finish(t, put + this.cycles.messageHandOver + this.cycles.eventTaskRdy + this.unblock(w), this.cycles.schedReturn, done);
  }

  /** OSQPend / OSMboxPend (no timeout). */
  receive(t: Tcb, q: MessageQueue, done: () => void): void {
    const get = q.mailbox ? this.cycles.mailboxSlot : this.cycles.queueGet;
    if (q.count > 0) {
      q.count--;
      this.engine.probe.emit(EV_MSG_RECEIVE, this.engine.now, q.id, t.index);
      t.ctx?.run(get, SEG_KERNEL, true, done);
      return;
    }
    this.finish(t, this.cycles.queueWait + this.block(t, q), this.cycles.schedReturn + this.cycles.pendResume, done);
  }

  /** OSFlagPost: set bits, wake every waiter whose mask is now complete (each consumes its bits). */
  flagsSet(t: Tcb, f: EventFlags, mask: number, done: () => void): void {
    this.engine.probe.emit(EV_EVENT_SET, this.engine.now, f.id, mask);
    const cycles = this.cycles.flagsSet + this.setFlags(f, mask);
    this.finish(t, cycles, this.cycles.schedReturn, done);
  }

  /** OSFlagPend for all bits of `mask` (consumed on return). */
  flagsWait(t: Tcb, f: EventFlags, mask: number, done: () => void): void {
    if ((f.bits & mask) === mask) {
      f.bits &= ~mask;
      this.engine.probe.emit(EV_EVENT_WAIT, this.engine.now, f.id, t.index);
      t.ctx?.run(this.cycles.flagsWait, SEG_KERNEL, true, done);
      return;
    }
    t.waitMask = mask;
    this.finish(t, this.cycles.flagsWait + this.block(t, f), this.cycles.schedReturn + this.cycles.pendResume, done);
  }

  /** Yield: let an equal (or better) ready task run. */
  yieldTask(t: Tcb, done: () => void): void {
    const cycles = this.cycles.taskYield + this.ready.rotate(t);
    t.yielding = true;
    this.finish(t, cycles, this.cycles.schedReturn, done);
  }

  /** OSSchedLock: the running task is not preempted by other tasks until it unlocks. */
  lockScheduler(t: Tcb, done: () => void): void {
    t.lockDepth++;
    t.ctx?.run(this.cycles.schedLock, SEG_KERNEL, true, done);
  }

  /** OSSchedUnlock: reschedule when the last lock goes. */
  unlockScheduler(t: Tcb, done: () => void): void {
    if (t.lockDepth > 0) t.lockDepth--;
    this.finish(t, this.cycles.schedLock, this.cycles.schedReturn, done);
  }

  /** OSTaskChangePrio. */
  changePriority(t: Tcb, target: Tcb, priority: number, done: () => void): void {
    target.basePriority = priority;
    target.baseThreshold = priority;
    const cycles = this.cycles.taskChangePriority + this.setPriority(target, priority);
    this.finish(t, cycles, this.cycles.schedReturn, done);
  }

  /** OSTaskCreate from a running task: the new task (its context holding its first work) may preempt the caller. */
  spawn(t: Tcb, name: string, priority: number, ctx: ExecContext, done: () => void): Tcb {
    const created = this.addTask(name, priority, ctx, priority, 0);
    this.finish(t, this.cycles.taskCreate + this.makeReady(created), this.cycles.schedReturn, done);
    return created;
  }

  /** OSTaskSuspend (a ready task leaves the ready structure; itself included). */
  suspend(t: Tcb, target: Tcb, done: () => void): void {
    let cycles = this.cycles.taskSuspendResume;
    if (target.state === STATE_READY) cycles += this.makeUnready(target, STATE_SUSPENDED);
    else target.state = STATE_SUSPENDED;
    this.finish(t, cycles, this.cycles.schedReturn, done);
  }

  /** OSTaskResume. */
  resume(t: Tcb, target: Tcb, done: () => void): void {
    let cycles = this.cycles.taskSuspendResume;
    if (target.state === STATE_SUSPENDED) cycles += this.makeReady(target);
    this.finish(t, cycles, this.cycles.schedReturn, done);
  }

  /**
   * The MemManage handler's suspension of every task of APP `app` (patent step S403), as
   * OSTaskSuspend on each: it leaves the ready structure, the timer structure or the wait list it
   * is on, its open job is lost and its context discarded. Runs inside the caller's kernel task,
   * whose priced compute holds its cycles (multiapp/keepalive.ts `faultHandlingCycles`); it makes
   * nothing ready, so it is no scheduling point.
   */
  suspendApp(app: number): void {
    for (const t of this.tasks) {
      if (t.app !== app || t.state === STATE_SUSPENDED) continue;
      if (t === this.current) throw new Error(`suspend-app: task ${t.name} of the suspended APP is the caller`);
      t.lifecycle?.abandon();
      if (t.state === STATE_READY) this.ready.remove(t);
      else if (t.state === STATE_DELAYED) this.timer.cancel(t);
      const w = t.waitingOn as WaitObject | undefined;
      if (w !== undefined) w.waiters.splice(w.waiters.indexOf(t), 1);
      t.state = STATE_SUSPENDED;
      t.waitingOn = undefined;
      t.lockDepth = 0;
      t.ctx?.clear();
    }
  }

  /**
   * The guardian's relaunch of APP `app`'s suspended tasks (S405): each starts afresh, made ready to
   * run up to its wait for the first release after now (the jobs released meanwhile are lost). Its
   * cycles are in the restart's priced compute (`restartApp`: delete and create the tasks). Not a
   * scheduling point: the boot requires the caller above every task of the APP, and its own next
   * kernel call lets them run.
   */
  resumeApp(app: number): void {
    for (const t of this.tasks) {
      if (t.app !== app || t.state !== STATE_SUSPENDED) continue;
      t.lifecycle?.relaunch();
      t.awaitingRelease = false;
      this.makeReady(t);
    }
  }

  /** OSTaskDel: remove `target` from every structure; its context is discarded. */
  deleteTask(t: Tcb, target: Tcb, done: () => void): void {
    let cycles = this.cycles.taskDelete;
    if (target.state === STATE_READY) cycles += this.makeUnready(target, STATE_DORMANT);
    else if (target.state === STATE_DELAYED) cycles += this.timer.cancel(target);
    const w = target.waitingOn as WaitObject | undefined;
    if (w !== undefined) w.waiters.splice(w.waiters.indexOf(target), 1);
    target.state = STATE_DORMANT;
    target.waitingOn = undefined;
    if (target !== t) target.ctx?.clear();
    this.finish(t, cycles, this.cycles.schedReturn, done);
  }

  /**
   * Emits IoOut for `t` after the pin toggle, then continues. A toggle that takes no time (the
   * zero-cost machine) happens at the last cycle of the code before it, as a textbook job ends at
   * its last cycle: as a zero-cycle segment it let an interrupt raised at that cycle run first.
   */
  ioOut(t: Tcb, done: () => void): void {
    if (this.cycles.ioOutToggle === 0) t.ctx?.runAtEnd(SEG_TASK, false, done);
    else t.ctx?.run(this.cycles.ioOutToggle, SEG_TASK, false, done);
  }

  /** A post from an ISR to a semaphore (or a release signal); returns its cycles. */
  isrGive(s: Semaphore): Cycles {
    this.engine.probe.emit(EV_SEM_GIVE, this.engine.now, s.id, -1);
    const w = s.waiters.shift();
    if (w === undefined) {
      if (s.count < s.max) s.count++;
      return this.cycles.isrPost + s.costs.postCount;
    }
    this.engine.probe.emit(EV_SEM_TAKE, this.engine.now, s.id, w.index);
    return this.cycles.isrPost + this.cycles.eventTaskRdy + this.unblock(w);
  }

  private setFlags(f: EventFlags, mask: number): Cycles {
    f.bits |= mask;
    let cycles = 0;
    for (let i = 0; i < f.waiters.length; ) {
      const w = f.waiters[i] as Tcb;
      cycles += this.cycles.flagsWaiterStep;
      if ((f.bits & w.waitMask) === w.waitMask) {
        f.bits &= ~w.waitMask;
        f.waiters.splice(i, 1);
        this.engine.probe.emit(EV_EVENT_WAIT, this.engine.now, f.id, w.index);
        cycles += this.unblock(w);
      } else {
        i++;
      }
    }
    return cycles;
  }

  /** OSQPost / OSMboxPost from an ISR: hand to a waiting receiver, else store, else drop; returns its cycles. */
  isrSend(q: MessageQueue): Cycles {
    this.engine.probe.emit(EV_MSG_SEND, this.engine.now, q.id, -1);
    const put = this.cycles.isrPost + (q.mailbox ? this.cycles.mailboxSlot : this.cycles.queuePut);
    const w = q.waiters.shift();
    if (w === undefined) {
      if (q.count < q.capacity) q.count++;
      else q.dropped++;
      return put;
    }
    this.engine.probe.emit(EV_MSG_RECEIVE, this.engine.now, q.id, w.index);
    return put + this.cycles.messageHandOver + this.cycles.eventTaskRdy + this.unblock(w);
  }

  /** An ISR-side flag post; returns its cycles. */
  isrSetFlags(f: EventFlags, mask: number): Cycles {
    this.engine.probe.emit(EV_EVENT_SET, this.engine.now, f.id, mask);
    return this.cycles.isrPost + this.cycles.flagsSet + this.setFlags(f, mask);
  }

}
