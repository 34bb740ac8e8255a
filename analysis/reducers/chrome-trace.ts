import { ProbeEvent, type ProbeEventType, type ProbeListener } from '../../hardware/probe.ts';
import type { Target } from '../../hardware/target.ts';
import { cyclesToUs, type Cycles } from '../../hardware/units.ts';
import type { BootedView, ReducerFactory } from './reducer.ts';

/*
 * The run as a Chrome trace-event file (the JSON object format that Perfetto's UI and
 * chrome://tracing open): one track (thread) per task and the idle task, one per interrupt line,
 * one for masked sections, with job releases (and their arrivals), jobs lost to an APP's suspension
 * and task switches as instant events. The spans are
 * built as the run goes, so no full probe trace is kept, and at most `limit` span and instant
 * events are recorded: a long run stops recording and says so in `otherData`, not exhausting memory.
 */

/** A complete event: a span of `dur` microseconds from `ts` on track `tid`. */
export interface TraceSpan {
  readonly name: string;
  readonly cat: string;
  readonly ph: 'X';
  readonly ts: number;
  readonly dur: number;
  readonly pid: number;
  readonly tid: number;
}

/** An instant event on track `tid` (scope `t`: the thread). */
export interface TraceInstant {
  readonly name: string;
  readonly cat: string;
  readonly ph: 'i';
  readonly s: 't';
  readonly ts: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: Readonly<Record<string, string | number>>;
}

/** A metadata event naming the process or a track, and ordering the tracks. */
export interface TraceMetadata {
  readonly name: 'process_name' | 'thread_name' | 'thread_sort_index';
  readonly ph: 'M';
  readonly pid: number;
  readonly tid: number;
  readonly args: Readonly<{ name: string } | { sort_index: number }>;
}

/** One trace event. */
export type TraceEvent = TraceSpan | TraceInstant | TraceMetadata;

/** A Chrome trace-event JSON object. */
export interface ChromeTrace {
  readonly traceEvents: readonly TraceEvent[];
  readonly displayTimeUnit: 'ns';
  readonly otherData: {
    /** The most span and instant events the file holds. */
    readonly eventLimit: number;
    /** Whether the limit was reached, so that later events are missing. */
    readonly truncated: boolean;
    /** When truncated: the simulated time (us) of the first event left out; the trace is complete before it. */
    readonly truncatedAtUs: number | null;
  };
}

/** The only process of the trace: the emulated MCU. */
const PID = 1;
const SPAN_KIND = { task: 'task', isr: 'isr', masked: 'masked' } as const;

/** Builds the trace from the probe's events as they come. */
export class ChromeTraceReducer implements ProbeListener {
  private readonly events: (TraceSpan | TraceInstant)[] = [];
  private readonly openTask = new Map<number, Cycles>();
  private readonly openLine = new Map<number, Cycles>();
  private maskedSince: Cycles | undefined;
  private system: BootedView = { taskNames: [], lines: new Map() };
  private truncatedAt: Cycles | undefined;

