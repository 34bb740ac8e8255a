import { describe, expect, it } from 'vitest';
import { avr, m4 } from '../hardware/targets/index.ts';
import { kernelCosts } from '../kernels/registry.ts';
import { loadWorkload } from '../workloads/load.ts';
import { overheadsFor } from './overheads.ts';

describe('overheadsFor', () => {
  it("carries the profile's priced costs for the workload's task count and the tick period", () => {
    const meter = loadWorkload('meter');
    const o = overheadsFor('ucos2', avr, meter);
    expect(o).toEqual({ ...kernelCosts('ucos2', avr, meter.tasks.length), tickPeriodCycles: avr.clockHz / meter.tickHz });
  });

  it('prices the same kernel in fewer cycles per tick period on the faster, wider M4', () => {
    const meter = loadWorkload('meter');
    const a = overheadsFor('worix', avr, meter);
    const b = overheadsFor('worix', m4, meter);
    expect(b.switchCycles / b.tickPeriodCycles).toBeLessThan(a.switchCycles / a.tickPeriodCycles);
  });
});
