import type { KernelOverheads } from '../system/model.ts';
import type { AnalysisTask, InterruptLoad, TaskSetModel } from './model.ts';

/** The overhead record (defined with the system model, which both analysis/ and kernels/ read). */
export type { KernelOverheads };

/*
 * How the costs fold in (the usual inflation of SchedCAT and MAST; Burns, Tindell and Wellings,
 * "Effective analysis for engineering real-time fixed priority schedulers", IEEE TSE 21(5), 1995):
 * - the tick is a strictly periodic interrupt load above every task: entry + tick work + exit;
 * - each job pays two switches (into it, and back to whoever it preempted), charged to its
 *   preemptible part so its final region keeps its length, and at worst the service that ends it
 *   (after its output, so this is exact for the tasks below and safe for its own bound; the best
 *   case leaves it out so the lower bound stays a lower bound);
 * - each task's release is interrupt-level work at the task's own rate (a load named
 *   `release:<task>`): the tick ISR (or the releasing line's ISR) makes every due task ready before
 *   any task runs, so a lower-priority task's release delays a higher-priority one too. Charging the
 *   release to the released job alone missed that, and a simulated uKernel task set exceeded the
 *   corrected bound by it (5 tasks released by one tick, 4 of them less urgent);
 * - each interrupt load pays entry and exit; one that releases a task also pays the release (with
 *   the per-task release load this counts a line-triggered task's release twice: safe, not tight);
 * - a masked kernel section blocks any task once (kernelBlockingCycles).
 * The best case (a lower bound, analysis/best-case.ts) counts none of these costs: each is priced
 * at its worst (the worst pick, a task-level switch with its save, a tick walk with every task
 * delayed), and the paths a job actually meets can be cheaper (the switch into a job the tick
 * released is OSIntExit's, with no save; the switch away from it comes after its end). Charged in
 * the best case they raised the lower bound above real responses: 1502 cycles for a job that ran in
 * 1393 (ucos2 on the AVR, experiments/one-answer.test.ts). Left out, the bound holds and the
 * jitter (WCRT - BCRT) stays an upper bound.
 * Release quantisation by the tick is the system model's (analysis/from-system.ts).
 */

/** Name of the interrupt load of the kernel tick in an overhead-aware model. */
export const KERNEL_TICK_LOAD = 'kernel-tick';

/** Name of the interrupt load of a task's release in an overhead-aware model. */
export function releaseLoadName(task: string): string {
  return `release:${task}`;
}

/** Whether an interrupt load of an overhead-aware model is a task's release (named by `releaseLoadName`). */
export function isReleaseLoad(name: string): boolean {
  return name.startsWith(releaseLoadName(''));
}

/** The model with the kernel's costs folded in. `releasingLines` names the interrupt loads that release a task. */
export function withOverheads(model: TaskSetModel, o: KernelOverheads, releasingLines: ReadonlySet<string> = new Set()): TaskSetModel {
  const worstPerJob = 2 * o.switchCycles + o.jobEndCycles;
  const tasks: AnalysisTask[] = model.tasks.map((t) => ({
    ...t,
    wcetCycles: t.wcetCycles + worstPerJob,
    preemptibleCycles: t.preemptibleCycles + worstPerJob,
  }));
  const wrap = o.isrEntryCycles + o.isrExitCycles;
  const interrupts: InterruptLoad[] = model.interrupts.map((l) => {
    const extra = wrap + (releasingLines.has(l.name) ? o.releaseCycles : 0);
    return { ...l, costCycles: l.costCycles + extra };
  });
  const tickCost = wrap + o.tickCycles;
  interrupts.unshift({ name: KERNEL_TICK_LOAD, periodCycles: o.tickPeriodCycles, costCycles: tickCost, bestCostCycles: 0, releaseJitterCycles: 0, strictlyPeriodic: true });
  for (const t of tasks) interrupts.push({ name: releaseLoadName(t.name), periodCycles: t.periodCycles, costCycles: o.releaseCycles, bestCostCycles: 0, releaseJitterCycles: t.releaseJitterCycles, strictlyPeriodic: t.strictlyPeriodic });
  return { ...model, tasks, interrupts, kernelBlockingCycles: Math.max(model.kernelBlockingCycles, o.longestCriticalSectionCycles) };
}
