import type { Engine, InterruptSpec, IsrHandler } from '../../hardware/engine.ts';
import { ExecContext } from '../../hardware/exec-context.ts';
import type { Cycles } from '../../hardware/units.ts';
import type { Mutex, WaitObject } from './objects.ts';
import { mpuSwitchCycles } from '../../multiapp/mpu.ts';
import { corePathCycles, type CoreCycles } from './path-cycles.ts';
import { SegmentPlan, type ReadyStructure, type TimerStrategy } from './structures.ts';
import { STATE_BLOCKED, STATE_READY, Tcb, type TaskState } from './tcb.ts';
import { EV_JOB_RELEASE, EV_SWITCH_IN, EV_SWITCH_OUT, SEG_ISR, SEG_KERNEL } from '../../hardware/probe-codes.ts';

/** How a kernel instance behaves: the parts of a profile the running kernel needs. */
export interface KernelOptions {
  readonly engine: Engine;
  /** Builds the design's ready structure. */
  readonly ready: ReadyStructure;
  /** Builds the timer strategy over the kernel's TCB list. */
  readonly timer: (tasks: readonly Tcb[]) => TimerStrategy;
  readonly preemptive: boolean;
  /** Ticks a task runs before an equal-priority task gets the CPU; undefined: no time slicing. */
  readonly timeSliceTicks: number | undefined;
  /** Preempt only above the running task's preemption threshold (fixed-priority designs). */
  readonly useThreshold: boolean;
  /**
   * Some mutex follows the Stack Resource Policy: every pick applies its ceiling test, which the
   * ready structure must offer (`pickAdmitted`, deadline-keyed lists). Default false.
   */
  readonly stackResourcePolicy?: boolean;
}

/** A kernel-aware ISR's part of an InterruptSpec: its handler, which is quiet. */
export type KernelIsr = Pick<InterruptSpec, 'handler' | 'quietHandler'>;

/** The system ceiling when no SRP mutex is locked: below every preemption level. */
const NO_CEILING = Number.MAX_SAFE_INTEGER;

/**
 * The scheduling half of the shared kernel: TCBs, the ready and timer structures, the tick and
 * interrupt glue, and dispatch. The state change of a service happens when its masked section
 * starts (it is atomic, so nothing can observe the difference), and the cycles are those of the
 * blocks the path went through for the state it found.
 *
 * Switching: a task-level switch runs [service body][OS_Sched: pick, save, restore] on the outgoing
 * task, then installs the incoming task. An ISR-level switch picks in OSIntExit and restores before
 * the return from interrupt. SwitchOut is emitted when the scheduler starts switching away from a
 * task, SwitchIn at the first instruction of the next one. The idle task is a real task for the
 * probe (subject = task count) while the CPU idles.
 */
export class Dispatcher {
  readonly engine: Engine;
  readonly ready: ReadyStructure;
  readonly timer: TimerStrategy;
  readonly tasks: Tcb[] = [];
  readonly idle: Tcb;
  readonly cycles: CoreCycles;
  /** OSTime: ticks handled so far. */
  time = 0;
  current: Tcb;
  /** OSIntNesting. */
  nesting = 0;

  private readonly preemptive: boolean;
  private readonly timeSliceTicks: number | undefined;
  private readonly useThreshold: boolean;
  private readonly stackResourcePolicy: boolean;
  /** SRP's system ceiling: the highest (smallest) ceiling among locked SRP mutexes. */
  protected systemCeiling = NO_CEILING;
  private readonly switcher = new ExecContext(-1000, 'kernel:switch');
  private readonly plan = new SegmentPlan();
  /** The task being switched in (OSTCBHighRdy during a switch). */
  private incoming: Tcb;
  /** The task being switched out at task level. */
  private outgoing: Tcb | undefined;
  /** A time slice just ended in this tick: an equal-priority task takes the CPU at OSIntExit. */
  private forceTieOnce = false;
  /** Some task has a preemption threshold above its priority (the dispatch then honours preempted ones). */
  private thresholdsRaised = false;
  /** The APP whose MPU regions are loaded (kernel tasks run privileged and need none). */
  private loadedApp: number | undefined = undefined;
  /** Loading an APP's MPU regions, added to the restore of a switch into another APP's task. */
  private readonly mpuSwitch: Cycles;

