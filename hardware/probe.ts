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
   * The event types `onEvent` reads; every type when absent. The probe hands a listener only these,
   * so a run's most frequent events (mask on/off, switches, IRQ entry and exit) cost no call where
   * nothing reads them. It must name every type the listener reacts to.
   */
  readonly eventTypes?: readonly ProbeEventType[];
}

/** Every event type, for a listener that names none. */
const ALL_EVENTS: readonly ProbeEventType[] = Object.values(ProbeEvent);

/** Fans events out to the listeners that read them; keeps the whole trace only when asked to. */
export class Probe {
  /** `byType[type]`: the listeners that read `type`, in the order they were attached. */
  private readonly byType: ProbeListener[][] = ALL_EVENTS.map(() => []);
  private readonly records: ProbeRecord[] | undefined;
  /**
   * Events emitted so far (all types). One nothing observes may be counted when the code that
   * would emit it is queued rather than when it runs (`skipUnobserved`), so a run stopped inside
   * an ISR may count its skipped events a few cycles early.
   */
  eventCount = DOUBLE_FIELD;

  constructor(options: { keepTrace?: boolean } = {}) {
    this.eventCount = 0;
    this.records = options.keepTrace === true ? [] : undefined;
  }

  /** Subscribes a listener to the types it reads (`listener.eventTypes`, all when absent) and returns it (so `const r = probe.attach(new Reducer())` reads well). */
  attach<L extends ProbeListener>(listener: L): L {
    for (const type of new Set(listener.eventTypes ?? ALL_EVENTS)) (this.byType[type] as ProbeListener[]).push(listener);
    return listener;
  }

  /** Whether anything reads events of `type`: a listener that names it, or the kept trace. */
  observes(type: ProbeEventType): boolean {
    return this.records !== undefined || (this.byType[type] as ProbeListener[]).length > 0;
  }

  /** Records one event at `time`. */
  emit(type: ProbeEventType, time: Cycles, subject = 0, data = 0): void {
    this.eventCount++;
    const listeners = this.byType[type] as ProbeListener[];
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
