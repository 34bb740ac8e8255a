import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProbeEvent, type ProbeRecord } from '../../hardware/probe.ts';
import { avr, m4 } from '../../hardware/targets/index.ts';
import { missingPort } from '../profiles/ports.ts';
import { msToCycles } from '../../hardware/units.ts';
import { bootSystem, edfProfile, getProfile, kernelCosts, comparedProfiles } from '../registry.ts';
import { referenceCompletionOrder } from './reference-scheduler.ts';
import { paperTaskCountWorkload } from '../../workloads/generators/paper-sweeps.ts';
import { periodic, workload } from './test-workloads.ts';

function ends(trace: readonly ProbeRecord[]): number[] {
  return trace.filter((e) => e.type === ProbeEvent.JobEnd).map((e) => e.subject);
}

describe('every design runs the task its policy demands', () => {
  const FIXED = comparedProfiles().filter((p) => p.preemptive || p.id === 'ukernel');
  for (const p of FIXED) {
    it(`${p.id}: jobs released together complete in priority order, equals in FIFO order`, () => {
      // On the AVR where the kernel has a port for it (else the M4); every job short enough that
      // eight of them, switches included, end within one time slice (FreeRTOS slices every tick).
      const target = missingPort(p, avr) === undefined ? avr : m4;
      const sliceCycles = p.timeSliceTicks === undefined ? Infinity : (p.timeSliceTicks * avr.clockHz) / 1000;
      const maxCycles = Math.min(4000, Math.floor(sliceCycles / (3 * 8)));
      fc.assert(
        fc.property(
          fc.array(fc.record({ prio: fc.integer({ min: 0, max: p.priorities - 1 }), cycles: fc.integer({ min: 100, max: maxCycles }) }), { minLength: 1, maxLength: Math.min(8, p.maxTasks) }),
          (tasks) => {
            const prios = p.samePriority ? tasks.map((t) => t.prio) : tasks.map((_, i) => Math.min(i, p.priorities - 1));
            if (!p.samePriority && new Set(prios).size !== prios.length) return;
            const w = workload(tasks.map((t, i) => periodic(`t${i}`, prios[i] as number, 100_000, [{ op: 'compute', cycles: t.cycles }])));
            const sys = bootSystem({ target, workload: w, profile: p, keepTrace: true });
            sys.run(msToCycles(target, 50));
            const order = ends(sys.engine.probe.trace());
            // A one-tick slice (FreeRTOS) ends at the tick that releases the jobs: the first of the
            // equals goes to the back at once, so only the priority order is the reference's.
            if (p.timeSliceTicks === 1) expect(order.map((i) => prios[i])).toEqual(referenceCompletionOrder(prios).map((i) => prios[i]));
            else expect(order).toEqual(referenceCompletionOrder(prios));
          },
        ),
        { numRuns: 25 },
      );
    });
  }

  it('edf: jobs released together complete in deadline order', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ d: fc.integer({ min: 10, max: 90 }), cycles: fc.integer({ min: 100, max: 3000 }) }), { minLength: 1, maxLength: 8 }), (tasks) => {
        const w = workload(tasks.map((t, i) => periodic(`t${i}`, 0, 100_000, [{ op: 'compute', cycles: t.cycles }], { deadlineUs: t.d * 1000 })));
        const sys = bootSystem({ target: avr, workload: w, profile: edfProfile, keepTrace: true });
        sys.run(msToCycles(avr, 50));
        expect(ends(sys.engine.probe.trace())).toEqual(referenceCompletionOrder(tasks.map((t) => t.d)));
      }),
      { numRuns: 25 },
    );
  });

  it('a preemptive kernel runs a higher-priority release at once; the non-preemptive uKernel lets the running job finish', () => {
    // low: priority 3, computes 40 ms from t=0; high: priority 1, first released at the 5 ms tick.
    const w = workload([
      periodic('low', 3, 100_000, [{ op: 'compute', cycles: msToCycles(avr, 40) }]),
      periodic('high', 1, 100_000, [{ op: 'compute', cycles: 1000 }], { trigger: { kind: 'periodic', periodUs: 100_000, offsetUs: 5000 } }),
    ]);
    for (const [id, first] of [['ucos2', 1], ['ukernel', 0]] as const) {
      const sys = bootSystem({ target: avr, workload: w, profile: id, keepTrace: true });
      sys.run(msToCycles(avr, 60));
      expect(ends(sys.engine.probe.trace())[0]).toBe(first);
    }
  });
});

