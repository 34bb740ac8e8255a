import { describe, expect, it } from 'vitest';
import { avr } from '../hardware/targets/index.ts';
import { traceMetrics, type TraceResults } from './trace-metrics.ts';

const NONE = { count: 0, min: Infinity, mean: NaN, max: -Infinity };

/** Results of a run in which nothing was measured, with `extra` over them. */
function results(extra: Partial<TraceResults>): TraceResults {
  return { masked: NONE, irqLatency: NONE, taskSwitch: NONE, ioDelay: [], deadlines: [], cpu: { task: 0, kernel: 0, isr: 0, idle: 100 }, releases: null, ...extra };
}

// The AVR runs at 8 MHz: 8 cycles are 1 us.
describe('trace metrics', () => {
  it('convert spans to microseconds and give each task its releases, delay, jitter, misses and lost jobs', () => {
    const metrics = traceMetrics(avr, results({
      taskSwitch: { count: 2, min: 160, mean: 200, max: 240 },
      ioDelay: [{ task: 'timed', delay: { count: 2, min: 80, mean: 160, max: 241 }, lostJobs: 2 }],
      deadlines: [{ task: 'timed', releases: 3, misses: 1, overdueAtEnd: 0, lostJobs: 2 }],
    }));
    expect(metrics.taskSwitch).toEqual({ count: 2, minUs: 20, meanUs: 25, maxUs: 30 });
    // 241 cycles are 30.125 us; jitter 30.125 - 10.
    expect(metrics.tasks).toEqual([{ task: 'timed', releases: 3, ioDelay: { count: 2, minUs: 10, meanUs: 20, maxUs: 30.125 }, ioJitterUs: 20.125, deadlineMisses: 1, overdueAtEnd: 0, lostJobs: 2 }]);
  });

  it('report nothing measured as null rather than zero, and no jitter before two outputs', () => {
    const metrics = traceMetrics(avr, results({ ioDelay: [{ task: 'once', delay: { count: 1, min: 8, mean: 8, max: 8 }, lostJobs: 0 }] }));
    expect(metrics.maxIrqOffUs).toBeNull();
    expect(metrics.irqLatency).toEqual({ count: 0, minUs: null, meanUs: null, maxUs: null });
    expect(metrics.tasks[0]?.ioJitterUs).toBeNull();
  });
});
