import { describe, expect, it } from 'vitest';
import { analyzeWorkload } from '../analysis/analyze.ts';
import { responseTimes } from '../analysis/reducers/index.ts';
import { m4 } from '../hardware/targets/index.ts';
import { usToCycles } from '../hardware/units.ts';
import { allProfiles } from '../kernels/registry.ts';
import { systemModel } from '../kernels/system-model.ts';
import { measureRun } from '../experiments/measure-run.ts';
import { safetyHorizonUs, safetySet } from '../experiments/safety-sets.ts';
import type { AppHeader, Workload } from '../workloads/types.ts';

const header: AppHeader = { entryOffset: 0, textBytes: 4096, dataBytes: 256, bssBytes: 128, gotEntries: 8, stackBytes: 4096, mainStackBytes: 512, heapBytes: 2048, mainPriority: 3, permissions: ['mutex', 'delay'] };

/** The safety study's set with its tasks spread over `apps` isolated APPs, round robin. */
function isolated(w: Workload, apps: number): Workload {
  const names = Array.from({ length: apps }, (_, i) => `app${i}`);
  return { ...w, apps: names.map((name) => ({ name, header })), tasks: w.tasks.map((t, i) => ({ ...t, app: names[i % apps] as string })) };
}

// The designs whose kernels charge the SVC gate and the MPU load (the shared core); MOS runs its own.
const coreProfiles = allProfiles().filter((p) => p.design !== 'mos');

describe('isolated APPs stay under the analysed bound', () => {
  for (const profile of coreProfiles) {
    it(`simulated responses never exceed the corrected bound on ${profile.id} with 2 and 3 APPs`, () => {
      for (let seed = 1; seed <= 12; seed++) {
        const w = isolated(safetySet(seed, profile), 2 + (seed % 2));
        const system = systemModel(profile, m4, w);
        const report = analyzeWorkload(w, { variant: 'corrected', target: m4, system });
        const { responses } = measureRun({ profile, target: m4, workload: w, horizonCycles: usToCycles(m4, safetyHorizonUs(w)), seed, releases: system.releases.kind, reducers: { responses: responseTimes() } });
        for (const r of report.tasks) {
          if (r.wcrtCycles === null) continue;
          const simulated = responses.find((x) => x.task === r.task)?.longestCycles ?? 0;
          expect(simulated, `${profile.id} seed ${seed} task ${r.task}`).toBeLessThanOrEqual(r.wcrtCycles);
        }
      }
    });
  }
});
