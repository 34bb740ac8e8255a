import { SegmentKind } from '../../hardware/exec-context.ts';
import { ProbeEvent } from '../../hardware/probe.ts';
import type { Kernel } from './kernel.ts';
import type { EventFlags, MessageQueue, Mutex, Semaphore } from './objects.ts';
import { Op, type CompiledStep } from './steps.ts';
import { TaskState, type Tcb } from './tcb.ts';

/** How a task's jobs are released. */
export type Release =
  /** Periodic: job j at tick `firstTick + j * periodTicks`, nominally at `tickCycles(tick)`. */
  | { readonly kind: 'periodic'; readonly firstTick: number; readonly periodTicks: number }
  /** Released by a post to `signal` (an I/O line's ISR, or a sporadic source's). */
  | { readonly kind: 'signal'; readonly signal: Semaphore };

/**
 * Runs one task's body on the kernel: a loop of [wait for release] [steps] [job end]. Every
 * callback is created once per task; each kernel call continues with `next`.
 */
export class TaskRunner {
  tcb!: Tcb;
  private i = 0;
  private job = 0;

  constructor(
    private readonly kernel: Kernel,
    private readonly steps: readonly CompiledStep[],
    private readonly release: Release,
    /** Relative deadline in cycles (Infinity: none). */
    private readonly deadlineCycles: number,
    /** Nominal time of tick n (cycles). */
    private readonly tickCycles: (tick: number) => number,
  ) {}

  /** The task's entry point: its first job (released at boot when due then) or its first wait. */
  readonly start = (): void => {
    if (this.releasedAtBoot()) {
      this.job = 1;
      this.beginJob();
      return;
    }
    this.waitForRelease();
  };

  /** True when the first job is due at time 0 (the boot emits its JobRelease; the task starts it at once). */
  releasedAtBoot(): boolean {
    return this.release.kind === 'periodic' && this.release.firstTick <= 1;
  }

  private readonly callWait = (): void => {
    const t = this.tcb;
    const r = this.release;
    t.awaitingRelease = true;
    if (r.kind === 'periodic') {
      const tick = r.firstTick + this.job * r.periodTicks;
      this.job++;
      t.releaseCycles = this.tickCycles(tick);
      if (!this.kernel.delayUntil(t, tick, this.beginJob)) this.kernel.releaseNow(t);
      return;
    }
    t.releaseCycles = -1;
    this.kernel.semTake(t, r.signal, this.beginJob);
    if (t.awaitingRelease && t.state === TaskState.Ready) this.kernel.releaseNow(t);
  };

  private waitForRelease(): void {
    this.tcb.ctx?.run(this.kernel.cycles.serviceCall, SegmentKind.Kernel, false, this.callWait);
  }

  private readonly beginJob = (): void => {
    this.kernel.engine.probe.emit(ProbeEvent.JobStart, this.kernel.engine.now, this.tcb.index, this.tcb.releaseCycles);
    this.i = 0;
    this.next();
  };

  private readonly next = (): void => {
    const step = this.steps[this.i];
    if (step === undefined) {
      this.endJob();
      return;
    }
    this.i++;
    const ctx = this.tcb.ctx;
    if (ctx === undefined) return;
    if (step.op === Op.Compute) ctx.run(step.cycles, SegmentKind.Task, false, this.next);
    else if (step.op === Op.IoOut) this.kernel.ioOut(this.tcb, this.emitIoOut);
    else ctx.run(this.kernel.cycles.serviceCall, SegmentKind.Kernel, false, this.callService);
  };

  private readonly emitIoOut = (): void => {
    this.kernel.engine.probe.emit(ProbeEvent.IoOut, this.kernel.engine.now, this.tcb.index, this.tcb.releaseCycles);
    this.next();
  };

  private readonly callService = (): void => {
    const s = this.steps[this.i - 1] as CompiledStep;
    const k = this.kernel;
    const t = this.tcb;
    switch (s.op) {
      case Op.Take: return k.semTake(t, s.semaphore as Semaphore, this.next);
      case Op.Give: return k.semGive(t, s.semaphore as Semaphore, this.next);
      case Op.Lock: return k.mutexLock(t, s.mutex as Mutex, this.next);
      case Op.Unlock: return k.mutexUnlock(t, s.mutex as Mutex, this.next);
      case Op.Send: return k.send(t, s.queue as MessageQueue, this.next);
      case Op.Receive: return k.receive(t, s.queue as MessageQueue, this.next);
      case Op.Delay: return k.delay(t, s.ticks, this.next);
      case Op.Wait: return k.flagsWait(t, s.flags as EventFlags, s.mask, this.next);
      case Op.Set: return k.flagsSet(t, s.flags as EventFlags, s.mask, this.next);
      case Op.SchedLock: return k.lockScheduler(t, this.next);
      default: throw new Error(`task ${t.name}: step code ${s.op} is not a kernel service`);
    }
  };

  private endJob(): void {
    const engine = this.kernel.engine;
    const t = this.tcb;
    engine.probe.emit(ProbeEvent.JobEnd, engine.now, t.index, t.releaseCycles);
    if (engine.now > t.releaseCycles + this.deadlineCycles) engine.probe.emit(ProbeEvent.DeadlineMiss, engine.now, t.index, t.releaseCycles);
    if (t.lockDepth > 0) t.ctx?.run(this.kernel.cycles.serviceCall, SegmentKind.Kernel, false, this.callUnlock);
    else this.waitForRelease();
  }

  /** The end of a job's non-preemptive part: OSSchedUnlock, then wait for the next release. */
  private readonly callUnlock = (): void => this.kernel.unlockScheduler(this.tcb, this.afterUnlock);

  private readonly afterUnlock = (): void => this.waitForRelease();
}
