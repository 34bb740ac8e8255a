import { describe, expect, it } from 'vitest';
import { ProbeEvent } from '../../hardware/probe.ts';
import type { Workload } from '../../workloads/types.ts';
import { inputToOutput } from './input-to-output.ts';
import { reduceEvents, type TestEvent } from './test-support.ts';

// Task 0 waits for line 5 ('adc'), outputs, computes, outputs its result; task 1 has no input.
const WORKLOAD: Workload = {
  name: 'test',
  description: 'an input task and a plain one',
  referenceTarget: 'avr',
  tickHz: 1000,
  tasks: [
    { name: 'sampler', priority: 0, trigger: { kind: 'periodic', periodUs: 1000 }, body: [{ op: 'io-in', line: 'adc' }, { op: 'io-out' }, { op: 'compute', cycles: 100 }, { op: 'io-out' }] },
    { name: 'plain', priority: 1, trigger: { kind: 'periodic', periodUs: 1000 }, body: [{ op: 'compute', cycles: 100 }, { op: 'io-out' }] },
  ],
};
const SYSTEM = { taskNames: ['sampler', 'plain'], lines: new Map([['tick', 0], ['adc', 5]]), workload: WORKLOAD };

describe('inputToOutput', () => {
  it('times the input from its line raise to the next output, and the result from the releasing tick to the last output of the job', () => {
    const events: TestEvent[] = [
      [ProbeEvent.IrqRaised, 1000, 0, 0], [ProbeEvent.JobRelease, 1020, 0, 1000], [ProbeEvent.JobRelease, 1030, 1, 1000],
      [ProbeEvent.IrqRaised, 1100, 5, 0], [ProbeEvent.IoOut, 1150, 0, 0], // input 50
      [ProbeEvent.IoOut, 1400, 0, 0], [ProbeEvent.JobEnd, 1410, 0, 0], // result 400 from the tick at 1000
      [ProbeEvent.IoOut, 1600, 1, 0], [ProbeEvent.JobEnd, 1610, 1, 0], // plain: result 600, no input
    ];
    const [sampler, plain] = reduceEvents(inputToOutput(), events, SYSTEM);
    expect(sampler).toEqual({ task: 'sampler', input: { count: 1, min: 50, mean: 50, max: 50 }, result: { count: 1, min: 400, mean: 400, max: 400 }, lostJobs: 0 });
    expect(plain?.input.count).toBe(0);
    expect(plain?.result).toEqual({ count: 1, min: 600, mean: 600, max: 600 });
  });

  it('drops a lost job\'s result and the input it was to answer, and counts lost jobs apart', () => {
    // The job of 1000 takes its input raised at 1100 and is lost at 1120 before its output; the job of
    // 2000 is lost unreleased. The job of 3000: input raised at 3100, output at 3150 (50), result at
    // 3400 (400 from the tick at 3000). Kept open, the lost job's input would time 2050 and its result 2400.
    const events: TestEvent[] = [
      [ProbeEvent.IrqRaised, 1000, 0, 0], [ProbeEvent.JobRelease, 1020, 0, 1000],
      [ProbeEvent.IrqRaised, 1100, 5, 0], [ProbeEvent.JobLost, 1120, 0, 1000],
      [ProbeEvent.IrqRaised, 2000, 0, 0], [ProbeEvent.JobLost, 2500, 0, 2000],
      [ProbeEvent.IrqRaised, 3000, 0, 0], [ProbeEvent.JobRelease, 3020, 0, 3000],
      [ProbeEvent.IrqRaised, 3100, 5, 0], [ProbeEvent.IoOut, 3150, 0, 0],
      [ProbeEvent.IoOut, 3400, 0, 0], [ProbeEvent.JobEnd, 3410, 0, 0],
    ];
    expect(reduceEvents(inputToOutput(), events, SYSTEM)[0]).toEqual({ task: 'sampler', input: { count: 1, min: 50, mean: 50, max: 50 }, result: { count: 1, min: 400, mean: 400, max: 400 }, lostJobs: 2 });
  });

  it('keeps the first raise of an input that is raised again before its output', () => {
    const events: TestEvent[] = [[ProbeEvent.IrqRaised, 100, 5, 0], [ProbeEvent.IrqRaised, 300, 5, 0], [ProbeEvent.IoOut, 350, 0, 0]];
    expect(reduceEvents(inputToOutput(), events, SYSTEM)[0]?.input).toEqual({ count: 1, min: 250, mean: 250, max: 250 });
  });
});