  constructor(options: KernelOptions, idleName = 'idle') {
    this.engine = options.engine;
    this.ready = options.ready;
    this.timer = options.timer(this.tasks);
    this.preemptive = options.preemptive;
    this.timeSliceTicks = options.timeSliceTicks;
    this.useThreshold = options.useThreshold;
    this.stackResourcePolicy = options.stackResourcePolicy ?? false;
    if (this.stackResourcePolicy && this.ready.pickAdmitted === undefined) {
      throw new Error('the Stack Resource Policy needs a ready structure with its ceiling test (a deadline-keyed design)');
    }
    this.cycles = corePathCycles(this.engine);
    this.mpuSwitch = mpuSwitchCycles(this.engine.target);
    this.idle = new Tcb(-1, idleName, Number.MAX_SAFE_INTEGER, undefined);
    this.current = this.idle;
    this.incoming = this.idle;
  }

  // ---- tasks -------------------------------------------------------------------------------

  /** Creates a ready task (OSTaskCreate before OSStart); its context must hold its first work. */
  createTask(name: string, priority: number, ctx: ExecContext, threshold = priority, deadlineTick = 0): Tcb {
    const t = this.addTask(name, priority, ctx, threshold, deadlineTick);
    this.makeReady(t);
    return t;
  }

  /** A new TCB on the task list (not yet ready). */
  protected addTask(name: string, priority: number, ctx: ExecContext, threshold: number, deadlineTick: number): Tcb {
    const t = new Tcb(this.tasks.length, name, priority, ctx);
    t.baseThreshold = Math.min(threshold, priority);
    t.threshold = t.baseThreshold;
    if (this.useThreshold && t.baseThreshold < priority) this.thresholdsRaised = true;
    t.deadlineTick = deadlineTick;
    // Its first job (or the code up to its first wait) has not had the CPU yet.
    t.arriving = true;
    this.tasks.push(t);
    this.idle.index = this.tasks.length;
    return t;
  }

  /** OSStart: restores the highest ready task's context and runs it. */
  start(): void {
    const first = this.chooseNext();
    this.current = first;
    this.incoming = first;
    this.switcher.clear();
    this.switcher.run(this.restoreCycles(first), SEG_KERNEL, true, this.switchedIn);
    this.engine.setTask(this.switcher);
  }

  /** The context restore of `next`, with its APP's MPU regions loaded when another APP's are (patent step S402). */
  private restoreCycles(next: Tcb): Cycles {
    if (next.app === undefined || next.app === this.loadedApp) return this.cycles.contextRestore;
    this.loadedApp = next.app;
    return this.cycles.contextRestore + this.mpuSwitch;
  }

  // ---- ISR side ------------------------------------------------------------------------------

  /** Cycles of the kernel-aware ISR entry after the hardware entry: save the context, OSIntEnter. */
  get isrEnterCycles(): Cycles {
    return this.cycles.contextSave + this.cycles.intEnter;
  }

  /**
   * A kernel-aware ISR for `Engine.addInterrupt`: save, `work` (which queues its segments and ends
   * with `exit`), OSIntExit. Its handler is quiet: it counts the nesting and queues the save,
   * which nothing reads before the save runs.
   */
  isrHandler(work: (isr: ExecContext, exit: () => void) => void): KernelIsr {
    let ctx: ExecContext | undefined;
    const exit = (): void => this.intExit(ctx as ExecContext);
    const afterEnter = (): void => work(ctx as ExecContext, exit);
    const handler: IsrHandler = (isr) => {
      ctx = isr;
      this.nesting++;
      isr.run(this.isrEnterCycles, SEG_ISR, true, afterEnter);
    };
    return { handler, quietHandler: true };
  }

