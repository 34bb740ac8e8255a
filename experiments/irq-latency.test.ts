import { describe, expect, it } from 'vitest';
import type { DemoResult } from './avr-meter-demo.ts';
import { irqLatency } from './irq-latency.ts';

function run(target: string, tickMean: number, tickCount: number, tickMax: number, irqOff: number): DemoResult {
  return { target, durationMs: 1, maxIrqOffUs: irqOff, latencyUs: { tick: { max: tickMax, mean: tickMean, count: tickCount } }, cpuPercent: { task: 0, kernel: 0, isr: 0, idle: 0 } };
}

describe('irq-latency', () => {
  it('has one unit per target and seed, so seeds can run on different workers', () => {
    const units = irqLatency.units('quick');
    expect(units.length).toBe(irqLatency.settings('quick').targets.length * irqLatency.settings('quick').seeds.length);
    expect(new Set(units.map((u) => `${u.target}/${u.seed}`)).size).toBe(units.length);
  });

  it('pools seeds: mean weighted by interrupt count, max of maxima', () => {
    // Seed A: 1 tick interrupt of mean 1 us; seed B: 3 of mean 3 us. Pooled mean (1 + 9) / 4 = 2.5 us.
    const rows = irqLatency.reduce([run('avr', 1, 1, 4, 10), run('avr', 3, 3, 6, 12), run('m4', 0.1, 2, 0.2, 0.5), run('m4', 0.1, 2, 0.3, 0.4)], [], 'quick');
    expect(rows).toEqual([
      { target: 'avr', line: 'tick', seeds: 2, interrupts: 4, latencyMeanUs: 2.5, latencyMaxUs: 6, maxIrqOffUs: 12 },
      { target: 'm4', line: 'tick', seeds: 2, interrupts: 4, latencyMeanUs: 0.1, latencyMaxUs: 0.3, maxIrqOffUs: 0.5 },
    ]);
  });
});
