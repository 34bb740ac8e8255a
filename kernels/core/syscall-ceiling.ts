import type { Target } from '../../hardware/target.ts';
import type { Workload } from '../../workloads/types.ts';
import type { OsProfile } from '../profiles/types.ts';
import type { ReleaseMode } from '../types.ts';

/** Priority of the release lines the core registers (sporadic releases and the exact release timer). */
const RELEASE_LINE_PRIORITY = 0;

/**
 * The mask ceiling a BASEPRI kernel runs with on `target`, or undefined when its critical sections
 * mask every interrupt (the profile or the core lacks priority masking). FreeRTOS requires every
 * ISR that calls the kernel to sit at or below configMAX_SYSCALL_INTERRUPT_PRIORITY (FreeRTOS.org,
 * "Running the RTOS on an ARM Cortex-M core"); the tightest setting is the most urgent such line:
 * the tick, each I/O line some task waits on, and the core's release lines.
 */
export function syscallCeiling(profile: OsProfile, target: Target, w: Workload, tickPriority: number, releases: ReleaseMode): number | undefined {
  if (profile.basePriorityMasking !== true || target.hasBasePriority !== true) return undefined;
  let ceiling = tickPriority;
  for (const t of w.tasks) {
    const trig = t.trigger;
    if (trig.kind === 'sporadic' || (trig.kind === 'periodic' && releases === 'exact')) ceiling = Math.min(ceiling, RELEASE_LINE_PRIORITY);
    if (trig.kind === 'io') {
      const line = (w.ioLines ?? []).find((l) => l.name === trig.line);
      if (line !== undefined) ceiling = Math.min(ceiling, line.priority);
    }
  }
  return ceiling;
}
