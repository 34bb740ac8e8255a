import type { Cycles } from '../../hardware/units.ts';
import type { CyclesDraw } from '../execution-time.ts';
import type { Kernel } from './kernel.ts';
import type { EventFlags, MessageQueue, Mutex, Semaphore } from './objects.ts';
import { Op, type CompiledStep, type KernelObject } from './steps.ts';
import type { TaskLifecycle, Tcb } from './tcb.ts';
import { EV_DEADLINE_MISS, EV_IO_OUT, EV_JOB_END, EV_JOB_LOST, EV_JOB_START, SEG_KERNEL, SEG_TASK } from '../../hardware/probe-codes.ts';

const OP = Op;

/** How a task's jobs are released. Job j of a periodic task arrives at `arrivalCycles(j)`, its nominal release. */
export type Release =
  /**
   * Periodic on the tick: job j at `tickOf(j)`, the first tick at or after its arrival (a period
   * need not be a whole number of ticks), or, with release jitter, at or after its arrival plus the
   * drawn jitter (`tickAtOrAfter` finds that tick).
   */
  | {
      readonly kind: 'periodic';
      readonly tickOf: (job: number) => number;
      readonly arrivalCycles: (job: number) => Cycles;
      readonly jitterCycles: (() => Cycles) | undefined;
      readonly tickAtOrAfter: (cycles: Cycles) => number;
    }
  /** Periodic on an exact timer that posts `signal` at each arrival plus its jitter (tickless). */
  | { readonly kind: 'timer'; readonly signal: Semaphore; readonly arrivalCycles: (job: number) => Cycles }
  /** Released by a post to `signal` (an I/O line's ISR, or a sporadic source's). */
  | { readonly kind: 'signal'; readonly signal: Semaphore };

/** A task's compiled body (shared by every boot of the workload) with this boot's objects, which its steps name by slot. */
export interface TaskBody {
  readonly steps: readonly CompiledStep[];
  readonly objects: readonly KernelObject[];
}

/**
 * Runs one task's body on the kernel: a loop of [wait for release] [steps] [job end]. Every
 * callback is created once per task; each kernel call continues with `next`.
 */
export class TaskRunner implements TaskLifecycle {
  tcb!: Tcb;
  private i = 0;
  private job = 0;
  /** The task's last job has ended and it has not yet called for its next: no job is open. */
  private betweenJobs = false;
  /** The index of the first job not yet released when the task's APP was suspended. */
  private firstUnreleased = 0;
  /** The task's entry point: its first job (released at boot when due then) or its first wait. */
  readonly start: () => void;
  private readonly callWait: () => void;
  private readonly beginJob: () => void;
  private readonly next: () => void;
  private readonly emitIoOut: () => void;
  private readonly callService: () => void;
  /** The end of a job's non-preemptive part: OSSchedUnlock, then wait for the next release. */
  private readonly callUnlock: () => void;
  private readonly afterUnlock: () => void;
  private readonly steps: readonly CompiledStep[];
  private readonly objects: readonly KernelObject[];