  /** The tick's work inside its ISR: OSTime++, the timer strategy, time slicing. */
  tickWork(isr: ExecContext, exit: () => void): void {
    this.time++;
    const plan = this.plan;
    // Without nesting the ISR is one atomic stretch: the context would merge its parts anyway.
    plan.reset(isr.alwaysMasked);
    plan.add(this.cycles.tickEnter, true);
    this.timer.tick(plan, this.wakeFromTimer);
    if (this.timeSliceTicks !== undefined) plan.add(this.sliceTick(), true);
    plan.add(this.cycles.tickExit, false);
    // Without nesting the plan is one masked stretch, the ISR's last work like any other; a
    // zero-cost tick (the ideal target) plans nothing but must still leave through OSIntExit.
    if (isr.alwaysMasked || plan.length === 0) this.isrTail(isr, plan.total(), exit);
    // With nesting, one segment with a mask schedule: it splits only where an interrupt enters.
    // The segment takes the plan's array, so the next tick plans into another.
    else isr.runSchedule(plan, SEG_ISR, exit);
  }

  /**
   * Queues an ISR's last `cycles` of work, whose state changes are made, then OSIntExit (`exit`).
   * Where the ISR runs to its end (no nesting) and nothing reads SwitchOut, OSIntExit decides now:
   * nothing can enter or change the kernel's state before the work ends, so it decides the same,
   * and its segment joins the work's.
   */
  isrTail(isr: ExecContext, cycles: Cycles, exit: () => void): void {
    if (!this.exitsAtOnce(isr)) {
      isr.run(cycles, SEG_ISR, true, exit);
      return;
    }
    isr.run(cycles, SEG_ISR, true);
    this.intExit(isr);
  }

  /** Whether OSIntExit may decide when `isr`'s last work is queued rather than when it ends (see isrTail); SwitchOut would be stamped then. */
  private exitsAtOnce(isr: ExecContext): boolean {
    return isr.alwaysMasked && !this.engine.probe.observes(EV_SWITCH_OUT);
  }

  /** OSIntExit: pick and switch when the outermost ISR ends, else restore the interrupted context. */
  intExit(isr: ExecContext): void {
    this.nesting--;
    let cycles = this.cycles.intExitEnter;
    if (this.nesting === 0) {
      const next = this.chooseNext();
      cycles += this.ready.pickCycles;
      if (next !== this.current) {
        this.engine.probe.emit(EV_SWITCH_OUT, this.engine.now, this.current.index, next.index);
        this.current.yielding = false;
        this.outgoing = this.current;
        this.current = next;
        this.incoming = next;
        const switchCycles = cycles + this.cycles.intCtxSwGlue + this.restoreCycles(next);
        // An ISR that runs to its end installs the switch-in now: the task context is read only once
        // the interrupt has returned, so nothing tells the two apart, and the segment then carries
        // the return too.
        if (isr.alwaysMasked) {
          isr.run(switchCycles, SEG_ISR, true);
          this.isrSwitchDone();
          return;
        }
        isr.run(switchCycles, SEG_ISR, true, this.isrSwitchDone);
        return;
      }
    }
    isr.run(cycles + this.cycles.intExitNoSwitch + this.cycles.contextRestore, SEG_ISR, true);
  }

  /** The cycles of the tick's time-slice bookkeeping; rotates the running task when its slice ends. */
  private sliceTick(): Cycles {
    const cur = this.current;
    if (cur === this.idle || cur.state !== STATE_READY) return this.cycles.sliceTick;
    cur.sliceLeft--;
    if (cur.sliceLeft > 0) return this.cycles.sliceTick;
    cur.sliceLeft = this.timeSliceTicks as number;
    if (!this.hasTieBehind(cur)) return this.cycles.sliceTick;
    this.forceTieOnce = true;
    return this.cycles.sliceTick + this.cycles.sliceRotate + this.ready.rotate(cur);
  }

