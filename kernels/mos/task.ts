import { ExecContext, SegmentKind } from '../../hardware/exec-context.ts';
import type { Engine } from '../../hardware/engine.ts';
import type { CyclesDraw } from '../execution-time.ts';
import { DOUBLE_FIELD, type Cycles } from '../../hardware/units.ts';
import { EV_DEADLINE_MISS, EV_IO_OUT, EV_JOB_END, EV_JOB_START, SEG_KERNEL } from '../../hardware/probe-codes.ts';

/** What a planned step does when its last segment completes. */
export const StepKind = { Compute: 0, IoOut: 1, Send: 2, SendRefused: 3, Receive: 4 } as const;

/** The code of a step kind. */
export type StepKind = (typeof StepKind)[keyof typeof StepKind];

/** A workload step priced for one target: a first segment and, for bus accesses, a masked second one. */
export interface StepPlan {
  readonly kind: StepKind;
  /** Worst-case cycles of the first segment. */
  readonly cycles: number;
  /** Best-case cycles of a compute step's segment (the execution-time model draws in [best, cycles]); else equal to `cycles`. */
  readonly bestCycles: number;
  readonly segmentKind: SegmentKind;
  /** Cycles of the masked second segment, or -1 when the step has one segment. */
  readonly maskedCycles: number;
  /** Bus object index for send/receive, else -1. */
  readonly object: number;
}

/** What a task needs from the kernel that runs it (implemented by MosKernel). */
export interface TaskHost {
  readonly engine: Engine;
  /** An allowed send on the bus: write the object's ring and post its receiver; true when it posted. */
  busSend(object: number): boolean;
  /** A refused bus access by `task`. */
  busRefused(task: MosTask): void;
  /** A receive on the bus. */
  busReceive(object: number): void;
  /** The scheduler check after a task-level post: continue, or switch to a higher level. */
  afterTaskPost(task: MosTask): void;
  /** SwitchIn at the task's first instruction. */
  switchedIn(subject: number): void;
  /** The task has exited: dispatch the next one on its level or switch levels. */
  taskEnded(task: MosTask): void;
}

/**
 * One MOS task: a message bit of a module, run to completion on its module's level. Its callbacks are
 * created once here and reused for every job (no closure per event on the hot path).
 */
export class MosTask {
  /** Index of the next step to queue. */
  stepIndex = 0;
  /** Release time of the job now running, and of the job waiting in the message bit. */
  jobRelease: Cycles = DOUBLE_FIELD;
  pendingRelease: Cycles = DOUBLE_FIELD;
  readonly onStart: () => void;
  readonly onStep: () => void;
  readonly afterSend: () => void;
  readonly queueNext: () => void;

  constructor(
    private readonly host: TaskHost,
    readonly index: number,
    readonly module: number,
    /** The task's bit in its module's message word. */
    readonly mask: number,
    readonly level: number,
    readonly context: ExecContext,
    readonly steps: readonly StepPlan[],
    readonly deadlineCycles: number,
    /** The execution-time model's draw, or undefined to run every compute step for its worst case. */
    private readonly draw: CyclesDraw | undefined = undefined,
  ) {
    // Declared as doubles (release times pass 2^31 on long runs), they start here.
    this.jobRelease = 0;
    this.pendingRelease = 0;
    const probe = host.engine.probe;
    const onStart = (): void => {
      const now = host.engine.now;
      host.switchedIn(index);
      probe.emit(EV_JOB_START, now, index);
      this.stepIndex = 0;
      this.queueNext();
    };
    const queueNext = (): void => {
      if (this.stepIndex < this.steps.length) this.queueStep(this.steps[this.stepIndex] as StepPlan);
      else this.finish();
    };
    const onStep = (): void => {
      const step = this.steps[this.stepIndex] as StepPlan;
      if (step.kind === StepKind.IoOut) probe.emit(EV_IO_OUT, host.engine.now, index);
      else if (step.kind === StepKind.SendRefused) host.busRefused(this);
      else if (step.kind === StepKind.Receive) host.busReceive(step.object);
      this.stepIndex++;
      this.queueNext();
    };
    const afterSend = (): void => {
      const step = this.steps[this.stepIndex] as StepPlan;
      this.stepIndex++;
      if (host.busSend(step.object)) host.afterTaskPost(this);
      else this.queueNext();
    };
    // Assigned from locals: a function literal assigned straight to a property is allocated old (V8
    // takes it for a method) and would keep the boot alive through every minor collection.
    this.onStart = onStart;
    this.queueNext = queueNext;
    this.onStep = onStep;
    this.afterSend = afterSend;
  }

  private queueStep(step: StepPlan): void {
    // An output that takes no time (the zero-cost machine) happens where the step before it ended,
    // as a textbook job ends at its last cycle (ExecContext.runAtEnd), not after events due then.
    if (step.kind === StepKind.IoOut && step.cycles === 0) {
      this.context.runAtEnd(step.segmentKind, false, this.onStep);
      return;
    }
    if (step.maskedCycles < 0) {
      const cycles = this.draw !== undefined && step.kind === StepKind.Compute ? this.draw(step.bestCycles, step.cycles) : step.cycles;
      this.context.run(cycles, step.segmentKind, false, this.onStep);
      return;
    }
    this.context.run(step.cycles, step.segmentKind, false);
    this.context.run(step.maskedCycles, SEG_KERNEL, true, step.kind === StepKind.Send ? this.afterSend : this.onStep);
  }

  private finish(): void {
    const now = this.host.engine.now;
    const probe = this.host.engine.probe;
    probe.emit(EV_JOB_END, now, this.index);
    if (now > this.jobRelease + this.deadlineCycles) probe.emit(EV_DEADLINE_MISS, now, this.index);
    this.host.taskEnded(this);
  }
}
