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
