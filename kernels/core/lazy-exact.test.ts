import { describe, expect, it } from 'vitest';
import { ProbeEvent, type ProbeEventType, type ProbeRecord } from '../../hardware/probe.ts';
import { avr, m4 } from '../../hardware/targets/index.ts';
import { msToCycles } from '../../hardware/units.ts';
import type { ReleaseMode } from '../types.ts';
import { bootSystem } from '../registry.ts';
import { periodic, workload } from './test-workloads.ts';

/*
 * Where nothing reads an event the kernel emits between two pieces of ISR or switch code
 * (IrqEntered between the hardware entry and the kernel's save, SwitchOut at OSIntExit's
 * decision), the engine and the kernel run the pieces as one. A run whose listeners skip those
 * events must then see every other event at the same cycle and in the same order, the same CPU
 * split and clock, as a run that reads everything, in fewer steps.
 */

const ALL = Object.values(ProbeEvent) as ProbeEventType[];
const SKIPPED: readonly ProbeEventType[] = [ProbeEvent.IrqEntered, ProbeEvent.SwitchOut];

class Recorder {
  readonly events: ProbeRecord[] = [];
  constructor(readonly eventTypes: readonly ProbeEventType[]) {}
  onEvent(type: ProbeEventType, time: number, subject: number, data: number): void {
    this.events.push({ type, time, subject, data });
  }
}

/** Periodic, I/O-released, sporadic and io-in tasks, with lines at random and periodic instants. */
const busy = workload(
  [
    periodic('a', 1, 1000, [{ op: 'compute', cycles: 300 }, { op: 'io-out' }]),
    periodic('b', 3, 2000, [{ op: 'compute', cycles: 2500 }, { op: 'io-out' }]),
    { name: 'reader', priority: 0, trigger: { kind: 'io', line: 'meter' }, body: [{ op: 'compute', cycles: 150 }, { op: 'io-out' }], source: 'test' },
    { name: 'sporadic', priority: 2, trigger: { kind: 'sporadic', minInterArrivalUs: 3000, maxExtraUs: 2000 }, body: [{ op: 'compute', cycles: 400 }], source: 'test' },
    periodic('c', 4, 5000, [{ op: 'io-in', line: 'pulse' }, { op: 'io-out' }, { op: 'compute', cycles: 900 }, { op: 'io-out' }]),
  ],
  {
    ioLines: [
      { name: 'meter', priority: 1, arrival: { kind: 'random', meanInterArrivalUs: 700 }, isrCycles: 40 },
      { name: 'pulse', priority: 2, arrival: { kind: 'periodic', periodUs: 5000, offsetUs: 100 }, isrCycles: 0 },
      // Dense and most urgent: it lands inside every other ISR and, where they nest, enters them.
      { name: 'noise', priority: 0, arrival: { kind: 'random', meanInterArrivalUs: 23 }, isrCycles: 10 },
    ],
  },
);

function run(profile: string, target: typeof avr, releases: ReleaseMode, read: readonly ProbeEventType[]) {
  // The tick below the I/O lines, so that where ISRs nest the lines enter the tick's ISR.
  const sys = bootSystem({ target, workload: busy, profile, seed: 5, releases, tickPriority: 3 });
  const recorder = sys.engine.probe.attach(new Recorder(read));
  sys.run(msToCycles(target, 100));
  const e = sys.engine;
  return { events: recorder.events, cpu: { ...e.cpu }, now: e.now, count: e.probe.eventCount, steps: e.steps };
}

describe('ISR and switch code run as one where nothing reads the events between', () => {
  for (const profile of ['ucos2', 'webit', 'worix', 'idcx', 'freertos']) {
    for (const target of [avr, m4]) {
      for (const releases of ['tick', 'exact'] as ReleaseMode[]) {
        it(`${profile} on ${target.id}, ${releases} releases: every other event, the CPU split and the clock are unchanged`, () => {
          const full = run(profile, target, releases, ALL);
          const lean = run(profile, target, releases, ALL.filter((t) => !SKIPPED.includes(t)));
          expect(lean.events.length).toBeGreaterThan(1000);
          expect(lean.events).toEqual(full.events.filter((e) => !SKIPPED.includes(e.type)));
          expect({ cpu: lean.cpu, now: lean.now }).toEqual({ cpu: full.cpu, now: full.now });
          // An ISR in flight at the horizon may have counted its skipped event already (one at most each).
          expect(lean.count - full.count).toBeGreaterThanOrEqual(0);
          expect(lean.count - full.count).toBeLessThanOrEqual(SKIPPED.length);
          // FreeRTOS on the M4 nests under BASEPRI, where neither joins: the same steps there.
          if (profile === 'freertos' && target === m4) expect(lean.steps).toBe(full.steps);
          else expect(lean.steps).toBeLessThan(full.steps);
        });
      }
    }
  }
});
