import { analyzeWorkload } from '../analysis/analyze.ts';
import { responseTimes, type TaskResponse } from '../analysis/reducers/index.ts';
import { Prng } from '../hardware/prng.ts';
import { getTarget } from '../hardware/targets/index.ts';
import { cyclesToUs, usToCycles } from '../hardware/units.ts';
import { getProfile } from '../kernels/registry.ts';
import { systemModel } from '../kernels/system-model.ts';
import { FAULT_TASKS, faultPrices, faultScenario, injectFault } from '../multiapp/faults.ts';
import { faultTrace } from '../multiapp/fault-trace.ts';
import { meterWithApps } from '../multiapp/fixtures.ts';
import type { Workload } from '../workloads/types.ts';
import { defineExperiment, roundUs, type Row } from './contract.ts';
import { measureRun } from './measure-run.ts';
import { grid } from './unit-helpers.ts';

/*
 * Faults and keep-alive (issue 13, item 7): the studies' meter in four APPs on uC/OS-II; a seeded
 * APP makes an illegal access at a seeded tick, the MemManage handler suspends its tasks (the
 * kernel takes them off its structures), the guardian (a kernel task checking every APP each
 * period) finds it and restarts the APP from XIPFS, which relaunches its tasks (multiapp/faults.ts
 * builds the scenario). Measured on the simulated run: the handler's time, the detection latency
 * (fault to the end of the guardian check that finds it), the restart, the faulted APP's lost jobs
 * and whether any of its tasks ran before the restart, and the other APPs' worst response, over the
 * run and over their jobs released during the fault, against the same run without a fault and
 * against their analysed bound (corrected analysis, the system model with the SVC gate and MPU costs).
 */

const TARGETS = ['m4', 'm4-f407'] as const;
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
const APPS = 4;
const PROFILE = 'ucos2';
const GUARDIAN_PERIOD_US = 10_000;
const HORIZON_US = 100_000;
/** Faults fall after the first periods have settled and early enough for the guardian to finish the restart inside the run. */
const FAULT_WINDOW = { earliestUs: 20_000, latestUs: 70_000 } as const;
const KERNEL_RAM_BYTES = 128 * 1024;

interface FaultUnit {
  readonly target: string;
  readonly seed: number;
}

type FaultRow = {
  readonly target: string;
  readonly seed: number;
  readonly faultedApp: string;
  readonly faultUs: number;
  readonly handledUs: number;
  readonly detectionUs: number;
  readonly restartUs: number;
  readonly recoveredUs: number;
  /** Jobs of the faulted APP that never end: open at the suspension, or released before the restart's end. */
  readonly faultedLostJobs: number;
  /** Times a faulted APP's task got the CPU or started a job from the fault to the restart's end (0: really suspended). */
  readonly faultedRunsInFault: number;
  /** The other APPs' worst response over their jobs released from the fault to the restart's end. */
  readonly othersWorstInFaultUs: number;
  readonly othersWorstUs: number;
  readonly othersWorstNoFaultUs: number;
  /** The smallest analysed bound minus simulated worst response over the other APPs' tasks. */
  readonly othersMinSlackUs: number;
  readonly othersWithinBound: boolean;
};

