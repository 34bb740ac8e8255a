import { responseTimes, taskSwitch } from '../analysis/reducers/index.ts';
import { getTarget } from '../hardware/targets/index.ts';
import { cyclesToUs } from '../hardware/units.ts';
import { meterWithApps } from '../multiapp/fixtures.ts';
import { mpuSwitchCycles } from '../multiapp/mpu.ts';
import { svcGateCycles } from '../multiapp/svc-gate.ts';
import { defineExperiment, roundUs, type Row } from './contract.ts';
import { measureRun } from './measure-run.ts';
import { grid } from './unit-helpers.ts';

/*
 * What isolating APPs costs (issue 13, item 6): eight meter tasks grouped into 1-8 APPs, each APP's
 * kernel calls through the SVC gate and its MPU regions loaded on a switch into it, against the same
 * tasks in a single-image kernel (apps = 0). Measured: task-to-task switch time (the Q/GDW 12180
 * indicator's definition) and the lowest-priority task's worst response, on the uC/OS-II kernel.
 */

const TARGETS = ['m4', 'm4-f407'] as const;
const APP_COUNTS = [0, 1, 2, 4, 8] as const;
const DURATION_MS = 100;
const PROFILE = 'ucos2';

interface IsolationUnit {
  readonly target: string;
  readonly apps: number;
}

type IsolationRow = {
  readonly target: string;
  readonly apps: number;
  readonly isolated: boolean;
  readonly switchMeanCycles: number;
  readonly switchMaxCycles: number;
  readonly switchMeanUs: number;
  readonly lowestResponseCycles: number;
  readonly svcGateCycles: number;
  readonly mpuLoadCycles: number;
};

/** The multi-APP isolation study. */
export const multiappIsolation = defineExperiment<IsolationUnit, IsolationRow>({
  id: 'multiapp-isolation',
  title: 'Isolated APPs: task-switch time and response against the number of APPs',
  description:
    'Eight equal meter tasks grouped into 1, 2, 4 or 8 APPs (0: a single-image kernel), uC/OS-II on the M4 parts: task-to-task switch time (a switch into another APP loads its MPU regions) and the lowest-priority task\'s worst response (every kernel call of an APP task passes the SVC gate).',
  columns: ['target', 'apps', 'isolated', 'switchMeanCycles', 'switchMaxCycles', 'switchMeanUs', 'lowestResponseCycles', 'svcGateCycles', 'mpuLoadCycles'],
  settings: () => ({ seeds: [1], targets: [...TARGETS], durationMs: DURATION_MS, profile: PROFILE, apps: [...APP_COUNTS] }),
  units: () => grid({ target: TARGETS, apps: APP_COUNTS }),
  runUnit: ({ target, apps }) => {
    const t = getTarget(target);
    const workload = meterWithApps(apps);
    const { switches, responses } = measureRun({ profile: PROFILE, target: t, workload, durationMs: DURATION_MS, seed: 1, reducers: { switches: taskSwitch('idle'), responses: responseTimes() } });
    return {
      target,
      apps,
      isolated: apps > 0,
      switchMeanCycles: Math.round(switches.mean),
      switchMaxCycles: switches.max,
      switchMeanUs: roundUs(cyclesToUs(t, switches.mean)),
      lowestResponseCycles: responses.at(-1)?.longestCycles ?? 0,
      svcGateCycles: apps > 0 ? svcGateCycles(t) : 0,
      mpuLoadCycles: apps > 0 ? mpuSwitchCycles(t) : 0,
    };
  },
  reduce: (results) => results.map((r): Row => ({ ...r })),
});