  constructor(
    private readonly target: Target,
    private readonly limit: number,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`trace event limit must be a positive integer, got ${limit}`);
  }

  /** Learns the task names and line ids that name the tracks. */
  booted(system: BootedView): void {
    this.system = system;
  }

  onEvent(type: ProbeEventType, time: Cycles, subject: number, data: number): void {
    if (this.truncatedAt !== undefined) return;
    switch (type) {
      case ProbeEvent.SwitchIn:
        this.openTask.set(subject, time);
        // The first switch of the run has no outgoing task (data -1).
        this.instant('switch', time, this.taskTid(subject), { from: data < 0 ? 'none' : this.taskName(data), to: this.taskName(subject) });
        return;
      case ProbeEvent.SwitchOut:
        this.close(this.openTask, subject, time, this.taskName(subject), SPAN_KIND.task, this.taskTid(subject));
        return;
      case ProbeEvent.JobRelease:
        // Marked when the kernel made the job ready; its true arrival (the event's data) rides along,
        // since a tick kernel releases late and a task's first job may be released at its start-up.
        this.instant('release', time, this.taskTid(subject), { arrivalUs: this.us(data) });
        return;
      case ProbeEvent.JobLost:
        // A lost job never ends: a marker at the loss (the suspension, or the relaunch for jobs due meanwhile) with its arrival, never an open span.
        this.instant('lost', time, this.taskTid(subject), { arrivalUs: this.us(data) });
        return;
      case ProbeEvent.IrqEntered:
        if (!this.openLine.has(subject)) this.openLine.set(subject, time);
        return;
      case ProbeEvent.IrqLeft:
        this.close(this.openLine, subject, time, this.lineName(subject), SPAN_KIND.isr, this.lineTid(subject));
        return;
      case ProbeEvent.MaskOn:
        // A nested MaskOn keeps the outer section's start: interrupts were already off.
        this.maskedSince ??= time;
        return;
      case ProbeEvent.MaskOff:
        if (this.maskedSince !== undefined) this.span('interrupts off', SPAN_KIND.masked, this.maskedSince, time, this.maskTid());
        this.maskedSince = undefined;
        return;
      default:
        return;
    }
  }

  /** The trace at `endCycles`: spans still open then end there. */
  result(endCycles: Cycles): ChromeTrace {
    if (this.truncatedAt === undefined) {
      for (const [task, since] of [...this.openTask]) this.span(this.taskName(task), SPAN_KIND.task, since, endCycles, this.taskTid(task));
      for (const [line, since] of [...this.openLine]) this.span(this.lineName(line), SPAN_KIND.isr, since, endCycles, this.lineTid(line));
      if (this.maskedSince !== undefined) this.span('interrupts off', SPAN_KIND.masked, this.maskedSince, endCycles, this.maskTid());
    }
    this.openTask.clear();
    this.openLine.clear();
    this.maskedSince = undefined;
    return {
      traceEvents: [...this.metadata(), ...this.events],
      displayTimeUnit: 'ns',
      otherData: { eventLimit: this.limit, truncated: this.truncatedAt !== undefined, truncatedAtUs: this.truncatedAt === undefined ? null : this.us(this.truncatedAt) },
    };
  }

  private close(open: Map<number, Cycles>, subject: number, time: Cycles, name: string, cat: string, tid: number): void {
    const since = open.get(subject);
    if (since === undefined) return;
    open.delete(subject);
    this.span(name, cat, since, time, tid);
  }

  private span(name: string, cat: string, from: Cycles, to: Cycles, tid: number): void {
    if (!this.room(from)) return;
    const ts = this.us(from);
    this.events.push({ name, cat, ph: 'X', ts, dur: this.us(to) - ts, pid: PID, tid });
  }

  private instant(name: string, time: Cycles, tid: number, args?: Record<string, string | number>): void {
    if (!this.room(time)) return;
    this.events.push({ name, cat: 'marker', ph: 'i', s: 't', ts: this.us(time), pid: PID, tid, ...(args === undefined ? {} : { args }) });
  }

  /** Whether one more event fits; the first that does not marks the trace truncated at `time`. */
  private room(time: Cycles): boolean {
    if (this.events.length < this.limit) return true;
    this.truncatedAt ??= time;
    return false;
  }

  private us(cycles: Cycles): number {
    return cyclesToUs(this.target, cycles);
  }

  // Tracks: tasks by index (the idle task last), then the masked sections, then interrupt lines by id.
  private taskTid(task: number): number {
    return task + 1;
  }

  private taskName(task: number): string {
    return this.system.taskNames[task] ?? (task === this.system.taskNames.length ? 'idle' : `task ${task}`);
  }

  private maskTid(): number {
    return this.system.taskNames.length + 2;
  }

  private lineTid(line: number): number {
    return this.maskTid() + 1 + line;
  }

  private lineName(line: number): string {
    for (const [name, id] of this.system.lines) if (id === line) return `ISR ${name}`;
    return `ISR line ${line}`;
  }

  /** Names the process and every track that has an event, sorted as the tids are. */
  private metadata(): TraceMetadata[] {
    const tids = new Map<number, string>();
    for (let task = 0; task <= this.system.taskNames.length; task++) tids.set(this.taskTid(task), this.taskName(task));
    for (const [, id] of this.system.lines) tids.set(this.lineTid(id), this.lineName(id));
    tids.set(this.maskTid(), 'interrupts off');
    for (const e of this.events) if (!tids.has(e.tid)) tids.set(e.tid, e.cat === SPAN_KIND.isr ? e.name : this.taskName(e.tid - 1));
    const meta: TraceMetadata[] = [{ name: 'process_name', ph: 'M', pid: PID, tid: 0, args: { name: `${this.target.id} (emulated MCU)` } }];
    for (const [tid, name] of [...tids].sort(([a], [b]) => a - b)) {
      meta.push({ name: 'thread_name', ph: 'M', pid: PID, tid, args: { name } }, { name: 'thread_sort_index', ph: 'M', pid: PID, tid, args: { sort_index: tid } });
    }
    return meta;
  }
}

/** The run as a Chrome trace, its times in microseconds of `target`, holding at most `limit` span and instant events. */
export function chromeTrace(target: Target, limit: number): ReducerFactory<ChromeTrace> {
  return () => {
    const reducer = new ChromeTraceReducer(target, limit);
    return { listener: reducer, booted: (system) => reducer.booted(system), result: (end) => reducer.result(end.engine.now) };
  };
}
