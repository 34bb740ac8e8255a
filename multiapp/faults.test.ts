import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeWorkload } from '../analysis/analyze.ts';
import { responseTimes } from '../analysis/reducers/index.ts';
import { Prng } from '../hardware/prng.ts';
import { m4 } from '../hardware/targets/index.ts';
import { cyclesToUs, usToCycles } from '../hardware/units.ts';
import { getProfile } from '../kernels/registry.ts';
import { systemModel } from '../kernels/system-model.ts';
import { measureRun } from '../experiments/measure-run.ts';
import { bootBoard, detectionReleaseUs, FAULT_TASKS, faultPrices, faultScenario, injectFault, restartOnBoard, storeFromApp } from './faults.ts';
import { faultTrace } from './fault-trace.ts';
import { meterWithApps } from './fixtures.ts';

/** Room for eight of the studies' APPs (18 KB of RAM each) and the heap's own headers. */
const KERNEL_RAM_BYTES = 160 * 1024;
const RAM_BASE = 0x2000_0000;

/** Whether two address ranges share a byte. */
const overlaps = (a: { base: number; bytes: number }, b: { base: number; bytes: number }): boolean => a.base < b.base + b.bytes && b.base < a.base + a.bytes;

describe('a faulting APP', () => {
  it('never changes another APP\'s memory: its stray stores fault, and its restart takes back only its own zone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.nat(), fc.array(fc.tuple(fc.integer({ min: RAM_BASE - 256, max: RAM_BASE + KERNEL_RAM_BYTES + 256 }), fc.nat(255)), { minLength: 1, maxLength: 40 }), (apps, pick, stores) => {
        const w = meterWithApps(apps);
        const board = bootBoard(w, m4, KERNEL_RAM_BYTES);
        const faulted = board.launched[pick % apps];
        if (faulted === undefined) throw new Error('no APP picked');
        const others = board.launched.filter((a) => a !== faulted);
        const before = others.map((a) => ({ bytes: Uint8Array.from(a.dataAndBss), heap: a.heap?.spans(), zone: a.ramZone }));
        for (const [address, value] of stores) {
          const outcome = storeFromApp(board, faulted.name, address, value);
          const own = address >= faulted.ramZone.base && address < faulted.ramZone.base + faulted.ramZone.bytes;
          expect(outcome).toBe(own ? 'stored' : 'mem-manage');
        }
        const { relaunched } = restartOnBoard(board, w, faulted.name, m4);
        others.forEach((a, i) => {
          expect(a.dataAndBss).toEqual(before[i]?.bytes);
          expect(a.heap?.spans()).toEqual(before[i]?.heap);
          expect(a.ramZone).toEqual(before[i]?.zone);
          expect(overlaps(relaunched.ramZone, a.ramZone)).toBe(false);
        });
      }),
      { numRuns: 20 },
    );
  });

  it('is suspended from the fault to its restart, loses the jobs released meanwhile, and never pushes another APP\'s task past its analysed bound', () => {
    const profile = getProfile('ucos2');
    const horizonUs = 100_000;
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(2_000, 5_000, 10_000), (apps, seed, guardianPeriodUs) => {
        const base = meterWithApps(apps);
        const injection = injectFault(base, { earliestUs: 10_000, latestUs: 80_000 }, new Prng(seed));
        const scenario = faultScenario(base, injection, faultPrices(base, injection, m4, KERNEL_RAM_BYTES), guardianPeriodUs, horizonUs);
        const system = systemModel(profile, m4, scenario.workload);
        const report = analyzeWorkload(scenario.workload, { variant: 'corrected', target: m4, system });
        const faultCycles = usToCycles(m4, injection.faultUs);
        const { responses, trace } = measureRun({ profile, target: m4, workload: scenario.workload, horizonCycles: usToCycles(m4, horizonUs), seed, releases: system.releases.kind, reducers: { responses: responseTimes(), trace: faultTrace(injection.faultedApp, FAULT_TASKS.restart, faultCycles) } });
        for (const task of base.tasks.filter((t) => t.app !== injection.faultedApp)) {
          const bound = report.tasks.find((r) => r.task === task.name)?.wcrtCycles;
          const simulated = responses.find((r) => r.task === task.name)?.longestCycles;
          expect(bound, task.name).toBeTypeOf('number');
          expect(simulated, task.name).toBeGreaterThan(0);
          expect(simulated).toBeLessThanOrEqual(bound as number);
        }
        // The recovery really ran inside the run: the restart job finished.
        expect(responses.find((r) => r.task === FAULT_TASKS.restart)?.longestCycles).toBeGreaterThanOrEqual(scenario.prices.restart.total);
        // The faulted APP is really suspended: none of its tasks gets the CPU from the fault to the
        // restart's end, and they do again after it (relaunched).
        const restartEnd = trace.restartEndCycles as number;
        expect(restartEnd).toBeGreaterThan(faultCycles);
        expect(trace.faultedActivityCycles.filter((c) => c > faultCycles && c < restartEnd)).toEqual([]);
        expect(trace.faultedActivityCycles.some((c) => c > restartEnd)).toBe(true);
        // Lost, by hand: every job of the faulted APP's tasks released from the fault (a job released
        // at the fault's tick is open when the handler suspends it) to the restart's end. The
        // fixture's tasks all share one period from time 0, and every job ends long before the next
        // tick, so none is open from before the fault.
        const periodUs = (base.tasks[0]?.trigger as { periodUs: number }).periodUs;
        const releasesInWindow = Math.floor(cyclesToUs(m4, restartEnd) / periodUs) - Math.ceil(injection.faultUs / periodUs) + 1;
        expect(trace.lostJobs).toBe(releasesInWindow * base.tasks.filter((t) => t.app === injection.faultedApp).length);
      }),
      { numRuns: 10 },
    );
  });

  it('is found by the guardian check released at or after the fault (a check released with the handler runs after it)', () => {
    // By hand: checks every 10 ms at 0, 10, 20 ms ...
    expect(detectionReleaseUs(20_000, 10_000)).toBe(20_000);
    expect(detectionReleaseUs(20_001, 10_000)).toBe(30_000);
    expect(detectionReleaseUs(29_999, 10_000)).toBe(30_000);
  });

  it('is drawn on a whole tick inside the window, in an APP of the workload', () => {
    const w = meterWithApps(4);
    const prng = new Prng(7);
    for (let i = 0; i < 50; i++) {
      const { faultedApp, faultUs } = injectFault(w, { earliestUs: 1_500, latestUs: 4_000 }, prng);
      expect([2_000, 3_000]).toContain(faultUs);
      expect(w.apps?.map((a) => a.name)).toContain(faultedApp);
    }
  });
});
