import { describe, expect, it } from 'vitest';
import { Engine } from '../hardware/engine.ts';
import { ProbeEvent } from '../hardware/probe.ts';
import { avr } from '../hardware/targets/index.ts';
import { TraceMetricsCollector } from './trace-metrics.ts';

// The AVR runs at 8 MHz: 8 cycles are 1 us.
describe('trace metrics', () => {
  it('measure switch time from a switch-out to the next switch-in, whichever tasks they name', () => {
    const engine = new Engine({ target: avr, seed: 1 });
    const collector = new TraceMetricsCollector(engine, [undefined, undefined]);
    const p = engine.probe;
    p.emit(ProbeEvent.SwitchOut, 0, 0);
    p.emit(ProbeEvent.SwitchIn, 160, 1); // 20 us
    p.emit(ProbeEvent.SwitchOut, 800, 1);
    p.emit(ProbeEvent.SwitchIn, 1040, 0); // 30 us
    expect(collector.collect(['a', 'b']).taskSwitch).toEqual({ count: 2, minUs: 20, meanUs: 25, maxUs: 30 });
  });

  it('measure I/O delay from the nominal release (the true arrival) for timed tasks and from the line interrupt for I/O-triggered ones', () => {
    const engine = new Engine({ target: avr, seed: 1 });
    // Task 0 is timed; task 1 is woken by interrupt line 5.
    const collector = new TraceMetricsCollector(engine, [undefined, 5]);
    const p = engine.probe;
    p.emit(ProbeEvent.JobRelease, 0, 0);
    p.emit(ProbeEvent.IoOut, 80, 0); // 10 us
    p.emit(ProbeEvent.JobRelease, 8080, 0, 8000); // released by a tick 10 us after its arrival at 8000
    p.emit(ProbeEvent.IoOut, 8240, 0); // 30 us from the arrival
    p.emit(ProbeEvent.DeadlineMiss, 8240, 0);
    p.emit(ProbeEvent.IoIn, 100, 5);
    p.emit(ProbeEvent.JobRelease, 140, 1);
    p.emit(ProbeEvent.IoOut, 500, 1); // (500 - 100) / 8 = 50 us, from the interrupt, not the release
    const [timed, io] = collector.collect(['timed', 'io']).tasks;
    expect(timed).toEqual({ task: 'timed', releases: 2, ioDelay: { count: 2, minUs: 10, meanUs: 20, maxUs: 30 }, ioJitterUs: 20, deadlineMisses: 1 });
    expect(io).toEqual({ task: 'io', releases: 1, ioDelay: { count: 1, minUs: 50, meanUs: 50, maxUs: 50 }, ioJitterUs: null, deadlineMisses: 0 });
  });

  it('report nothing measured as null rather than zero', () => {
    const engine = new Engine({ target: avr, seed: 1 });
    const metrics = new TraceMetricsCollector(engine, []).collect([]);
    expect(metrics.maxIrqOffUs).toBeNull();
    expect(metrics.irqLatency).toEqual({ count: 0, minUs: null, meanUs: null, maxUs: null });
  });
});
