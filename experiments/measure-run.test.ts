import { describe, expect, it } from 'vitest';
import { cpuSplit, deadlineMisses, maskedIntervals, releasePlacement, taskSwitch } from '../analysis/reducers/index.ts';
import { portPrice } from '../hardware/block.ts';
import { avr, ideal, m4 } from '../hardware/targets/index.ts';
import { msToCycles } from '../hardware/units.ts';
import { ProfileLimitError } from '../kernels/core/validate.ts';
import { periodic, workload } from '../kernels/core/test-workloads.ts';
import { paperTaskCountWorkload } from '../workloads/generators/paper-sweeps.ts';
import { getProfile } from '../kernels/registry.ts';
import { systemModel } from '../kernels/system-model.ts';
import { measureRun } from './measure-run.ts';

const ucos2 = getProfile('ucos2');
/** One task every 10 ms doing 800 AVR reference cycles (100 us on the AVR). */
const tenMs = workload([periodic('ten', 0, 10_000, [{ op: 'compute', cycles: 800 }])]);

describe('measureRun', () => {
  it('sees every release from time 0: jobs at 0, 10, ..., 90 ms in a 95 ms run', () => {
    const { jobs } = measureRun({ profile: ucos2, target: avr, workload: tenMs, durationMs: 95, seed: 1, reducers: { jobs: deadlineMisses() } });
    expect(jobs).toEqual([{ task: 'ten', releases: 10, misses: 0, overdueAtEnd: 0, lostJobs: 0 }]);
  });

  it('places releases as the system model says: on the tick on a real part, exactly on the ideal one, or as asked', () => {
    for (const target of [avr, ideal]) {
      const { releases } = measureRun({ profile: ucos2, target, workload: tenMs, durationMs: 20, seed: 1, reducers: { releases: releasePlacement() } });
      expect(releases).toEqual(systemModel(ucos2, target, tenMs).releases);
    }
    const asked = measureRun({ profile: ucos2, target: avr, workload: tenMs, durationMs: 20, seed: 1, releases: 'exact', reducers: { releases: releasePlacement() } });
    expect(asked.releases).toEqual({ kind: 'exact' });
  });

  it('gives each reducer the result it gives alone, whatever else the run measures, for a horizon in ms or in cycles', () => {
    const run = { profile: ucos2, target: avr, workload: paperTaskCountWorkload(4), seed: 1 } as const;
    const both = measureRun({ ...run, durationMs: 20, reducers: { masked: maskedIntervals(), switches: taskSwitch('idle') } });
    const masked = measureRun({ ...run, horizonCycles: msToCycles(avr, 20), reducers: { masked: maskedIntervals() } }).masked;
    const switches = measureRun({ ...run, durationMs: 20, reducers: { switches: taskSwitch('idle') } }).switches;
    expect(both).toEqual({ masked, switches });
    expect(masked.count).toBeGreaterThan(0);
  });

  it('times every switch at no less than a context restore, and splits the CPU time whole', () => {
    for (const target of [avr, m4]) {
      const { switches, cpu } = measureRun({ profile: ucos2, target, workload: paperTaskCountWorkload(4), durationMs: 50, seed: 1, reducers: { switches: taskSwitch(), cpu: cpuSplit() } });
      expect(switches.count).toBeGreaterThan(10);
      expect(switches.min).toBeGreaterThanOrEqual(portPrice('context-restore', target).cycles);
      expect(cpu.task + cpu.kernel + cpu.isr + cpu.idle).toBeCloseTo(100, 0);
    }
  });

  it("throws the kernel's refusal of a workload it cannot run", () => {
    const semaphore = workload([periodic('a', 0, 10_000, [{ op: 'take', semaphore: 's' }])], { resources: { semaphores: [{ name: 's', initial: 0 }] } });
    expect(() => measureRun({ profile: 'webit', target: avr, workload: semaphore, durationMs: 10, seed: 1, reducers: {} })).toThrow(ProfileLimitError);
    expect(() => measureRun({ profile: 'webit', target: avr, workload: semaphore, durationMs: 10, seed: 1, reducers: {} })).toThrow(/needs semaphores, which profile webit does not offer/);
  });
});