describe('mutexes bound priority inversion', () => {
  /** Times of the events that show inversion: low's unlock, medium's start, high's end. */
  function inversion(trace: readonly ProbeRecord[]) {
    const at = (type: number, subject: number, pick: (e: ProbeRecord) => boolean = () => true): number =>
      (trace.find((e) => e.type === type && e.subject === subject && pick(e)) as ProbeRecord).time;
    return {
      lowUnlocks: at(ProbeEvent.SemGive, 0, (e) => e.data === 2),
      mediumStarts: at(ProbeEvent.JobStart, 1, (e) => e.time > 0),
      highEnds: at(ProbeEvent.JobEnd, 0),
    };
  }

  // low (task 2) locks the mutex at 0 and holds it for `hold`; high (task 0) wants it from 2 ms;
  // medium (task 1, no mutex) is released at 3 ms.
  function scenario(profile: string, hold: number, mediumCycles: number) {
    const w = workload(
      [
        periodic('high', 1, 100_000, [{ op: 'lock', mutex: 'm' }, { op: 'compute', cycles: 500 }, { op: 'unlock', mutex: 'm' }], { trigger: { kind: 'periodic', periodUs: 100_000, offsetUs: 2000 } }),
        periodic('medium', 2, 100_000, [{ op: 'compute', cycles: mediumCycles }], { trigger: { kind: 'periodic', periodUs: 100_000, offsetUs: 3000 } }),
        periodic('low', 3, 100_000, [{ op: 'lock', mutex: 'm' }, { op: 'compute', cycles: hold }, { op: 'unlock', mutex: 'm' }]),
      ],
      { resources: { mutexes: [{ name: 'm' }] } },
    );
    const sys = bootSystem({ target: avr, workload: w, profile, keepTrace: true });
    sys.run(msToCycles(avr, 90));
    return sys.engine.probe.trace();
  }

  for (const profile of ['worix', 'ucos2']) {
    it(`${profile}: the medium task waits until the high task, blocked on the low task's mutex, is done`, () => {
      fc.assert(
        fc.property(fc.integer({ min: msToCycles(avr, 4), max: msToCycles(avr, 20) }), fc.integer({ min: 1000, max: msToCycles(avr, 30) }), (hold, medium) => {
          const trace = scenario(profile, hold, medium);
          const t = inversion(trace);
          // Inversion bounded by low's critical section: medium starts only after low unlocks and high is done.
          expect(t.mediumStarts).toBeGreaterThan(t.lowUnlocks);
          expect(t.mediumStarts).toBeGreaterThan(t.highEnds);
          expect(ends(trace)).toEqual([0, 1, 2]);
        }),
        { numRuns: 10 },
      );
    });
  }

  it('inheritance is transitive: a high task blocked behind a chain of two mutexes lends its priority to the last owner', () => {
    // low (3) holds m2 from 0; mid (2) takes m1 at 1 ms, then waits for m2; high (0) wants m1 at 2 ms;
    // medium (1, no mutex) arrives at 3 ms and must not run before high is done.
    const at = (ms: number) => ({ trigger: { kind: 'periodic' as const, periodUs: 100_000, offsetUs: ms * 1000 } });
    const w = workload(
      [
        periodic('high', 0, 100_000, [{ op: 'lock', mutex: 'm1' }, { op: 'unlock', mutex: 'm1' }], at(2)),
        periodic('medium', 1, 100_000, [{ op: 'compute', cycles: 1000 }], at(3)),
        periodic('mid', 2, 100_000, [{ op: 'lock', mutex: 'm1' }, { op: 'lock', mutex: 'm2' }, { op: 'unlock', mutex: 'm2' }, { op: 'unlock', mutex: 'm1' }], at(1)),
        periodic('low', 3, 100_000, [{ op: 'lock', mutex: 'm2' }, { op: 'compute', cycles: msToCycles(avr, 10) }, { op: 'unlock', mutex: 'm2' }]),
      ],
      { resources: { mutexes: [{ name: 'm1' }, { name: 'm2' }] } },
    );
    const sys = bootSystem({ target: avr, workload: w, profile: 'worix', keepTrace: true });
    sys.run(msToCycles(avr, 40));
    const trace = sys.engine.probe.trace();
    const highEnd = (trace.find((e) => e.type === ProbeEvent.JobEnd && e.subject === 0) as ProbeRecord).time;
    const mediumStart = (trace.find((e) => e.type === ProbeEvent.JobStart && e.subject === 1 && e.time > 0) as ProbeRecord).time;
    expect(mediumStart).toBeGreaterThan(highEnd);
  });

  it('a ceiling mutex raises its owner as soon as it is locked (uC/OS-II): the medium task cannot start inside the section', () => {
    const w = workload(
      [
        periodic('high', 1, 100_000, [{ op: 'lock', mutex: 'm' }, { op: 'unlock', mutex: 'm' }], { trigger: { kind: 'periodic', periodUs: 100_000, offsetUs: 50_000 } }),
        periodic('medium', 2, 100_000, [{ op: 'compute', cycles: 1000 }], { trigger: { kind: 'periodic', periodUs: 100_000, offsetUs: 2000 } }),
        periodic('low', 3, 100_000, [{ op: 'lock', mutex: 'm' }, { op: 'compute', cycles: msToCycles(avr, 10) }, { op: 'unlock', mutex: 'm' }]),
      ],
      { resources: { mutexes: [{ name: 'm', protocol: 'ceiling' }] } },
    );
    const sys = bootSystem({ target: avr, workload: w, profile: 'ucos2', keepTrace: true });
    sys.run(msToCycles(avr, 30));
    const trace = sys.engine.probe.trace();
    const unlock = (trace.find((e) => e.type === ProbeEvent.SemGive && e.data === 2) as ProbeRecord).time;
    const mediumStart = (trace.find((e) => e.type === ProbeEvent.JobStart && e.subject === 1) as ProbeRecord).time;
    expect(unlock).toBeGreaterThan(msToCycles(avr, 10));
    expect(mediumStart).toBeGreaterThan(unlock);
    // Back at its own priority after the unlock, low is preempted by medium before its job ends.
    expect(ends(trace).slice(0, 2)).toEqual([1, 2]);
  });
});

