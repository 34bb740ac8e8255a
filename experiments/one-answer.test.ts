import { describe, expect, it } from 'vitest';
import { analyzeWorkload } from '../analysis/analyze.ts';
import { getTarget } from '../hardware/targets/index.ts';
import { usToCycles } from '../hardware/units.ts';
import { getProfile } from '../kernels/registry.ts';
import { systemModel } from '../kernels/system-model.ts';
import { fileURLToPath } from 'node:url';
import { loadWorkload, readWorkloadFile } from '../workloads/load.ts';
import { runProfile } from './run-profile.ts';

/*
 * The repros of "one answer": `kbench analyze --profile` and `kbench run` on the same system must
 * not contradict each other. Each test runs both paths as the CLI does.
 */

describe('analyze --profile and run agree', () => {
  it('bounds uunifast-n2-u0.1-s1036 on uKernel/avr above its simulated max (non-preemption analysed, not just its costs)', () => {
    const workload = loadWorkload('uunifast-n2-u0.1-s1036');
    const target = getTarget('avr');
    const profile = getProfile('ukernel');
    const report = analyzeWorkload(workload, { policy: 'fp', variant: 'corrected', target, system: systemModel(profile, target, workload) });
    const run = runProfile({ profile, target, workload, durationMs: 2000, seed: 1 });
    for (const simulated of run.tasks) {
      const bound = report.tasks.find((t) => t.task === simulated.task);
      expect(bound?.wcrtCycles).not.toBeNull();
      // The simulation saw t1 wait about 11 ms behind t0's whole job; the bound must cover it.
      expect(usToCycles(target, simulated.ioDelay.maxUs ?? 0)).toBeLessThanOrEqual(bound?.wcrtCycles ?? -1);
    }
  });

  it('m4-meter-12-tasks on the EDF kernel and the M4: no deadline miss in 2 s, and every simulated max within the analysed bound (SRP on both sides)', () => {
    const workload = readWorkloadFile(fileURLToPath(new URL('../workloads/cases/m4-meter-12-tasks.json', import.meta.url)));
    const target = getTarget('m4');
    const profile = getProfile('edf');
    const system = systemModel(profile, target, workload);
    expect(Object.values(system.mutexProtocols)).toEqual(workload.resources?.mutexes?.map(() => 'srp'));
    const report = analyzeWorkload(workload, { target, system });
    const run = runProfile({ profile, target, workload, durationMs: 2000, seed: 1 });
    expect(run.tasks.reduce((n, t) => n + t.deadlineMisses, 0)).toBe(0);
    for (const simulated of run.tasks) {
      const bound = report.tasks.find((t) => t.task === simulated.task)?.wcrtCycles ?? null;
      if (bound === null || simulated.ioDelay.maxUs === null) continue;
      expect(usToCycles(target, simulated.ioDelay.maxUs) - 1, simulated.task).toBeLessThanOrEqual(bound);
    }
    expect(report.tasks.find((t) => t.task === 'metering')?.schedulable).toBe(true);
  });

  // Today's meter kernels on each core they have a port for: ready lists, sorted wake lists, and on
  // the M4 FreeRTOS's tick at the lowest interrupt priority.
  for (const [profileId, targetId] of [['freertos', 'm4'], ['freertos', 'm4-f407'], ['freertos', 'avr'], ['liteos-m', 'm4'], ['liteos-m', 'm4-f407']] as const) {
    it(`bounds uunifast-n6-u0.6-s7 on ${profileId}/${targetId} above every simulated max`, () => {
      const workload = loadWorkload('uunifast-n6-u0.6-s7');
      const target = getTarget(targetId);
      const profile = getProfile(profileId);
      const report = analyzeWorkload(workload, { policy: 'fp', variant: 'corrected', target, system: systemModel(profile, target, workload) });
      const run = runProfile({ profile, target, workload, durationMs: 2000, seed: 1 });
      let compared = 0;
      for (const simulated of run.tasks) {
        const bound = report.tasks.find((t) => t.task === simulated.task)?.wcrtCycles ?? null;
        if (bound === null || simulated.ioDelay.maxUs === null) continue;
        compared++;
        expect(usToCycles(target, simulated.ioDelay.maxUs) - 1, simulated.task).toBeLessThanOrEqual(bound);
      }
      expect(compared).toBeGreaterThan(0);
    });
  }
});
