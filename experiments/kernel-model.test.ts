import { describe, expect, it } from 'vitest';
import { finalRegionCycles } from '../analysis/model.ts';
import { getTarget } from '../hardware/targets/index.ts';
import { getProfile } from '../kernels/registry.ts';
import type { Workload } from '../workloads/types.ts';
import { kernelModel } from './kernel-model.ts';
import { overheadsFor } from './overheads.ts';

const two = (priorities: [number, number]): Workload => ({
  name: 'two',
  description: 'two periodic tasks',
  referenceTarget: 'avr',
  tickHz: 1000,
  tasks: priorities.map((priority, i) => ({ name: `t${i}`, priority, trigger: { kind: 'periodic' as const, periodUs: 10_000 }, body: [{ op: 'compute' as const, cycles: 1000 }, { op: 'io-out' as const }] })),
});

describe('kernelModel', () => {
  it('makes every job of a non-preemptive kernel (uKernel) one final region: only the per-job overhead stays preemptible', () => {
    const p = getProfile('ukernel');
    const m = kernelModel(p, 'avr', two([0, 1]));
    const o = overheadsFor(p, getTarget('avr'), two([0, 1]));
    // Releases are interrupt loads (analysis/overheads.ts); a job pays its two switches and its job-end service.
    const perJob = 2 * o.switchCycles + o.jobEndCycles;
    for (const t of m.tasks) {
      expect(t.preemptibleCycles).toBe(perJob);
      expect(finalRegionCycles(t)).toBe(1000);
    }
  });

  it('lets tasks sharing a time-sliced level preempt each other after start (threshold half a level up), and no one else', () => {
    const shared = kernelModel(getProfile('idcx'), 'avr', two([4, 4]));
    expect(shared.tasks.map((t) => t.thresholdPriority)).toEqual([4.5, 4.5]);
    const distinct = kernelModel(getProfile('idcx'), 'avr', two([3, 4]));
    expect(distinct.tasks.map((t) => t.thresholdPriority)).toEqual([3, 4]);
    expect(kernelModel(getProfile('ucos2'), 'avr', two([3, 4])).tasks.every((t) => t.preemptibleCycles === t.wcetCycles)).toBe(true);
  });
});
