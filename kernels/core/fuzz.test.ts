import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProbeEvent } from '../../hardware/probe.ts';
import { avr, m4 } from '../../hardware/targets/index.ts';
import { msToCycles } from '../../hardware/units.ts';
import type { Step, TaskSpec } from '../../workloads/types.ts';
import { missingPort } from '../profiles/ports.ts';
import { bootSystem, edfProfile, getProfile, paperProfiles } from '../registry.ts';
import { workload } from './test-workloads.ts';

/** A random body: compute, posts and waits on a shared semaphore-or-queue, flags, a balanced lock. */
const step: fc.Arbitrary<Step[]> = fc.oneof(
  fc.integer({ min: 50, max: 5000 }).map((cycles): Step[] => [{ op: 'compute', cycles }]),
  fc.constant<Step[]>([{ op: 'send', queue: 'q' }]),
  fc.constant<Step[]>([{ op: 'receive', queue: 'q' }]),
  fc.constant<Step[]>([{ op: 'set', flags: 'f', mask: 1 }]),
  fc.constant<Step[]>([{ op: 'wait', flags: 'f', mask: 1 }]),
  fc.constant<Step[]>([{ op: 'lock', mutex: 'm' }, { op: 'compute', cycles: 300 }, { op: 'unlock', mutex: 'm' }]),
  fc.integer({ min: 1, max: 3 }).map((ticks): Step[] => [{ op: 'delay', ticks }]),
  fc.constant<Step[]>([{ op: 'io-out' }]),
);

const task = (i: number): fc.Arbitrary<TaskSpec> =>
  fc.record({
    period: fc.integer({ min: 1, max: 20 }),
    io: fc.boolean(),
    body: fc.array(step, { minLength: 1, maxLength: 5 }).map((parts) => parts.flat()),
  }).map(({ period, io, body }) => ({
    name: `t${i}`,
    priority: i,
    trigger: io ? { kind: 'io' as const, line: 'uart' } : { kind: 'periodic' as const, periodUs: period * 1000 },
    body,
  }));

describe('random workloads on every profile', () => {
  it('run without errors, and every job that starts was released and ends at most once', () => {
    // The core kernels' services; MOS (no semaphores, flags or delays) has its own properties in kernels/mos.
    const profiles = [...paperProfiles(), edfProfile, getProfile('freertos'), getProfile('liteos-m')];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: profiles.length - 1 }),
        fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => task(i)))),
        fc.boolean(),
        (pi, tasks, onM4) => {
          const profile = profiles[pi]!;
          // A kernel without an AVR port (LiteOS-M) runs on the M4 either way.
          const target = onM4 || missingPort(profile, avr) !== undefined ? m4 : avr;
          const w = workload(tasks, {
            ioLines: [{ name: 'uart', priority: 1, arrival: { kind: 'random', meanInterArrivalUs: 2000 }, isrCycles: 40 }],
            resources: { queues: [{ name: 'q', capacity: 2 }], eventFlags: [{ name: 'f' }], mutexes: [{ name: 'm', protocol: profile.inversion[0] }] },
          });
          const sys = bootSystem({ target, workload: w, profile, seed: 5 });
          const perTask = tasks.map(() => ({ released: 0, started: 0, ended: 0 }));
          let switchIns = 0;
          sys.engine.probe.attach({
            onEvent(type, _t, subject) {
              if (type === ProbeEvent.SwitchIn) switchIns++;
              const s = perTask[subject];
              if (s === undefined) return;
              if (type === ProbeEvent.JobRelease) s.released++;
              else if (type === ProbeEvent.JobStart) s.started++;
              else if (type === ProbeEvent.JobEnd) s.ended++;
              if (s.started > s.released || s.ended > s.started || s.started > s.ended + 1) throw new Error(`task ${subject}: ${JSON.stringify(s)}`);
            },
          });
          sys.run(msToCycles(target, 40));
          const cpu = sys.engine.cpu;
          expect(cpu.task + cpu.kernel + cpu.isr + cpu.idle).toBe(sys.engine.now);
          expect(switchIns).toBeGreaterThan(0);
        },
      ),
      { numRuns: 120 },
    );
  });
});