  private hasTieBehind(cur: Tcb): boolean {
    for (const t of this.tasks) if (t !== cur && t.state === STATE_READY && this.ready.ties(t, cur)) return true;
    return false;
  }

  // ---- dispatch --------------------------------------------------------------------------------

  /** The task the kernel runs next given the current state (sets the ready structure's pick cost). */
  chooseNext(): Tcb {
    const next = this.decide();
    // The chosen task has the CPU from here on: SRP's stack holds it until it waits or ends.
    next.arriving = false;
    return next;
  }

  private decide(): Tcb {
    const cur = this.current;
    const head = this.pickHead();
    const tie = cur.yielding || this.forceTieOnce;
    this.forceTieOnce = false;
    if (cur !== this.idle && cur.state === STATE_READY) {
      if (head === undefined || head === cur) return cur;
      if (cur.lockDepth > 0) return cur;
      // A job released (or a task woken) while its task held the CPU has not run since: it competes
      // like any arrival, so the head (ahead of it in policy order, or the only one the ceiling
      // admits) goes first.
      if (cur.arriving) return head;
      // Under SRP every other started job is below the running one on the stack, and none runs
      // before it ends: a time slice that ends among equal deadlines hands the CPU to a new job, not
      // back down the stack (which let a job lock while one above it held a resource: the system
      // ceiling then stayed raised, and the EDF framing of FreeRTOS ran a task 4454 cycles against
      // 956).
      if (this.stackResourcePolicy && !head.arriving) return cur;
      if (tie && !this.ready.precedes(cur, head)) return head;
      if (!this.preemptive) return cur;
      const preempts = this.useThreshold ? head.priority < cur.threshold : this.ready.precedes(head, cur);
      return preempts ? head : cur;
    }
    if (this.thresholdsRaised && head !== undefined) {
      const held = this.preemptedUnderThreshold(cur);
      if (held !== undefined && held !== head && !(head.priority < held.threshold)) return held;
    }
    return head ?? this.idle;
  }

  /**
   * The preempted job whose preemption threshold is the most urgent (Wang and Saksena 1999: a job
   * keeps its threshold from its start to its end, preempted or not; ThreadX's preempted map), or
   * undefined. When the job that preempted it ends, a task no more urgent than that threshold must
   * not start ahead of it: picked by priority alone, one did, and a threshold task on uC/OS-II ran
   * 4430 cycles against its bound of 4135 on the ideal machine.
   */
  private preemptedUnderThreshold(leaving: Tcb): Tcb | undefined {
    let held: Tcb | undefined;
    for (const t of this.tasks) {
      if (t === leaving || t.state !== STATE_READY || t.arriving || t.threshold >= t.priority) continue;
      if (held === undefined || t.threshold < held.threshold) held = t;
    }
    return held;
  }

  /**
   * The ready structure's pick; under the Stack Resource Policy a job may start only when no ready
   * job is more urgent and its preemption level is above the system ceiling, so when the head is an
   * arrival held off by the ceiling, a tie of the head that clears it or else the most urgent job on
   * SRP's stack (not an arrival) runs, and no less urgent arrival starts, whatever its level. Should
   * none qualify (a lock holder waited for something else, which SRP rules out), the plain head runs
   * rather than the CPU idling (`pickAdmitted` falls back to it).
   */
  private pickHead(): Tcb | undefined {
    if (!this.stackResourcePolicy) return this.ready.pick();
    return (this.ready.pickAdmitted as NonNullable<ReadyStructure['pickAdmitted']>)(this.started, this.clearsCeiling);
  }

  private readonly started = (t: Tcb): boolean => !t.arriving;

