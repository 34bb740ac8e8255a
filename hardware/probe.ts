import { DOUBLE_FIELD, type Cycles } from './units.ts';

/**
 * The probe: the oscilloscope of the paper's section 4. The engine and the kernels emit timestamped
 * events; metrics are reducers over this stream (`analysis/reducers/`), never prints.
 * `subject` names the thing the event is about (an IRQ line, a task id, a kernel object id);
 * `data` is an event-specific number (e.g. the task switched to).
 */
export const ProbeEvent = {
  IrqRaised: 0,
  IrqEntered: 1,
  IrqLeft: 2,
  /** An IRQ raised while its line was already pending: the request was merged and one is lost. */
  IrqOverrun: 3,
  MaskOn: 4,
  MaskOff: 5,
  SwitchOut: 6,
  SwitchIn: 7,
  JobRelease: 8,
  JobStart: 9,
  JobEnd: 10,
  IoIn: 11,
  IoOut: 12,
  SemGive: 13,
  SemTake: 14,
  MsgSend: 15,
  MsgReceive: 16,
  EventSet: 17,
  EventWait: 18,
  DeadlineMiss: 19,
  /** A job that never ends: open when its APP was suspended, or released while it was (data: its arrival). */
  JobLost: 20,
} as const;

/** The numeric code of a probe event. */
export type ProbeEventType = (typeof ProbeEvent)[keyof typeof ProbeEvent];

/** Names of the event types, indexed by code (for traces and debugging). */
export const PROBE_EVENT_NAMES: readonly string[] = Object.keys(ProbeEvent);

/** One recorded event (only materialised when a full trace is kept). */
export interface ProbeRecord {
  readonly type: ProbeEventType;
  readonly time: Cycles;
  readonly subject: number;
  readonly data: number;
}

/** Anything that consumes the event stream online. */
export interface ProbeListener {
  onEvent(type: ProbeEventType, time: Cycles, subject: number, data: number): void;
  /**
   * The event types it reads; every type when absent. The probe passes it only those, and the
   * engine may leave out events of a type that nothing observes (the mask changes inside a tick walk).
   */
  readonly eventTypes?: readonly ProbeEventType[];
}

/** Every event type's code. */
const ALL_TYPES = Object.values(ProbeEvent);

/** Fans events out to listeners; keeps the whole trace only when asked to. */
export class Probe {
  /** The listeners of each event type, indexed by its code, in the order they were attached. */
  private readonly listenersOf: ProbeListener[][] = ALL_TYPES.map(() => []);
  private readonly records: ProbeRecord[] | undefined;
  /** Events emitted so far (all types). */
  eventCount = DOUBLE_FIELD;

  constructor(options: { keepTrace?: boolean } = {}) {
    this.eventCount = 0;
    this.records = options.keepTrace === true ? [] : undefined;
  }

  /** Subscribes a listener and returns it (so `const r = probe.attach(new Reducer())` reads well). */
  attach<L extends ProbeListener>(listener: L): L {
    for (const type of listener.eventTypes ?? ALL_TYPES) (this.listenersOf[type] as ProbeListener[]).push(listener);
    return listener;
  }

  /** Whether an event of `type` reaches anything: a listener that reads it, or the kept trace. */
  observes(type: ProbeEventType): boolean {
    return this.records !== undefined || (this.listenersOf[type] as ProbeListener[]).length > 0;
  }

  /** Records one event at `time`. */
  emit(type: ProbeEventType, time: Cycles, subject = 0, data = 0): void {
    this.eventCount++;
    const listeners = this.listenersOf[type] as ProbeListener[];
    for (let i = 0; i < listeners.length; i++) (listeners[i] as ProbeListener).onEvent(type, time, subject, data);
    if (this.records !== undefined) this.records.push({ type, time, subject, data });
  }

  /** Counts `count` events that nothing observes (see `observes`) without emitting them. */
  skipUnobserved(count: number): void {
    this.eventCount += count;
  }

  /** The full trace; throws when the probe was created without `keepTrace`. */
  trace(): readonly ProbeRecord[] {
    if (this.records === undefined) throw new Error('the probe keeps no trace: create it with { keepTrace: true }');
    return this.records;
  }
}
