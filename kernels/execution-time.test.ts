import { describe, expect, it } from 'vitest';
import { ProbeEvent } from '../hardware/probe.ts';
import { avr, ideal } from '../hardware/targets/index.ts';
import { msToCycles } from '../hardware/units.ts';
import { parseWorkload } from '../workloads/schema.ts';
import type { Workload } from '../workloads/types.ts';
import type { ExecMode } from './execution-time.ts';
import { bootSystem } from './registry.ts';

/*
 * Issue 8, item 10: "Simulation ignores bestCycles: every job runs its worst case." A task alone on
 * the CPU (nothing preempts it: the tick and the job both come every 10 ms and the job is short)
 * shows each job's execution as JobEnd - JobStart, which must be its drawn compute cycles.
 */

/** Two compute steps on the AVR: best 300 + 50 = 350 cycles, worst 1000 + 80 = 1080 cycles. */
const BEST = 300 + 50;
const WORST = 1000 + 80;

function isolated(extra: Partial<Workload> = {}): Workload {
  return parseWorkload(
    {
      name: 'isolated',
      description: 'one periodic task with best and worst cases',
      referenceTarget: 'avr',
      tickHz: 1000,
      tasks: [
        {
          name: 'alone',
          priority: 1,
          trigger: { kind: 'periodic', periodUs: 10_000 },
          body: [
            { op: 'compute', cycles: 1000, bestCycles: 300 },
            { op: 'compute', cycles: 80, bestCycles: 50 },
          ],
        },
      ],
      ...extra,
    },
    'test',
  );
}

/** Each completed job's JobStart..JobEnd of task 0, in cycles. */
function executions(profile: string, exec: ExecMode | undefined, seed = 1, durationMs = 200, workload = isolated()): number[] {
  const system = bootSystem({ target: avr, workload, profile, seed, keepTrace: true, ...(exec === undefined ? {} : { exec }) });
  system.run(msToCycles(avr, durationMs));
  const out: number[] = [];
  let start = NaN;
  for (const e of system.engine.probe.trace()) {
    if (e.subject !== 0) continue;
    if (e.type === ProbeEvent.JobStart) start = e.time;
    else if (e.type === ProbeEvent.JobEnd) out.push(e.time - start);
  }
  return out;
}

describe('execution-time model (simulation ignores bestCycles, issue 8 item 10)', () => {
  for (const profile of ['ucos2', 'mos']) {
    it(`best mode runs every job for exactly its best cycles on ${profile}`, () => {
      const jobs = executions(profile, 'best');
      expect(jobs.length).toBe(20);
      expect(new Set(jobs)).toEqual(new Set([BEST]));
    });

    it(`worst mode, the default, runs every job for its worst cycles on ${profile}`, () => {
      expect(new Set(executions(profile, 'worst'))).toEqual(new Set([WORST]));
      expect(executions(profile, undefined)).toEqual(executions(profile, 'worst'));
    });

    it(`uniform mode stays within [best, worst], varies, and is reproducible by seed on ${profile}`, () => {
      const jobs = executions(profile, 'uniform', 7);
      for (const c of jobs) {
        expect(c).toBeGreaterThanOrEqual(BEST);
        expect(c).toBeLessThanOrEqual(WORST);
      }
      expect(new Set(jobs).size).toBeGreaterThan(10);
      expect(executions(profile, 'uniform', 7)).toEqual(jobs);
      expect(executions(profile, 'uniform', 8)).not.toEqual(jobs);
    });
  }

  it('draws execution times from a stream of their own: sporadic arrivals are the same in every mode', () => {
    const withSporadic = isolated({
      tasks: [
        ...isolated().tasks,
        { name: 'event', priority: 0, trigger: { kind: 'sporadic', minInterArrivalUs: 3000, maxExtraUs: 2000 }, body: [{ op: 'compute', cycles: 400, bestCycles: 100 }] },
      ],
    });
    const arrivals = (exec: ExecMode): number[] => {
      const system = bootSystem({ target: avr, workload: withSporadic, profile: 'ucos2', seed: 3, keepTrace: true, exec });
      system.run(msToCycles(avr, 200));
      const line = system.lines.get('release:event');
      return system.engine.probe.trace().filter((e) => e.type === ProbeEvent.IrqRaised && e.subject === line).map((e) => e.time);
    };
    const worst = arrivals('worst');
    expect(worst.length).toBeGreaterThan(30);
    expect(arrivals('uniform')).toEqual(worst);
    expect(arrivals('best')).toEqual(worst);
  });

  it('on the ideal target a best-case job takes its best cycles converted to microseconds, with no kernel time', () => {
    const system = bootSystem({ target: ideal, workload: isolated(), profile: 'ucos2', keepTrace: true, exec: 'best' });
    system.run(msToCycles(ideal, 50));
    const trace = system.engine.probe.trace();
    const start = trace.find((e) => e.type === ProbeEvent.JobStart)?.time ?? NaN;
    const end = trace.find((e) => e.type === ProbeEvent.JobEnd)?.time ?? NaN;
    // Each step keeps its duration, rounded up to whole 1 MHz cycles: 300 and 50 AVR cycles at 8 MHz are 37.5 and 6.25 us.
    const us = (avrCycles: number): number => Math.ceil((avrCycles * ideal.clockHz) / avr.clockHz);
    expect(end - start).toBe(us(300) + us(50));
    expect(system.engine.cpu.kernel).toBe(0);
  });
});
