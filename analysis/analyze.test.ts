import { describe, expect, it } from 'vitest';
import { getTarget } from '../hardware/targets/index.ts';
import { loadWorkload } from '../workloads/load.ts';
import { scaleCycles } from '../workloads/scaling.ts';
import { analyzeWorkload } from './analyze.ts';

describe('analyzeWorkload on the meter', () => {
  const meter = loadWorkload('meter');

  it('bounds every task under fp and edf, with best <= worst and jitter = worst - best', () => {
    for (const policy of ['fp', 'edf'] as const) {
      const report = analyzeWorkload(meter, { policy });
      expect(report.tasks).toHaveLength(meter.tasks.length);
      for (const row of report.tasks) {
        expect(row.wcrtCycles).not.toBeNull();
        expect(row.bcrtCycles).toBeLessThanOrEqual(row.wcrtCycles ?? 0);
        expect(row.jitterCycles).toBe((row.wcrtCycles ?? 0) - (row.bcrtCycles ?? 0));
      }
      expect(report.schedulable).toBe(true);
    }
  });

  it('derives the pulse task bound by hand: its job, both ISRs and the longest lower critical section', () => {
    // pulse-energy (priority 0): C = 800; energy-registers has ceiling 0, the longest lower section is
    // metering-read's 2000; ISRs 40 + 80 once each. R = 2000 + 800 + 40 + 80 = 2920 cycles = 365 us.
    // The paper's (1)-(3) has no blocking: 800 + 40 + 80 = 920.
    const corrected = analyzeWorkload(meter, { policy: 'fp' }).tasks[0];
    expect(corrected).toMatchObject({ task: 'pulse-energy', wcrtCycles: 2920, wcrtUs: 365, schedulable: true });
    expect(analyzeWorkload(meter, { policy: 'fp', variant: 'paper' }).tasks[0]?.wcrtCycles).toBe(920);
  });

  it('scales the bound to the M4 by the documented rule', () => {
    const m4 = getTarget('m4');
    const expected = [2000, 800, 40, 80].reduce((s, c) => s + scaleCycles(c, 'avr', m4), 0);
    const report = analyzeWorkload(meter, { policy: 'fp', target: m4 });
    expect(report.tasks[0]?.wcrtCycles).toBe(expected);
    expect(report.notes.join(' ')).toMatch(/scaled from avr to m4/);
  });

  it('warns that self-suspending tasks are bounded without their suspension', () => {
    expect(analyzeWorkload(meter, { policy: 'fp' }).notes.join(' ')).not.toMatch(/suspend/);
    expect(analyzeWorkload(loadWorkload('qgdw-semaphore-shuffling'), { policy: 'fp' }).notes.join(' ')).toMatch(/ping, pong may suspend/);
  });

  it('reports an interrupt line without a minimum inter-arrival as unbounded', () => {
    const random = { ...meter, ioLines: [{ name: 'noise', priority: 0, arrival: { kind: 'random' as const, meanInterArrivalUs: 100 }, isrCycles: 10 }] };
    const report = analyzeWorkload(random, { policy: 'fp' });
    expect(report.schedulable).toBe(false);
    expect(report.tasks.every((r) => r.wcrtCycles === null)).toBe(true);
  });
});
