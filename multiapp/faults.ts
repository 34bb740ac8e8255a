import { price } from '../hardware/block.ts';
import { Prng } from '../hardware/prng.ts';
import type { Target } from '../hardware/target.ts';
import type { Cycles } from '../hardware/units.ts';
import type { Step, TaskSpec, Workload } from '../workloads/types.ts';
import { buildAppImage } from './image.ts';
import { faultHandlingCycles, guardianCheckApp, restartApp, type RestartCost } from './keepalive.ts';
import { launchApp, type LaunchedApp } from './launch/launch.ts';
import { TlsfHeap } from './tlsf/tlsf.ts';
import { flashGeometry } from './xipfs/geometry.ts';
import { NorFlash } from './xipfs/nor-flash.ts';
import { Xipfs } from './xipfs/xipfs.ts';

/*
 * A fault and its recovery as a simulated system (issue 13, item 7; patent steps S403-S405). The
 * workload's APPs run as before, beside three kernel tasks above them all:
 *   - `mem-manage`: the MemManage handler and the suspension of the faulted APP's tasks, one job at
 *     the fault instant at the top priority (the exception preempts every task, as the handler does);
 *   - `guardian`: the guardian thread, a periodic kernel task that looks at every APP's state flag;
 *   - `guardian-restart`: the guardian's restart of the APP from XIPFS (keepalive.ts `restartApp`),
 *     one job at the first guardian check after the fault.
 * The handler ends with a `suspend-app` step: the core kernel takes each of the faulted APP's tasks
 * off its ready, timer or wait structure and loses the job it had open (kernels/core/kernel.ts
 * `suspendApp`); the restart ends with `resume-app`: each task starts afresh at its first release
 * after the restart, and the jobs released meanwhile are lost (`resumeApp`). The steps' own cycles
 * are the handler's and the restart's priced compute, so the analysis sees them as that compute.
 * One-shot jobs are periodic tasks whose period is the run's horizon, so the analysis sees them too.
 */

/** Names of the kernel tasks a fault scenario adds. */
export const FAULT_TASKS = { handler: 'mem-manage', guardian: 'guardian', restart: 'guardian-restart' } as const;

/** A seeded fault: which APP makes the illegal access, and when (a whole tick, so tick-released jobs see it at that instant). */
export interface FaultInjection {
  readonly faultedApp: string;
  readonly faultUs: number;
}

/** Where faults may fall in a run: from `earliestUs` (inclusive) to `latestUs` (exclusive). */
export interface FaultWindow {
  readonly earliestUs: number;
  readonly latestUs: number;
}

/** Draws a fault from `prng`: a uniformly chosen APP of `workload`, at a uniformly chosen whole tick of `window`. */
export function injectFault(workload: Workload, window: FaultWindow, prng: Prng): FaultInjection {
  const apps = workload.apps ?? [];
  if (apps.length === 0) throw new RangeError(`${workload.name}: apps is empty, so no APP can fault`);
  const tickUs = 1_000_000 / workload.tickHz;
  const firstTick = Math.ceil(window.earliestUs / tickUs);
  const ticks = Math.floor((window.latestUs - 1) / tickUs) - firstTick + 1;
  if (ticks < 1) throw new RangeError(`fault window ${window.earliestUs}-${window.latestUs} us holds no whole tick`);
  const app = apps[prng.intBetween(0, apps.length - 1)];
  return { faultedApp: (app as { name: string }).name, faultUs: (firstTick + prng.intBetween(0, ticks - 1)) * tickUs };
}

/** What a fault costs on a target, before any simulation. */
export interface FaultPrices {
  readonly handlerCycles: Cycles;
  readonly guardianCheckCycles: Cycles;
  readonly restart: RestartCost;
}

/** Where the kernel's RAM heap and the XIPFS region sit in the M4 parts' memory map (SRAM, flash bank 1). */
const KERNEL_RAM_BASE = 0x2000_0000;
const XIP_BASE = 0x0810_0000;

/** The board the scenario restarts on: every APP installed in XIPFS and launched into one kernel heap. */
export interface Board {
  readonly fs: Xipfs;
  readonly kernelRam: TlsfHeap;
  readonly launched: readonly LaunchedApp[];
}

/** Installs and launches every APP of `workload` on `target` (each image seeded by its index), in a kernel heap of `kernelRamBytes`. */
export function bootBoard(workload: Workload, target: Target, kernelRamBytes: number): Board {
  const fs = new Xipfs(new NorFlash(flashGeometry(target)));
  const kernelRam = new TlsfHeap(KERNEL_RAM_BASE, kernelRamBytes, target.pointerBytes);
  const apps = workload.apps ?? [];
  apps.forEach((app, i) => fs.install(app.name, buildAppImage(app.name, app.header, new Prng(i + 1))));
  return { fs, kernelRam, launched: apps.map((app) => launchApp(fs, app.name, kernelRam, target, XIP_BASE)) };
}