  private readonly clearsCeiling = (t: Tcb): boolean => t.preemptionLevel < this.systemCeiling;

  /** SRP lock: the mutex saves the system ceiling and raises it to its own; returns the cycles. */
  protected raiseSystemCeiling(m: Mutex): Cycles {
    (m.owner as Tcb).srpLocksHeld++;
    m.savedSystemCeiling = this.systemCeiling;
    if (m.ceiling < this.systemCeiling) this.systemCeiling = m.ceiling;
    return this.cycles.srpCeilingRaise;
  }

  /** SRP unlock: the system ceiling the lock found comes back (locks nest); returns the cycles. */
  protected restoreSystemCeiling(m: Mutex): Cycles {
    (m.owner as Tcb).srpLocksHeld--;
    this.systemCeiling = m.savedSystemCeiling;
    return this.cycles.srpCeilingRestore;
  }

  /**
   * Ends a task-level service whose masked body costs `critical`: the call into OS_Sched (with
   * interrupts on, so a pending interrupt is taken there), then OS_Sched decides in its own
   * critical section. `resume` is what the task runs when it gets the CPU back before `done`.
   */
  protected finish(t: Tcb, critical: Cycles, resume: Cycles, done: () => void): void {
    const ctx = t.ctx as ExecContext;
    t.continuation = done;
    t.resumeCycles = resume;
    ctx.run(critical, SEG_KERNEL, true);
    ctx.run(this.cycles.schedCall, SEG_KERNEL, false, this.schedule);
  }

  /**
   * OS_Sched on the running task (only the running task's segments complete, so it is `current`):
   * pick, then either return to it or save it, restore the next one on the kernel context and switch.
   */
  private readonly schedule = (): void => {
    const t = this.current;
    const ctx = t.ctx as ExecContext;
    const done = t.continuation as () => void;
    t.continuation = undefined;
    const next = this.chooseNext();
    t.yielding = false;
    const sched = this.cycles.schedEnter + this.ready.pickCycles;
    if (next === t) {
      ctx.run(sched + this.cycles.schedNoSwitch, SEG_KERNEL, true, done);
      return;
    }
    this.engine.probe.emit(EV_SWITCH_OUT, this.engine.now, t.index, next.index);
    this.current = next;
    this.incoming = next;
    this.outgoing = t;
    // Save and restore run masked back to back with nothing between them (no kernel-aware ISR can
    // enter, so no state changes): one segment on the outgoing task's context, which keeps its
    // resume queued behind it for when it is switched in again.
    ctx.run(sched + this.cycles.ctxSwGlue + this.cycles.contextSave + this.restoreCycles(next), SEG_KERNEL, true, this.switchedIn);
    ctx.run(t.resumeCycles, SEG_KERNEL, true, done);
  };

  private readonly isrSwitchDone = (): void => {
    this.switcher.clear();
    this.switcher.run(0, SEG_KERNEL, false, this.switchedIn);
    this.engine.setTask(this.switcher);
  };

  private readonly switchedIn = (): void => {
    const t = this.incoming;
    if (this.timeSliceTicks !== undefined) t.sliceLeft = this.timeSliceTicks;
    this.engine.probe.emit(EV_SWITCH_IN, this.engine.now, t.index, this.outgoing?.index ?? -1);
    this.engine.setTask(t.ctx);
  };

  // ---- state helpers ---------------------------------------------------------------------------

  /** Makes `t` ready; returns the ready structure's insert cycles. Emits JobRelease for a release. */
  makeReady(t: Tcb): Cycles {
    t.state = STATE_READY;
    if (t.srpLocksHeld === 0) t.arriving = true;
    if (t.awaitingRelease) this.release(t);
    return this.ready.insert(t);
  }