describe('time slicing', () => {
  it('round robin rotates equal priorities every quantum', () => {
    const worix = getProfile('worix');
    const quantum = worix.timeSliceTicks as number;
    const w = workload([0, 1].map((i) => periodic(`eq${i}`, 2, 1_000_000, [{ op: 'compute', cycles: msToCycles(avr, 40) }])));
    const sys = bootSystem({ target: avr, workload: w, profile: worix, keepTrace: true });
    sys.run(msToCycles(avr, 60));
    const ins = sys.engine.probe.trace().filter((e) => e.type === ProbeEvent.SwitchIn && e.subject < 2);
    const gaps = ins.slice(1).map((e, i) => e.time - (ins[i] as ProbeRecord).time);
    expect(new Set(ins.slice(0, 6).map((e) => e.subject))).toEqual(new Set([0, 1]));
    // Each turn lasts one quantum of ticks (1 ms each at 1 kHz), give or take the tick's own work.
    for (const g of gaps.slice(0, 5)) expect(Math.abs(g - msToCycles(avr, quantum))).toBeLessThan(msToCycles(avr, 1));
    for (let i = 1; i < 6; i++) expect((ins[i] as ProbeRecord).subject).not.toBe((ins[i - 1] as ProbeRecord).subject);
  });
});

describe("the paper's measurements come out of the mechanisms", () => {
  it("uC/OS-II's tick work grows with the task count", () => {
    const ticks = [1, 2, 4, 8].map((n) => kernelCosts('ucos2', avr, n).tickCycles);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]).toBeGreaterThan(ticks[i - 1] as number);
  });

  it('the same seed gives the same trace', () => {
    const run = () => {
      const sys = bootSystem({ target: avr, workload: paperTaskCountWorkload(5), profile: 'webit', keepTrace: true, seed: 7 });
      sys.run(msToCycles(avr, 30));
      return sys.engine.probe.trace();
    };
    expect(run()).toEqual(run());
  });
});
