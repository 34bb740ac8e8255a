import { describe, expect, it } from 'vitest';
import { ProbeEvent } from '../../hardware/probe.ts';
import { avr, m4 } from '../../hardware/targets/index.ts';
import { msToCycles, usToCycles } from '../../hardware/units.ts';
import { bootSystem } from '../registry.ts';
import { periodic, workload } from './test-workloads.ts';

describe('I/O-triggered and sporadic tasks', () => {
  const w = workload(
    [
      { name: 'pulse-handler', priority: 1, trigger: { kind: 'io', line: 'pulse' }, body: [{ op: 'compute', cycles: 800 }, { op: 'io-out' }] },
      periodic('background', 4, 10_000, [{ op: 'compute', cycles: 40_000 }]),
    ],
    { ioLines: [{ name: 'pulse', priority: 1, arrival: { kind: 'periodic', periodUs: 3000, offsetUs: 500 }, isrCycles: 50 }] },
  );

  for (const profile of ['ucos2', 'webit']) {
    it(`${profile}: every pulse ISR releases one job that drives its output after the ISR (IoIn -> JobRelease -> IoOut)`, () => {
      for (const target of [avr, m4]) {
        const sys = bootSystem({ target, workload: w, profile, keepTrace: true });
        sys.run(msToCycles(target, 30));
        const trace = sys.engine.probe.trace();
        const ioIn = trace.filter((e) => e.type === ProbeEvent.IoIn);
        const ioOut = trace.filter((e) => e.type === ProbeEvent.IoOut);
        const released = trace.filter((e) => e.type === ProbeEvent.JobRelease && e.subject === 0);
        // Pulses at 0.5, 3.5, ... 29.5 ms: 10 of them.
        expect(ioIn.length).toBe(10);
        expect(released.length).toBe(10);
        expect(ioOut.length).toBe(10);
        ioIn.forEach((e, i) => {
          const out = ioOut[i]!;
          expect(e.time).toBeGreaterThanOrEqual(usToCycles(target, 500 + 3000 * i));
          expect(out.time).toBeGreaterThan(e.time);
          // The handler preempts the background task: it is done well before the next pulse.
          expect(out.time - e.time).toBeLessThan(usToCycles(target, 3000));
        });
      }
    });
  }

  it('sporadic releases are at least the minimum inter-arrival apart', () => {
    const s = workload([{ name: 'sp', priority: 2, trigger: { kind: 'sporadic', minInterArrivalUs: 2000, maxExtraUs: 1000 }, body: [{ op: 'compute', cycles: 300 }] }]);
    const sys = bootSystem({ target: avr, workload: s, profile: 'ucos2', keepTrace: true, seed: 3 });
    sys.run(msToCycles(avr, 50));
    const rel = sys.engine.probe.trace().filter((e) => e.type === ProbeEvent.JobRelease).map((e) => e.time);
    expect(rel.length).toBeGreaterThan(10);
    for (let i = 1; i < rel.length; i++) expect((rel[i] as number) - (rel[i - 1] as number)).toBeGreaterThanOrEqual(usToCycles(avr, 2000));
  });

  it("the paper's run-to-completion threshold: a job's non-preemptive part is not preempted by a higher-priority release", () => {
    // low computes 10 ms, all past its threshold of 0; high is released at 2 ms.
    const tasks = (th: number | undefined) =>
      workload([
        periodic('high', 1, 100_000, [{ op: 'compute', cycles: 500 }], { trigger: { kind: 'periodic', periodUs: 100_000, offsetUs: 2000 } }),
        periodic('low', 3, 100_000, [{ op: 'compute', cycles: msToCycles(avr, 10) }], th === undefined ? {} : { preemptibleCycles: th }),
      ]);
    const firstEnd = (th: number | undefined) => {
      const sys = bootSystem({ target: avr, workload: tasks(th), profile: 'ucos2', keepTrace: true });
      sys.run(msToCycles(avr, 30));
      return sys.engine.probe.trace().find((e) => e.type === ProbeEvent.JobEnd)?.subject;
    };
    expect(firstEnd(undefined)).toBe(0);
    expect(firstEnd(0)).toBe(1);
  });

  it("a periodic task's jobs are released on the tick at offset + k * period, carrying that nominal time", () => {
    const s = workload([periodic('p', 1, 4000, [{ op: 'compute', cycles: 100 }], { trigger: { kind: 'periodic', periodUs: 4000, offsetUs: 3000 } })]);
    const sys = bootSystem({ target: avr, workload: s, profile: 'ucos2', keepTrace: true });
    sys.run(msToCycles(avr, 20));
    const releases = sys.engine.probe.trace().filter((e) => e.type === ProbeEvent.JobRelease);
    // 3, 7, 11, 15, 19 ms; each seen in the tick ISR just after its nominal instant.
    expect(releases.map((e) => e.data)).toEqual([3, 7, 11, 15, 19].map((ms) => msToCycles(avr, ms)));
    for (const e of releases) expect(e.time - e.data).toBeLessThan(msToCycles(avr, 0.1));
  });

  it('a job that ends after its deadline is reported', () => {
    const s = workload([periodic('late', 1, 2000, [{ op: 'compute', cycles: msToCycles(avr, 3) }])]);
    const sys = bootSystem({ target: avr, workload: s, profile: 'ucos2', keepTrace: true });
    sys.run(msToCycles(avr, 20));
    expect(sys.engine.probe.trace().some((e) => e.type === ProbeEvent.DeadlineMiss)).toBe(true);
  });
});

