import type { Engine } from '../hardware/engine.ts';
import { ProbeEvent, type ProbeEventType, type ProbeListener } from '../hardware/probe.ts';
import { RunningStat, SpanReducer } from '../hardware/reducers.ts';
import type { Target } from '../hardware/target.ts';
import { cyclesToUs, type Cycles } from '../hardware/units.ts';

/*
 * The metrics of one run, from the probe's event stream only (issue 5, `kbench run`): max
 * interrupt-disable time, interrupt latency, task-switch time, per-task I/O delay, jitter and
 * deadline misses, and the CPU split. Attach before the kernel boots so that releases at time 0
 * are seen.
 */

/** Min, mean and max of a span in microseconds; null fields when nothing was measured. */
export interface SpanUs {
  readonly count: number;
  readonly minUs: number | null;
  readonly meanUs: number | null;
  readonly maxUs: number | null;
}

/** One task's I/O timing: from its release (or its I/O line's interrupt) to its `io-out`. */
export interface TaskMetrics {
  readonly task: string;
  readonly releases: number;
  readonly ioDelay: SpanUs;
  /** Max minus min I/O delay; null before two outputs. */
  readonly ioJitterUs: number | null;
  readonly deadlineMisses: number;
}

/** What `kbench run` prints. */
export interface TraceMetrics {
  readonly maxIrqOffUs: number | null;
  readonly irqLatency: SpanUs;
  /** Switch-out of the paused task to the first instruction of the next (the paper's definition). */
  readonly taskSwitch: SpanUs;
  readonly tasks: readonly TaskMetrics[];
  /** Share of simulated time, in percent with one decimal. */
  readonly cpuPercent: { readonly task: number; readonly kernel: number; readonly isr: number; readonly idle: number };
}

function spanUs(target: Target, stat: RunningStat): SpanUs {
  if (stat.count === 0) return { count: 0, minUs: null, meanUs: null, maxUs: null };
  const us = (c: Cycles): number => Math.round(cyclesToUs(target, c) * 1000) / 1000;
  return { count: stat.count, minUs: us(stat.min), meanUs: us(stat.mean), maxUs: us(stat.max) };
}

/** Spans from a start event of any subject to the next end event of any subject (switch out -> next switch in). */
class NextEventSpan implements ProbeListener {
  readonly stat = new RunningStat();
  private openSince = NaN;

  constructor(
    private readonly start: ProbeEventType,
    private readonly end: ProbeEventType,
  ) {}

  onEvent(type: ProbeEventType, time: Cycles): void {
    if (type === this.start) {
      if (Number.isNaN(this.openSince)) this.openSince = time;
    } else if (type === this.end && !Number.isNaN(this.openSince)) {
      this.stat.add(time - this.openSince);
      this.openSince = NaN;
    }
  }
}

/**
 * Per-task I/O delay: opens at the task's nominal release (the JobRelease's data: the job's true
 * arrival, which a tick may release later), or at IoIn of the task's trigger line when it
 * has one, and closes at the task's IoOut; counts releases and deadline misses per task. Per-task
 * arrays grow on the first event of a task, so the task count need not be known up front.
 */
class TaskIoReducer implements ProbeListener {
  readonly delay: RunningStat[] = [];
  readonly releases: number[] = [];
  readonly misses: number[] = [];
  private readonly openSince: number[] = [];

  /** `lineOfTask[i]` is the interrupt line that triggers task i, or undefined for a timed task. */
  constructor(private readonly lineOfTask: readonly (number | undefined)[]) {}

  private ensure(task: number): void {
    while (this.delay.length <= task) {
      this.delay.push(new RunningStat());
      this.releases.push(0);
      this.misses.push(0);
      this.openSince.push(NaN);
    }
  }

  onEvent(type: ProbeEventType, time: Cycles, subject: number, data: number): void {
    if (type === ProbeEvent.IoIn) {
      for (let t = 0; t < this.lineOfTask.length; t++) {
        if (this.lineOfTask[t] !== subject) continue;
        this.ensure(t);
        if (Number.isNaN(this.openSince[t] as number)) this.openSince[t] = time;
      }
    } else if (type === ProbeEvent.JobRelease) {
      this.ensure(subject);
      this.releases[subject] = (this.releases[subject] as number) + 1;
      if (this.lineOfTask[subject] === undefined && Number.isNaN(this.openSince[subject] as number)) this.openSince[subject] = data;
    } else if (type === ProbeEvent.IoOut) {
      this.ensure(subject);
      const start = this.openSince[subject] as number;
      if (Number.isNaN(start)) return;
      (this.delay[subject] as RunningStat).add(time - start);
      this.openSince[subject] = NaN;
    } else if (type === ProbeEvent.DeadlineMiss) {
      this.ensure(subject);
      this.misses[subject] = (this.misses[subject] as number) + 1;
    }
  }
}

/** Attaches the run's reducers to an engine's probe; `collect` reads them after the run. */
export class TraceMetricsCollector {
  private readonly irqOff: SpanReducer;
  private readonly irqLatency: SpanReducer;
  private readonly taskSwitch: NextEventSpan;
  private readonly io: TaskIoReducer;

  /**
   * `lineOfTask[i]`: the engine line id that triggers task i, undefined for timed tasks. The array
   * is read live, so it may be filled after the kernel boots and its lines get their ids.
   */
  constructor(
    private readonly engine: Engine,
    lineOfTask: readonly (number | undefined)[],
  ) {
    this.irqOff = engine.probe.attach(new SpanReducer(ProbeEvent.MaskOn, ProbeEvent.MaskOff));
    this.irqLatency = engine.probe.attach(new SpanReducer(ProbeEvent.IrqRaised, ProbeEvent.IrqEntered));
    this.taskSwitch = engine.probe.attach(new NextEventSpan(ProbeEvent.SwitchOut, ProbeEvent.SwitchIn));
    this.io = engine.probe.attach(new TaskIoReducer(lineOfTask));
  }

  /** The metrics so far, tasks named by `taskNames` (index = task id). */
  collect(taskNames: readonly string[]): TraceMetrics {
    const target = this.engine.target;
    const total = Math.max(1, this.engine.now);
    const pct = (c: number): number => Math.round((1000 * c) / total) / 10;
    const cpu = this.engine.cpu;
    return {
      maxIrqOffUs: spanUs(target, this.irqOff.stat).maxUs,
      irqLatency: spanUs(target, this.irqLatency.stat),
      taskSwitch: spanUs(target, this.taskSwitch.stat),
      tasks: taskNames.map((task, i) => {
        const ioDelay = spanUs(target, this.io.delay[i] ?? new RunningStat());
        return {
          task,
          releases: this.io.releases[i] ?? 0,
          ioDelay,
          ioJitterUs: ioDelay.count < 2 ? null : Math.round(((ioDelay.maxUs ?? 0) - (ioDelay.minUs ?? 0)) * 1000) / 1000,
          deadlineMisses: this.io.misses[i] ?? 0,
        };
      }),
      cpuPercent: { task: pct(cpu.task), kernel: pct(cpu.kernel), isr: pct(cpu.isr), idle: pct(cpu.idle) },
    };
  }
}
