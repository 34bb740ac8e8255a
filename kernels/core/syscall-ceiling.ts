import type { Target } from '../../hardware/target.ts';
import type { Workload } from '../../workloads/types.ts';
import type { OsProfile } from '../profiles/types.ts';
import type { ReleaseMode } from '../types.ts';

/** Priority of the release lines the core registers (sporadic releases and the exact release timer). */
const RELEASE_LINE_PRIORITY = 0;

/** True when `profile`'s critical sections mask by priority on `target` (BASEPRI), not all at once. */
function masksByPriority(profile: OsProfile, target: Target): boolean {
  return profile.basePriorityMasking === true && target.hasBasePriority === true;
}

/**
 * The tick's interrupt priority: the one asked for, else the most urgent (0), except on a kernel
 * that masks by priority, whose port runs the tick at the lowest priority (FreeRTOS port.c gives
 * SysTick and PendSV configKERNEL_INTERRUPT_PRIORITY, the lowest): below every I/O line.
 */
export function tickPriorityOf(profile: OsProfile, target: Target, w: Workload, requested: number | undefined): number {
  if (requested !== undefined) return requested;
  if (!masksByPriority(profile, target)) return 0;
  return 1 + Math.max(RELEASE_LINE_PRIORITY, ...(w.ioLines ?? []).map((l) => l.priority));
}

/**
 * The mask ceiling a BASEPRI kernel runs with on `target`, or undefined when its critical sections
 * mask every interrupt (the profile or the core lacks priority masking). FreeRTOS requires every
 * ISR that calls the kernel to sit at or below configMAX_SYSCALL_INTERRUPT_PRIORITY (FreeRTOS.org,
 * "Running the RTOS on an ARM Cortex-M core"); the tightest setting is the most urgent such line:
 * the tick, each I/O line some task is released by or waits on (io-in), and the core's release lines.
 */
export function syscallCeiling(profile: OsProfile, target: Target, w: Workload, tickPriority: number, releases: ReleaseMode): number | undefined {
  if (!masksByPriority(profile, target)) return undefined;
  let ceiling = tickPriority;
  for (const t of w.tasks) {
    const trig = t.trigger;
    if (trig.kind === 'sporadic' || (trig.kind === 'periodic' && releases === 'exact')) ceiling = Math.min(ceiling, RELEASE_LINE_PRIORITY);
    if (trig.kind === 'io') ceiling = Math.min(ceiling, linePriority(w, trig.line));
    // An io-in step pends on a semaphore its line's ISR posts: that ISR calls the kernel too.
    for (const step of t.body) if (step.op === 'io-in') ceiling = Math.min(ceiling, linePriority(w, step.line));
  }
  return ceiling;
}

/** The priority of I/O line `name`, or Infinity when the workload declares none (the boot names that error). */
function linePriority(w: Workload, name: string): number {
  return (w.ioLines ?? []).find((l) => l.name === name)?.priority ?? Infinity;
}
