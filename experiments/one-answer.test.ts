import { describe, expect, it } from 'vitest';
import { analyzeWorkload } from '../analysis/analyze.ts';
import { getTarget } from '../hardware/targets/index.ts';
import { usToCycles } from '../hardware/units.ts';
import { getProfile } from '../kernels/registry.ts';
import { systemModel } from '../kernels/system-model.ts';
import { loadWorkload } from '../workloads/load.ts';
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
});
