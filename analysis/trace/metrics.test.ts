import { describe, expect, it } from 'vitest';
import { Probe, ProbeEvent } from '../../hardware/probe.ts';
import { attachTraceMetrics, usSummary } from './metrics.ts';

describe('trace metrics', () => {
  it('measures a task switch from the moment A is paused to the first instruction of B', () => {
    const probe = new Probe();
    const m = attachTraceMetrics(probe, 2);
    probe.emit(ProbeEvent.SwitchOut, 100, 0);
    probe.emit(ProbeEvent.SwitchIn, 260, 1);
    probe.emit(ProbeEvent.SwitchOut, 1000, 1);
    probe.emit(ProbeEvent.SwitchIn, 1200, 0);
    expect([m.switchTime.stat.count, m.switchTime.stat.min, m.switchTime.stat.max]).toEqual([2, 160, 200]);
  });

  it('measures I/O delay per task from release to output, and its jitter as max - min', () => {
    const probe = new Probe();
    const m = attachTraceMetrics(probe, 2);
    for (const [release, out] of [[0, 300], [1000, 1450], [2000, 2350]] as const) {
      probe.emit(ProbeEvent.JobRelease, release, 1);
      probe.emit(ProbeEvent.IoOut, out, 1);
      probe.emit(ProbeEvent.JobEnd, out + 5, 1);
    }
    const delay = m.tasks.ioDelay[1];
    expect([delay?.min, delay?.max, delay?.mean]).toEqual([300, 450, (300 + 450 + 350) / 3]);
    expect(m.tasks.jobs).toEqual([0, 3]);
    expect(m.tasks.ioDelay[0]?.count).toBe(0);
  });

  it('reports microseconds on the target clock, and nulls when nothing was seen', () => {
    const probe = new Probe();
    const m = attachTraceMetrics(probe, 1);
    probe.emit(ProbeEvent.MaskOn, 0);
    probe.emit(ProbeEvent.MaskOff, 80);
    expect(usSummary({ clockHz: 8_000_000 }, m.irqOff.stat)).toEqual({ count: 1, minUs: 10, meanUs: 10, maxUs: 10 });
    expect(usSummary({ clockHz: 8_000_000 }, m.irqLatency.stat)).toEqual({ count: 0, minUs: null, meanUs: null, maxUs: null });
  });
});