  constructor(
    private readonly kernel: Kernel,
    body: TaskBody,
    private readonly release: Release,
    /** Relative deadline in cycles (Infinity: none). */
    private readonly deadlineCycles: number,
    /** Nominal time of tick n (cycles). */
    private readonly tickCycles: (tick: number) => number,
    /** The execution-time model's draw, or undefined to run every compute step for its worst case. */
    private readonly draw: CyclesDraw | undefined = undefined,
    /** Cycles of the call into a kernel service: a function call, plus the SVC gate for an APP's task. */
    private readonly callCycles: Cycles = kernel.cycles.serviceCall,
  ) {
    // The callbacks are made here rather than as arrow-function fields: a TypeScript runner that
    // keeps function names wraps each such field in a property definition, a few hundred bytes per
    // callback on every boot. Each calls its method, so the bodies read as methods. Each is made in a
    // local first: V8 allocates a function literal assigned straight to a property in the old
    // generation (it takes it for a method), where it would keep the whole boot alive through every
    // minor collection until the next full one.
    this.steps = body.steps;
    this.objects = body.objects;
    const start = (): void => this.startFirst();
    const callWait = (): void => this.waitCall();
    const beginJob = (): void => this.jobBegins();
    const next = (): void => this.nextStep();
    const emitIoOut = (): void => this.ioOutDone();
    const callService = (): void => this.serviceCall();
    const callUnlock = (): void => this.kernel.unlockScheduler(this.tcb, this.afterUnlock);
    const afterUnlock = (): void => this.waitForRelease();
    this.start = start;
    this.callWait = callWait;
    this.beginJob = beginJob;
    this.next = next;
    this.emitIoOut = emitIoOut;
    this.callService = callService;
    this.callUnlock = callUnlock;
    this.afterUnlock = afterUnlock;
    // A job released at boot is job 0, open from the start; any other task waits for its job 0.
    this.betweenJobs = !this.releasedAtBoot();
    if (!this.betweenJobs) this.job = 1;
  }

  private startFirst(): void {
    if (this.releasedAtBoot()) {
      this.beginJob();
      return;
    }
    this.waitForRelease();
  }

  /** True when the first job is due at time 0 (the boot emits its JobRelease; the task starts it at once). */
  releasedAtBoot(): boolean {
    return this.release.kind === 'periodic' && this.release.tickOf(0) <= 1 && this.release.jitterCycles === undefined;
  }

  private waitCall(): void {
    const t = this.tcb;
    const r = this.release;
    t.awaitingRelease = true;
    this.betweenJobs = false;
    if (r.kind === 'periodic') {
      const job = this.job++;
      const arrival = r.arrivalCycles(job);
      let tick = r.tickOf(job);
      if (r.jitterCycles !== undefined) tick = Math.max(tick, r.tickAtOrAfter(arrival + r.jitterCycles()));
      // Responses count from the true arrival, not the tick that releases the job. The tick's cycle
      // is rounded down and the arrival to nearest, so the tick may be a fraction of a cycle earlier.
      t.releaseCycles = Math.min(arrival, this.tickCycles(tick));
      t.releaseTick = tick;
      this.kernel.delayUntil(t, tick, this.beginJob);
      return;
    }
    // A signal release is stamped when it happens; a timer release carries its job's arrival.
    t.releaseCycles = r.kind === 'timer' ? r.arrivalCycles(this.job++) : -1;
    t.releaseTick = -1;
    this.kernel.semTake(t, r.signal, this.beginJob);
  }

  private waitForRelease(): void {
    this.tcb.ctx?.run(this.callCycles, SEG_KERNEL, false, this.callWait);
  }

  private jobBegins(): void {
    this.kernel.engine.probe.emit(EV_JOB_START, this.kernel.engine.now, this.tcb.index, this.tcb.releaseCycles);
    this.i = 0;
    this.next();
  }

  private nextStep(): void {
    const step = this.steps[this.i];
    if (step === undefined) {
      this.endJob();
      return;
    }
    this.i++;
    const ctx = this.tcb.ctx;
    if (ctx === undefined) return;
    if (step.op === OP.Compute) {
      const cycles = this.draw === undefined ? step.cycles : this.draw(step.bestCycles, step.cycles);
      // Nothing happens where a compute step ends and an io-out begins (same kind, unmasked, no
      // state change): the io-out is queued now and the context runs both as one segment. So does
      // a following compute where nothing is drawn: a drawn one would take its draw early, and a job
      // lost before it (its APP suspended) would leave the task's stream one draw further on.
      const following = this.steps[this.i];
      if (following !== undefined && (following.op === OP.IoOut || (following.op === OP.Compute && this.draw === undefined))) {
        ctx.run(cycles, SEG_TASK, false);
        this.nextStep();
        return;
      }
      ctx.run(cycles, SEG_TASK, false, this.next);
    } else if (step.op === OP.IoOut) this.kernel.ioOut(this.tcb, this.emitIoOut);
    else if (step.op === OP.SuspendApp || step.op === OP.ResumeApp) this.controlApp(step);
    else ctx.run(this.callCycles, SEG_KERNEL, false, this.callService);
  }