/** The fault-and-recovery study. */
export const multiappFaults = defineExperiment<FaultUnit, FaultRow>({
  id: 'multiapp-faults',
  title: 'APP faults and keep-alive: detection latency, restart time, other APPs\' responses',
  description:
    'Eight meter tasks in four APPs on uC/OS-II; per seed one APP faults (MemManage) at a seeded tick, the handler suspends its tasks, a guardian kernel task checking every 10 ms restarts it from XIPFS. Simulated: handler time from the fault, detection latency (fault to the end of the guardian check that finds it), restart time, recovery (fault to restart done), the faulted APP\'s lost jobs (open at the suspension or released before the restart\'s end; its tasks restart with their next release) and its tasks\' runs during the fault (0), and the other APPs\' worst response during the fault, over the run, over the run without the fault, and the smallest slack to their analysed bound.',
  columns: ['target', 'seed', 'faultedApp', 'faultUs', 'handledUs', 'detectionUs', 'restartUs', 'recoveredUs', 'faultedLostJobs', 'faultedRunsInFault', 'othersWorstInFaultUs', 'othersWorstUs', 'othersWorstNoFaultUs', 'othersMinSlackUs', 'othersWithinBound'],
  settings: () => ({ seeds: [...SEEDS], targets: [...TARGETS], durationMs: HORIZON_US / 1000, profile: PROFILE, apps: APPS, guardianPeriodUs: GUARDIAN_PERIOD_US }),
  units: () => grid({ target: TARGETS, seed: SEEDS }),
  runUnit: ({ target, seed }) => {
    const t = getTarget(target);
    const profile = getProfile(PROFILE);
    const base = meterWithApps(APPS);
    const injection = injectFault(base, FAULT_WINDOW, new Prng(seed));
    const scenario = faultScenario(base, injection, faultPrices(base, injection, t, KERNEL_RAM_BYTES), GUARDIAN_PERIOD_US, HORIZON_US);
    const horizonCycles = usToCycles(t, HORIZON_US);
    const run = (w: Workload): TaskResponse[] => measureRun({ profile, target: t, workload: w, horizonCycles, seed, reducers: { responses: responseTimes() } }).responses;
    const faultCycles = usToCycles(t, injection.faultUs);
    const measured = measureRun({ profile, target: t, workload: scenario.workload, horizonCycles, seed, reducers: { responses: responseTimes(), trace: faultTrace(injection.faultedApp, FAULT_TASKS.restart, faultCycles) } });
    const faulted = measured.responses;
    const restartEnd = measured.trace.restartEndCycles ?? horizonCycles;
    // The same system without the fault: the guardian still checks, nothing faults.
    const quiet = run({ ...scenario.workload, tasks: scenario.workload.tasks.filter((x) => x.name === FAULT_TASKS.guardian || x.app !== undefined) });
    const longest = (rs: readonly TaskResponse[], name: string): number => rs.find((r) => r.task === name)?.longestCycles ?? 0;
    const others = base.tasks.filter((x) => x.app !== injection.faultedApp).map((x) => x.name);
    const report = analyzeWorkload(scenario.workload, { variant: 'corrected', target: t, system: systemModel(profile, t, scenario.workload), explain: false });
    const boundOf = (name: string): number => report.tasks.find((r) => r.task === name)?.wcrtCycles ?? Infinity;
    const us = (cycles: number): number => roundUs(cyclesToUs(t, cycles));
    const detectionCycles = usToCycles(t, scenario.detectionReleaseUs - injection.faultUs) + longest(faulted, FAULT_TASKS.guardian);
    const recoveredCycles = usToCycles(t, scenario.detectionReleaseUs - injection.faultUs) + longest(faulted, FAULT_TASKS.restart);
    return {
      target,
      seed,
      faultedApp: injection.faultedApp,
      faultUs: injection.faultUs,
      handledUs: us(longest(faulted, FAULT_TASKS.handler)),
      detectionUs: us(detectionCycles),
      restartUs: us(scenario.prices.restart.total),
      recoveredUs: us(recoveredCycles),
      faultedLostJobs: measured.trace.lostJobs,
      faultedRunsInFault: measured.trace.faultedActivityCycles.filter((c) => c > faultCycles && c < restartEnd).length,
      othersWorstInFaultUs: us(measured.trace.othersWorstInWindowCycles),
      othersWorstUs: us(Math.max(...others.map((n) => longest(faulted, n)))),
      othersWorstNoFaultUs: us(Math.max(...others.map((n) => longest(quiet, n)))),
      othersMinSlackUs: us(Math.min(...others.map((n) => boundOf(n) - longest(faulted, n)))),
      othersWithinBound: others.every((n) => longest(faulted, n) <= boundOf(n)),
    };
  },
  reduce: (results) => results.map((r): Row => ({ ...r })),
});
