import { describe, expect, it } from 'vitest';
import { Probe, ProbeEvent, type ProbeEventType, type ProbeListener } from './probe.ts';

/** A listener that writes down what it is handed, tagged with its name. */
function recorder(name: string, log: string[], eventTypes?: readonly ProbeEventType[]): ProbeListener {
  return { onEvent: (type, time) => void log.push(`${name}:${type}@${time}`), ...(eventTypes === undefined ? {} : { eventTypes }) };
}

describe('Probe', () => {
  it('hands a listener only the event types it names, and every type to one that names none, in attach order', () => {
    const log: string[] = [];
    const probe = new Probe();
    probe.attach(recorder('all', log));
    probe.attach(recorder('jobs', log, [ProbeEvent.JobRelease, ProbeEvent.JobEnd]));
    probe.emit(ProbeEvent.MaskOn, 1);
    probe.emit(ProbeEvent.JobRelease, 2);
    probe.emit(ProbeEvent.JobEnd, 3);
    expect(log).toEqual([`all:${ProbeEvent.MaskOn}@1`, `all:${ProbeEvent.JobRelease}@2`, `jobs:${ProbeEvent.JobRelease}@2`, `all:${ProbeEvent.JobEnd}@3`, `jobs:${ProbeEvent.JobEnd}@3`]);
    expect(probe.eventCount).toBe(3);
  });

  it('hands an event once to a listener that names its type twice', () => {
    const log: string[] = [];
    const probe = new Probe();
    probe.attach(recorder('twice', log, [ProbeEvent.IoOut, ProbeEvent.IoOut]));
    probe.emit(ProbeEvent.IoOut, 5);
    expect(log).toEqual([`twice:${ProbeEvent.IoOut}@5`]);
  });

  it('says which types anything observes: a listener naming them, or a kept trace', () => {
    const probe = new Probe();
    probe.attach(recorder('switches', [], [ProbeEvent.SwitchIn]));
    expect(probe.observes(ProbeEvent.SwitchIn)).toBe(true);
    expect(probe.observes(ProbeEvent.MaskOn)).toBe(false);
    expect(new Probe({ keepTrace: true }).observes(ProbeEvent.MaskOn)).toBe(true);
  });
});