  /** A kernel task suspends or relaunches an APP: a state change whose cycles are the task's priced compute. */
  private controlApp(step: CompiledStep): void {
    if (step.op === OP.SuspendApp) this.kernel.suspendApp(step.app as number);
    else this.kernel.resumeApp(step.app as number);
    this.next();
  }

  /** TaskLifecycle: the APP is suspended; an open job (released, not ended) is lost. */
  abandon(): void {
    const t = this.tcb;
    if (this.release.kind !== 'periodic') throw new Error(`suspend-app: task ${t.name} is released by a signal; only tick-released periodic tasks can be relaunched`);
    const open = !t.awaitingRelease && !this.betweenJobs;
    // waitCall counts the job it waits for, so the job awaited is one behind the counter.
    this.firstUnreleased = t.awaitingRelease ? this.job - 1 : this.job;
    if (open) this.kernel.engine.probe.emit(EV_JOB_LOST, this.kernel.engine.now, t.index, t.releaseCycles);
  }

  /** TaskLifecycle: the APP is relaunched; jobs whose release tick has passed are lost, and the task will wait for the next. */
  relaunch(): void {
    const r = this.release;
    if (r.kind !== 'periodic') return;
    const engine = this.kernel.engine;
    let job = this.firstUnreleased;
    for (; r.tickOf(job) <= this.kernel.time; job++) engine.probe.emit(EV_JOB_LOST, engine.now, this.tcb.index, r.arrivalCycles(job));
    this.job = job;
    this.betweenJobs = true;
    this.tcb.ctx?.run(0, SEG_TASK, false, this.afterUnlock);
  }

  private ioOutDone(): void {
    this.kernel.engine.probe.emit(EV_IO_OUT, this.kernel.engine.now, this.tcb.index, this.tcb.releaseCycles);
    this.next();
  }

  private serviceCall(): void {
    const s = this.steps[this.i - 1] as CompiledStep;
    const k = this.kernel;
    const t = this.tcb;
    switch (s.op) {
      case OP.Take: return k.semTake(t, this.objects[s.object] as Semaphore, this.next);
      case OP.Give: return k.semGive(t, this.objects[s.object] as Semaphore, this.next);
      case OP.Lock: return k.mutexLock(t, this.objects[s.object] as Mutex, this.next);
      case OP.Unlock: return k.mutexUnlock(t, this.objects[s.object] as Mutex, this.next);
      case OP.Send: return k.send(t, this.objects[s.object] as MessageQueue, this.next);
      case OP.Receive: return k.receive(t, this.objects[s.object] as MessageQueue, this.next);
      case OP.Delay: return k.delay(t, s.ticks, this.next);
      case OP.Wait: return k.flagsWait(t, this.objects[s.object] as EventFlags, s.mask, this.next);
      case OP.Set: return k.flagsSet(t, this.objects[s.object] as EventFlags, s.mask, this.next);
      case OP.SchedLock: return k.lockScheduler(t, this.next);
      default: throw new Error(`task ${t.name}: step code ${s.op} is not a kernel service`);
    }
  }

  private endJob(): void {
    const engine = this.kernel.engine;
    const t = this.tcb;
    this.betweenJobs = true;
    engine.probe.emit(EV_JOB_END, engine.now, t.index, t.releaseCycles);
    if (engine.now > t.releaseCycles + this.deadlineCycles) engine.probe.emit(EV_DEADLINE_MISS, engine.now, t.index, t.releaseCycles);
    if (t.lockDepth > 0) t.ctx?.run(this.callCycles, SEG_KERNEL, false, this.callUnlock);
    else this.waitForRelease();
  }
}
