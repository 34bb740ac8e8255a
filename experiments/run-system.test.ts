import { describe, expect, it } from 'vitest';
import { avr, m4 } from '../hardware/targets/index.ts';
import { installMeterDemo, runAvrMeterDemo } from './avr-meter-demo.ts';
import { runAndMeasure } from './run-system.ts';

describe('a measured run', () => {
  it('reads the same max interrupt-disable time from the probe as the meter demo measures itself', () => {
    for (const target of [avr, m4]) {
      const metrics = runAndMeasure({
        target,
        seed: 3,
        durationMs: 200,
        boot: (engine) => {
          installMeterDemo(engine, 200);
          return { run: (until) => engine.run(until), taskNames: ['super-loop'] };
        },
      });
      const demo = runAvrMeterDemo(target, 200, 3);
      expect(metrics.maxIrqOffUs).toBeCloseTo(demo.maxIrqOffUs, 3);
      expect(metrics.cpuPercent).toEqual(demo.cpuPercent);
      // No kernel: nothing switches tasks, no footprint is reported.
      expect(metrics.taskSwitch.count).toBe(0);
      expect(metrics.codeBytes).toBeNull();
    }
  });
});
