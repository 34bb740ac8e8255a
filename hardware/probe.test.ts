import { describe, expect, it } from 'vitest';
import { Probe, ProbeEvent, type ProbeEventType, type ProbeListener } from './probe.ts';

/** Remembers the types it is passed, reading the ones given (all when undefined). */
function recorder(eventTypes?: readonly ProbeEventType[]): ProbeListener & { readonly seen: ProbeEventType[] } {
  const seen: ProbeEventType[] = [];
  return { seen, ...(eventTypes === undefined ? {} : { eventTypes }), onEvent: (type) => seen.push(type) };
}

describe('Probe', () => {
  it('passes a listener that names its event types only those, and one that names none every event', () => {
    const probe = new Probe();
    const masks = probe.attach(recorder([ProbeEvent.MaskOn, ProbeEvent.MaskOff]));
    const all = probe.attach(recorder());
    const emitted = [ProbeEvent.IrqRaised, ProbeEvent.MaskOn, ProbeEvent.SwitchIn, ProbeEvent.MaskOff];
    for (const type of emitted) probe.emit(type, 0);
    expect(masks.seen).toEqual([ProbeEvent.MaskOn, ProbeEvent.MaskOff]);
    expect(all.seen).toEqual(emitted);
    expect(probe.eventCount).toBe(emitted.length);
  });

  it('calls the listeners of one event in the order they were attached', () => {
    const probe = new Probe();
    const order: string[] = [];
    probe.attach({ eventTypes: [ProbeEvent.JobEnd], onEvent: () => order.push('first') });
    probe.attach({ onEvent: () => order.push('second') });
    probe.attach({ eventTypes: [ProbeEvent.JobEnd, ProbeEvent.JobStart], onEvent: () => order.push('third') });
    probe.emit(ProbeEvent.JobEnd, 0);
    expect(order).toEqual(['first', 'second', 'third']);
  });

  it('observes a type only when a listener reads it or the trace is kept', () => {
    const quiet = new Probe();
    expect(quiet.observes(ProbeEvent.MaskOn)).toBe(false);
    quiet.attach(recorder([ProbeEvent.JobEnd]));
    expect(quiet.observes(ProbeEvent.MaskOn)).toBe(false);
    expect(quiet.observes(ProbeEvent.JobEnd)).toBe(true);
    quiet.attach(recorder());
    expect(quiet.observes(ProbeEvent.MaskOn)).toBe(true);
    expect(new Probe({ keepTrace: true }).observes(ProbeEvent.MaskOn)).toBe(true);
  });

  it('counts events left out unobserved with the emitted ones', () => {
    const probe = new Probe();
    probe.emit(ProbeEvent.MaskOn, 0);
    probe.skipUnobserved(5);
    expect(probe.eventCount).toBe(6);
  });
});

/** A listener that writes down what it is handed, tagged with its name. */
function namedRecorder(name: string, log: string[], eventTypes?: readonly ProbeEventType[]): ProbeListener {
  return { onEvent: (type, time) => void log.push(`${name}:${type}@${time}`), ...(eventTypes === undefined ? {} : { eventTypes }) };
}

describe('Probe, listeners by name', () => {
  it('hands a listener only the event types it names, and every type to one that names none, in attach order', () => {
    const log: string[] = [];
    const probe = new Probe();
    probe.attach(namedRecorder('all', log));
    probe.attach(namedRecorder('jobs', log, [ProbeEvent.JobRelease, ProbeEvent.JobEnd]));
    probe.emit(ProbeEvent.MaskOn, 1);
    probe.emit(ProbeEvent.JobRelease, 2);
    probe.emit(ProbeEvent.JobEnd, 3);
    expect(log).toEqual([`all:${ProbeEvent.MaskOn}@1`, `all:${ProbeEvent.JobRelease}@2`, `jobs:${ProbeEvent.JobRelease}@2`, `all:${ProbeEvent.JobEnd}@3`, `jobs:${ProbeEvent.JobEnd}@3`]);
    expect(probe.eventCount).toBe(3);
  });

  it('hands an event once to a listener that names its type twice', () => {
    const log: string[] = [];
    const probe = new Probe();
    probe.attach(namedRecorder('twice', log, [ProbeEvent.IoOut, ProbeEvent.IoOut]));
    probe.emit(ProbeEvent.IoOut, 5);
    expect(log).toEqual([`twice:${ProbeEvent.IoOut}@5`]);
  });

  it('says which types anything observes: a listener naming them, or a kept trace', () => {
    const probe = new Probe();
    probe.attach(namedRecorder('switches', [], [ProbeEvent.SwitchIn]));
    expect(probe.observes(ProbeEvent.SwitchIn)).toBe(true);
    expect(probe.observes(ProbeEvent.MaskOn)).toBe(false);
    expect(new Probe({ keepTrace: true }).observes(ProbeEvent.MaskOn)).toBe(true);
  });
});
