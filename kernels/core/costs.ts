import type { Target } from '../../hardware/target.ts';
import type { OsProfile } from '../profiles/types.ts';
import { interruptNesting } from '../profiles/nesting.ts';
import { createTimer } from '../timers/index.ts';
import type { KernelCosts } from '../types.ts';
import { KERNEL_PATHS } from './blocks.ts';
import type { CoreDesignSpec } from './design.ts';
import { priceAll } from './pricing.ts';
import { SegmentPlan } from './structures.ts';
import { portPrice } from '../../hardware/block.ts';

/**
 * Worst-case kernel costs of a core-based configuration with `taskCount` tasks, from the same
 * priced blocks the running kernel executes (for the overhead-aware analysis).
 */
export function coreKernelCosts(design: CoreDesignSpec, profile: OsProfile, target: Target, taskCount: number): KernelCosts {
  const ready = design.createReady(target, profile);
  const timer = createTimer(profile.timer, target, []);
  const c = priceAll(KERNEL_PATHS, target);
  const port = (n: Parameters<typeof portPrice>[0]): number => portPrice(n, target).cycles;
  const plan = new SegmentPlan();
  plan.add(c.tickEnter, true);
  timer.idleTickPlan(plan, taskCount);
  if (profile.timeSliceTicks !== undefined) plan.add(c.sliceTick, true);
  plan.add(c.tickExit, false);
  const tickCycles = plan.total();
  const pick = ready.worstPickCycles(taskCount);
  const insert = ready.worstInsertCycles(taskCount);
  const isrEntryCycles = port('irq-entry') + port('context-save') + c.intEnter;
  const isrExitCycles = c.intExitEnter + pick + c.intExitNoSwitch + port('context-restore') + port('irq-exit');
  const switchCycles = c.schedEnter + pick + c.ctxSwGlue + port('context-save') + port('context-restore');
  const releaseCycles = c.eventTaskRdy + insert;
  // A task's delay: its own critical section (unready, sleep), then OS_Sched's (pick, save, restore).
  const sleepCritical = c.timeDlyUntil + c.timeDly + ready.worstRemoveCycles(taskCount) + timer.worstSleepCycles(taskCount) + c.critExit;
  // Where a release re-keys the task (EDF), a delay-until that finds the next release due moves the
  // ready entry in its critical section instead of sleeping (then OS_Sched, as after a sleep).
  const dueCritical = design.keyedByDeadline ? c.timeDlyUntil + ready.worstRemoveCycles(taskCount) + ready.worstInsertCycles(taskCount) : 0;
  const delayCritical = Math.max(sleepCritical, dueCritical);
  // The delay-until that ends every periodic job: the call, then that critical section.
  const jobEndCycles = c.serviceCall + delayCritical;
  const tickIsr = isrEntryCycles + tickCycles + c.intExitEnter + pick + c.intCtxSwGlue + port('context-restore') + port('irq-exit');
  const longest = interruptNesting(profile, target).nested
    ? Math.max(port('irq-entry') + port('context-save') + c.intEnter, plan.longestMasked(), c.intExitEnter + pick + c.intCtxSwGlue + port('context-restore') + port('irq-exit'), delayCritical, switchCycles)
    : Math.max(tickIsr, delayCritical, switchCycles);
  // A mutex service at worst: the call, its body with a priority change (a remove and an insert)
  // and, for a lock that finds the mutex held, the wait-list insert and two switches (away and
  // back); then OS_Sched's pick and return. The unlock also readies and raises the best waiter.
  const priorityChange = c.priorityRaise + ready.worstRemoveCycles(taskCount) + insert;
  const sched = c.schedCall + c.schedEnter + pick + c.schedNoSwitch + c.schedReturn;
  const mutexLockCycles = c.serviceCall + Math.max(c.mutexLockFree + priorityChange, c.mutexLockBusy + priorityChange + ready.worstRemoveCycles(taskCount) + ready.waitInsertCycles(taskCount) + c.pendResume + 2 * switchCycles) + sched;
  const mutexUnlockCycles = c.serviceCall + c.mutexUnlock + priorityChange + c.eventTaskRdy + insert + priorityChange + sched;
  return {
    tickCycles,
    releaseCycles,
    switchCycles,
    jobEndCycles,
    isrEntryCycles,
    isrExitCycles,
    longestCriticalSectionCycles: longest,
    mutexLockCycles: profile.services.mutex ? mutexLockCycles : 0,
    mutexUnlockCycles: profile.services.mutex ? mutexUnlockCycles : 0,
  };
}