/** Restarts `appName` on `board` (its tasks in `workload` deleted and recreated); returns the relaunch and its cost. */
export function restartOnBoard(board: Board, workload: Workload, appName: string, target: Target): ReturnType<typeof restartApp> {
  const app = board.launched.find((a) => a.name === appName);
  if (app === undefined) throw new RangeError(`restart: APP "${appName}" is not launched`);
  const appTasks = workload.tasks.filter((t) => t.app === appName).length;
  return restartApp(board.fs, app, appTasks, board.kernelRam, target, XIP_BASE);
}

/** Prices the fault of `injection.faultedApp`: the handler with its tasks' suspension, one guardian check of every APP, the restart. */
export function faultPrices(workload: Workload, injection: FaultInjection, target: Target, kernelRamBytes: number): FaultPrices {
  const appTasks = workload.tasks.filter((t) => t.app === injection.faultedApp).length;
  const board = bootBoard(workload, target, kernelRamBytes);
  return {
    handlerCycles: faultHandlingCycles(target, appTasks),
    guardianCheckCycles: (workload.apps?.length ?? 0) * price(guardianCheckApp, target).cycles,
    restart: restartOnBoard(board, workload, injection.faultedApp, target).cost,
  };
}

/** The instant the guardian's check that finds the fault is released: its first check at or after the fault (a check released with the handler runs after it). */
export function detectionReleaseUs(faultUs: number, guardianPeriodUs: number): number {
  return Math.ceil(faultUs / guardianPeriodUs) * guardianPeriodUs;
}

/** A fault scenario: the workload to simulate and analyse, and the instants it was built from. */
export interface FaultScenario {
  readonly workload: Workload;
  readonly injection: FaultInjection;
  readonly detectionReleaseUs: number;
  readonly prices: FaultPrices;
}

/**
 * `base` with the fault of `injection` and its recovery as kernel tasks above every APP task
 * (their priorities shifted down by three), over a run of `horizonUs`; the guardian checks every
 * `guardianPeriodUs`. The handler (which suspends the APP) and the restart (which relaunches it) are
 * one job each.
 */
export function faultScenario(base: Workload, injection: FaultInjection, prices: FaultPrices, guardianPeriodUs: number, horizonUs: number): FaultScenario {
  const detectUs = detectionReleaseUs(injection.faultUs, guardianPeriodUs);
  if (detectUs >= horizonUs) throw new RangeError(`faultUs: the guardian would find a fault at ${injection.faultUs} us only at ${detectUs} us, past the run's ${horizonUs} us`);
  const oneShot = (name: string, priority: number, atUs: number, cycles: Cycles, then: Step): TaskSpec => ({ name, priority, trigger: { kind: 'periodic', periodUs: horizonUs, offsetUs: atUs }, body: [{ op: 'compute', cycles }, then] });
  const kernelTasks: TaskSpec[] = [
    oneShot(FAULT_TASKS.handler, 0, injection.faultUs, prices.handlerCycles, { op: 'suspend-app', app: injection.faultedApp }),
    { name: FAULT_TASKS.guardian, priority: 1, trigger: { kind: 'periodic', periodUs: guardianPeriodUs }, body: [{ op: 'compute', cycles: prices.guardianCheckCycles }] },
    oneShot(FAULT_TASKS.restart, 2, detectUs, prices.restart.total, { op: 'resume-app', app: injection.faultedApp }),
  ];
  const shifted = base.tasks.map((t) => ({ ...t, priority: t.priority + kernelTasks.length }));
  const workload: Workload = {
    ...base,
    name: `${base.name}-fault-${injection.faultedApp}`,
    description: `${base.description}; ${injection.faultedApp} faults at ${injection.faultUs} us and the guardian restarts it`,
    tasks: [...kernelTasks, ...shifted],
  };
  return { workload, injection, detectionReleaseUs: detectUs, prices };
}

/** What an APP's store does: lands in its own RAM, or raises MemManage. */
export type StoreOutcome = 'stored' | 'mem-manage';

/**
 * A store of `value` by APP `appName` at `address`, as its MPU regions allow: inside its own RAM
 * zone's .data and .bss it lands there (its stacks and heap are not modelled byte by byte, so a
 * store there changes nothing seen); anywhere else the MPU refuses it and MemManage is raised
 * before the bus writes. The zone stands for its regions: the kernel places zones so that the
 * power-of-two regions (mpu.ts `appMpuLayout`, whose rounding waste is reported) cover nothing else.
 */
export function storeFromApp(board: Board, appName: string, address: number, value: number): StoreOutcome {
  const app = board.launched.find((a) => a.name === appName);
  if (app === undefined) throw new RangeError(`store: APP "${appName}" is not launched`);
  const offset = address - app.ramZone.base;
  if (offset < 0 || offset >= app.ramZone.bytes) return 'mem-manage';
  if (offset < app.dataAndBss.length) app.dataAndBss[offset] = value & 0xff;
  return 'stored';
}