describe('io-in: a job waits for its input line', () => {
  // A 4 ms task asks for a sample, waits for the chip's data-ready line (raised 1 ms into each
  // period), drives its output pin on taking it, then processes the sample.
  const w = workload(
    [periodic('sampler', 1, 4000, [{ op: 'io-in', line: 'adc' }, { op: 'io-out' }, { op: 'compute', cycles: 2000 }])],
    { ioLines: [{ name: 'adc', priority: 1, arrival: { kind: 'periodic', periodUs: 4000, offsetUs: 1000 }, isrCycles: 20 }] },
  );

  for (const profile of ['ucos2', 'webit', 'idcx']) {
    it(`${profile}: outputs once per input, after the line's ISR and not before the input`, () => {
      for (const target of [avr, m4]) {
        const sys = bootSystem({ target, workload: w, profile, keepTrace: true });
        sys.run(msToCycles(target, 20));
        const trace = sys.engine.probe.trace();
        const line = sys.lines.get('adc');
        const raised = trace.filter((e) => e.type === ProbeEvent.IrqRaised && e.subject === line);
        const out = trace.filter((e) => e.type === ProbeEvent.IoOut);
        // Inputs at 1, 5, 9, 13, 17 ms: one output each.
        expect(raised.length).toBe(5);
        expect(out.length).toBe(5);
        out.forEach((o, i) => {
          const inAt = raised[i]!.time;
          expect(o.time).toBeGreaterThan(inAt);
          // The sampler is the only task: the output follows within the ISR and one switch, far below a period.
          expect(o.time - inAt).toBeLessThan(usToCycles(target, 500));
        });
      }
    });
  }

  it('takes an input latched before the job waits at once: the output follows the release, not a later input', () => {
    // The line fires at 0.5 ms, before the 1 ms job has started waiting: the job starts its body at
    // its 1 ms release and finds the latched input.
    const early = workload(
      [periodic('late-start', 1, 4000, [{ op: 'io-in', line: 'adc' }, { op: 'io-out' }], { trigger: { kind: 'periodic', periodUs: 4000, offsetUs: 1000 } })],
      { ioLines: [{ name: 'adc', priority: 1, arrival: { kind: 'periodic', periodUs: 4000, offsetUs: 500 }, isrCycles: 20 }] },
    );
    const sys = bootSystem({ target: avr, workload: early, profile: 'ucos2', keepTrace: true });
    sys.run(msToCycles(avr, 3));
    const out = sys.engine.probe.trace().filter((e) => e.type === ProbeEvent.IoOut);
    expect(out.length).toBe(1);
    expect(out[0]!.time).toBeGreaterThan(msToCycles(avr, 1));
    expect(out[0]!.time).toBeLessThan(msToCycles(avr, 1.5));
  });

  it('an input ISR without application code posts at its save\'s end, after any event due at that cycle', () => {
    // The ISR does nothing but post: its post runs in place unless an event is due at that cycle,
    // which must fire first, as it would before the empty application segment's continuation.
    const input = workload([periodic('reader', 1, 4000, [{ op: 'io-in', line: 'adc' }, { op: 'io-out' }])], {
      ioLines: [{ name: 'adc', priority: 1, arrival: { kind: 'periodic', periodUs: 4000, offsetUs: 1500 }, isrCycles: 0 }],
    });
    for (const target of [avr, m4]) {
      const order = (eventAt: number | undefined): { post: number; seen: string[] } => {
        const sys = bootSystem({ target, workload: input, profile: 'webit' });
        const seen: string[] = [];
        let post = -1;
        sys.engine.probe.attach({
          eventTypes: [ProbeEvent.SemGive],
          onEvent: (_type, time) => {
            if (post < 0) post = time;
            seen.push('post');
          },
        });
        if (eventAt !== undefined) sys.engine.at(eventAt, () => seen.push('event'));
        sys.run(msToCycles(target, 2));
        return { post, seen };
      };
      const alone = order(undefined);
      // Entry, save and OSIntEnter after the raise at 1.5 ms.
      expect(alone.post).toBeGreaterThan(msToCycles(target, 1.5));
      expect(alone.seen).toEqual(['post']);
      const withEvent = order(alone.post);
      expect(withEvent.post).toBe(alone.post);
      expect(withEvent.seen).toEqual(['event', 'post']);
    }
  });
});
