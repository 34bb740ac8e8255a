import { block, price, sequenceListing } from '../hardware/block.ts';
import type { Target } from '../hardware/target.ts';
import { usToCycles, type Cycles } from '../hardware/units.ts';
import { taskCreate, taskDelete, taskSuspendResume } from '../kernels/core/blocks.ts';
import { launchApp, type LaunchedApp } from './launch/launch.ts';
import { mpuOf } from './mpu.ts';
import { pathCycles } from './tlsf/cost.ts';
import type { TlsfHeap } from './tlsf/tlsf.ts';
import type { Xipfs } from './xipfs/xipfs.ts';

/*
 * Keep-alive (the multi-APP patent's steps S403-S405): an APP's illegal access raises MemManage; the
 * handler logs it and flags the APP, whose tasks the kernel suspends. A guardian kernel thread,
 * checking every `checkPeriodUs`, finds the APP stopped and restarts it from XIPFS: delete its tasks,
 * give its RAM zone back to the kernel's heap, launch it again, and recreate its other tasks. Priced
 * here from the target's handler sequence and the kernel's and loader's blocks; the fault study
 * (simulation of the other APPs meanwhile) builds on these prices.
 */

/** The guardian looking at one APP's state: load the flag, compare, next APP. */
export const guardianCheckApp = block('guardian-check-app', ['load8.idx', 'cmpbr8.fall', 'aluPtr', 'cmpbrPtr.taken'], 'for (app in apps) if (app->state == APP_FAULTED) restart(app); loop');

/** Cycles from the illegal access to the APP's tasks suspended: the MemManage handler, then one suspend per task. */
export function faultHandlingCycles(target: Target, appTasks: number): Cycles {
  return sequenceListing('mem-manage', mpuOf(target).faultHandler, target).cycles + appTasks * price(taskSuspendResume, target).cycles;
}

/** The longest wait for the guardian after the fault is handled: one whole check period (it may have just looked). */
export function detectionCyclesMax(target: Target, checkPeriodUs: number): Cycles {
  return usToCycles(target, checkPeriodUs);
}

/** The phases of a restart, in cycles. */
export interface RestartCost {
  readonly deleteTasks: Cycles;
  readonly freeRamZone: Cycles;
  readonly launch: Cycles;
  readonly createTasks: Cycles;
  readonly total: Cycles;
}

/**
 * Restarts a faulted APP (step S405): deletes its `appTasks` tasks, frees its RAM zone into
 * `kernelRam`, launches it again from `fs` and recreates its tasks beyond the main thread. Returns
 * the new launch and what the restart cost. Other APPs' zones and heaps are not touched.
 */
export function restartApp(fs: Xipfs, app: LaunchedApp, appTasks: number, kernelRam: TlsfHeap, target: Target, xipBase: number): { readonly relaunched: LaunchedApp; readonly cost: RestartCost } {
  const deleteTasks = appTasks * price(taskDelete, target).cycles;
  const freeRamZone = pathCycles(kernelRam.free(app.ramZone.base).path, target);
  const relaunched = launchApp(fs, app.name, kernelRam, target, xipBase);
  const createTasks = Math.max(0, appTasks - 1) * price(taskCreate, target).cycles;
  const cost = { deleteTasks, freeRamZone, launch: relaunched.totalCycles, createTasks, total: deleteTasks + freeRamZone + relaunched.totalCycles + createTasks };
  return { relaunched, cost };
}