  /** The release bookkeeping of a job becoming ready (the runner set the nominal time if periodic). */
  private release(t: Tcb): void {
    t.awaitingRelease = false;
    t.arriving = true;
    if (t.releaseCycles < 0) t.releaseCycles = this.engine.now;
    if (t.releaseTick < 0) t.releaseTick = this.time;
    this.engine.probe.emit(EV_JOB_RELEASE, this.engine.now, t.index, t.releaseCycles);
    this.onRelease?.(t);
  }

  /**
   * Called when a job is released, before the task enters the ready structure (EDF sets its
   * deadline from `releaseTick`). A design whose key changes at a release sets it.
   */
  onRelease: ((t: Tcb) => void) | undefined = undefined;

  protected makeUnready(t: Tcb, state: TaskState): Cycles {
    const cycles = t.state === STATE_READY ? this.ready.remove(t) : 0;
    t.state = state;
    return cycles;
  }

  private readonly wakeFromTimer = (t: Tcb): Cycles => this.makeReady(t);

  /** Blocks `t` on `w` in policy order; returns the ready remove plus the wait-list insert. */
  protected block(t: Tcb, w: WaitObject): Cycles {
    const cycles = this.makeUnready(t, STATE_BLOCKED);
    t.waitingOn = w;
    return cycles + this.enqueueWaiter(t, w);
  }

  /** Inserts `t` in `w`'s waiters in policy order (behind its equals); returns the insert's cycles. */
  private enqueueWaiter(t: Tcb, w: WaitObject): Cycles {
    let i = 0;
    const list = w.waiters;
    while (i < list.length && !this.ready.precedes(t, list[i] as Tcb)) i++;
    list.splice(i, 0, t);
    return this.ready.waitInsertCycles(i);
  }

  protected unblock(w: Tcb): Cycles {
    w.waitingOn = undefined;
    return this.makeReady(w);
  }

  /** Changes `t`'s effective priority, moving it in the ready structure and in its wait list. */
  protected setPriority(t: Tcb, priority: number): Cycles {
    if (t.priority === priority) return 0;
    let cycles = this.cycles.priorityRaise;
    if (t.state === STATE_READY) {
      cycles += this.ready.remove(t);
      t.priority = priority;
      cycles += this.ready.insert(t);
    } else {
      t.priority = priority;
      const w = t.waitingOn as WaitObject | undefined;
      if (w !== undefined) cycles += this.requeue(t, w);
    }
    t.threshold = Math.min(t.baseThreshold, priority);
    return cycles;
  }

  /** Moves a waiter whose priority changed to its place in the wait list. */
  private requeue(t: Tcb, w: WaitObject): Cycles {
    w.waiters.splice(w.waiters.indexOf(t), 1);
    return this.enqueueWaiter(t, w);
  }

  /**
   * Ends a service that found the caller's next job already released (its delay-until time due, its
   * release signal already posted): the release happens in the service's critical section `critical`.
   * Where a release re-keys the task (EDF's new deadline), the ready entry moves and the service ends
   * in OS_Sched, since a ready job may now come first: every release is a scheduling point. A
   * fixed-priority key does not change, so the job goes on at once, as OSTimeDly(0) returns.
   */
  protected continueReleased(t: Tcb, critical: Cycles, done: () => void): void {
    const ctx = t.ctx as ExecContext;
    if (!t.awaitingRelease || t.state !== STATE_READY) {
      if (t.awaitingRelease) this.release(t);
      ctx.run(critical, SEG_KERNEL, true, done);
      return;
    }
    if (this.onRelease === undefined) {
      // The entry goes behind its equals, as the tick's release of a waiting task would put it.
      this.ready.remove(t);
      this.release(t);
      this.ready.insert(t);
      t.arriving = false;
      ctx.run(critical, SEG_KERNEL, true, done);
      return;
    }
    let cycles = critical + this.ready.remove(t);
    this.release(t);
    cycles += this.ready.insert(t);
    this.finish(t, cycles, this.cycles.schedReturn, done);
  }
}
