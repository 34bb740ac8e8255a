import { ProbeEvent, type Probe, type ProbeEventType, type ProbeListener } from '../../hardware/probe.ts';
import { RunningStat, SpanReducer } from '../../hardware/reducers.ts';
import type { Clocked, Cycles } from '../../hardware/units.ts';
import { cyclesToUs } from '../../hardware/units.ts';

/**
 * Task-switch time as the paper measures it: from the instant the kernel starts switching away
 * from a task (SwitchOut) to the first instruction of the next task (SwitchIn). The two events
 * name different tasks, so this pairs them in stream order rather than by subject.
 */
export class SwitchTimeReducer implements ProbeListener {
  readonly stat = new RunningStat();
  private since = -1;

  onEvent(type: ProbeEventType, time: Cycles): void {
    if (type === ProbeEvent.SwitchOut) {
      if (this.since < 0) this.since = time;
    } else if (type === ProbeEvent.SwitchIn && this.since >= 0) {
      this.stat.add(time - this.since);
      this.since = -1;
    }
  }
}

/** Per-task I/O delay (job release to the task's io-out), job counts and deadline misses. */
export class TaskIoReducer implements ProbeListener {
  readonly ioDelay: RunningStat[] = [];
  readonly jobs: number[] = [];
  readonly misses: number[] = [];
  private readonly releasedAt: number[] = [];

  constructor(readonly taskCount: number) {
    for (let i = 0; i < taskCount; i++) {
      this.ioDelay.push(new RunningStat());
      this.jobs.push(0);
      this.misses.push(0);
      this.releasedAt.push(-1);
    }
  }

  onEvent(type: ProbeEventType, time: Cycles, subject: number): void {
    if (subject < 0 || subject >= this.taskCount) return;
    if (type === ProbeEvent.JobRelease) {
      // A job released while the previous one has not reached its output keeps the older release,
      // so the delay it reports is never shortened.
      if ((this.releasedAt[subject] as number) < 0) this.releasedAt[subject] = time;
    } else if (type === ProbeEvent.IoOut) {
      const released = this.releasedAt[subject] as number;
      if (released >= 0) {
        (this.ioDelay[subject] as RunningStat).add(time - released);
        this.releasedAt[subject] = -1;
      }
    } else if (type === ProbeEvent.JobEnd) {
      this.jobs[subject] = (this.jobs[subject] as number) + 1;
    } else if (type === ProbeEvent.DeadlineMiss) {
      this.misses[subject] = (this.misses[subject] as number) + 1;
    }
  }
}

/** The reducers behind `kbench run`, attached to one probe. */
export interface TraceMetrics {
  readonly irqOff: SpanReducer;
  readonly irqLatency: SpanReducer;
  readonly switchTime: SwitchTimeReducer;
  readonly tasks: TaskIoReducer;
}

/** Attaches the standard metric reducers to a probe before a run. */
export function attachTraceMetrics(probe: Probe, taskCount: number): TraceMetrics {
  return {
    irqOff: probe.attach(new SpanReducer(ProbeEvent.MaskOn, ProbeEvent.MaskOff)),
    irqLatency: probe.attach(new SpanReducer(ProbeEvent.IrqRaised, ProbeEvent.IrqEntered)),
    switchTime: probe.attach(new SwitchTimeReducer()),
    tasks: probe.attach(new TaskIoReducer(taskCount)),
  };
}

/** Min, mean and max of a stat in microseconds; nulls when nothing was observed. */
export interface UsSummary {
  readonly count: number;
  readonly minUs: number | null;
  readonly meanUs: number | null;
  readonly maxUs: number | null;
}

/** Summarises a cycle stat in microseconds on a clock, rounded to nanoseconds for stable output. */
export function usSummary(clock: Clocked, stat: RunningStat): UsSummary {
  if (stat.count === 0) return { count: 0, minUs: null, meanUs: null, maxUs: null };
  const us = (c: number) => Math.round(cyclesToUs(clock, c) * 1000) / 1000;
  return { count: stat.count, minUs: us(stat.min), meanUs: us(stat.mean), maxUs: us(stat.max) };
}
