import { describe, expect, it } from 'vitest';
import { analyzeWorkload } from '../analysis/analyze.ts';
import { responseTimes } from '../analysis/reducers/index.ts';
import { m4 } from '../hardware/targets/index.ts';
import { usToCycles } from '../hardware/units.ts';
import { getProfile } from '../kernels/registry.ts';
import { systemModel } from '../kernels/system-model.ts';
import { measureRun } from '../experiments/measure-run.ts';
import type { Workload } from '../workloads/types.ts';
import { STUDY_APP_HEADER } from './fixtures.ts';
import { mpuSwitchCycles } from './mpu.ts';
import { svcGateCycles } from './svc-gate.ts';

/*
 * A case built so that isolation is a large part of a response: a 1 ms task in APP `a` preempts a
 * 40 ms task of APP `b` about forty times; each preemption loads the MPU twice (into `a`, back
 * into `b`) and passes the SVC gate once (the preempting job's end), so the low task's response
 * carries about 40 x (2 x MPU load + gate) cycles of isolation, more than the analysis' margin
 * elsewhere. Without those costs the bound falls below the simulated response: the analysis must
 * charge them (kernels/system-model.ts, multiapp/svc-gate.ts and mpu.ts).
 */

const PERIOD_US = 1_000;
const LOW_PERIOD_US = 100_000;
/** 40 ms of work at 200 MHz: forty 1 ms preemptions. */
const LOW_CYCLES = usToCycles(m4, 40_000);
const HIGH_CYCLES = 200;

const isolated: Workload = {
  name: 'two-apps-preempting',
  description: 'a 1 ms task of one APP preempting a 40 ms task of another',
  referenceTarget: 'm4',
  tickHz: 1000,
  apps: [{ name: 'a', header: STUDY_APP_HEADER }, { name: 'b', header: STUDY_APP_HEADER }],
  tasks: [
    { name: 'high', priority: 0, app: 'a', trigger: { kind: 'periodic', periodUs: PERIOD_US }, body: [{ op: 'compute', cycles: HIGH_CYCLES }] },
    { name: 'low', priority: 1, app: 'b', trigger: { kind: 'periodic', periodUs: LOW_PERIOD_US }, body: [{ op: 'compute', cycles: LOW_CYCLES }] },
  ],
};
/** The same tasks in one image: the system model's overheads without the gate and the MPU. */
const singleImage: Workload = { ...isolated, apps: [], tasks: isolated.tasks.map(({ app: _app, ...t }) => t) };

describe('the analysis accounts for the SVC gate and the MPU load', () => {
  for (const id of ['ucos2', 'liteos-m', 'freertos']) {
    it(`bounds the preempted APP task on ${id} only with the isolation costs charged`, () => {
      const profile = getProfile(id);
      const system = systemModel(profile, m4, isolated);
      const withoutIsolation = { ...system, overheads: systemModel(profile, m4, singleImage).overheads };
      const low = (s: typeof system): number => analyzeWorkload(isolated, { variant: 'corrected', target: m4, system: s }).tasks.find((r) => r.task === 'low')?.wcrtCycles ?? 0;
      const { responses } = measureRun({ profile, target: m4, workload: isolated, horizonCycles: usToCycles(m4, 2 * LOW_PERIOD_US), seed: 1, releases: system.releases.kind, reducers: { responses: responseTimes() } });
      const simulated = responses.find((r) => r.task === 'low')?.longestCycles ?? 0;
      // The analysis charges the low task at least forty preemptions' isolation: two MPU loads and one gate each.
      expect(low(system) - low(withoutIsolation)).toBeGreaterThanOrEqual(40 * (2 * mpuSwitchCycles(m4) + svcGateCycles(m4)));
      expect(simulated).toBeLessThanOrEqual(low(system));
      expect(simulated).toBeGreaterThan(low(withoutIsolation));
    });
  }
});
