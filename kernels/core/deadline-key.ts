import { deadlineUs } from '../../workloads/execution.ts';
import type { TaskSpec, Workload } from '../../workloads/types.ts';

/*
 * How a deadline-keyed kernel reads a task's relative deadline. Under tick releases it keys a job by
 * its release tick plus the deadline in whole ticks, rounded up: a 2.4 ms deadline at 1 kHz is keyed
 * as 3 ticks and ties with a 3 ms one (FIFO then decides). The kernel's boot and the system model
 * both read it here, so the analysis orders jobs by the keys the kernel compares. The deadline is
 * the one the schema and the analysis read (workloads/execution.ts `deadlineUs`): a line-released
 * task's is its line's spacing. Read apart, such a task once had none here, so an EDF kernel ran
 * it after every other while the analysis keyed it by that spacing.
 */

/** Sentinel key of a task without a deadline: after every other. */
const NO_DEADLINE_TICKS = 0x7fffffff;

/** A relative deadline in whole ticks, rounded up (at least one): the EDF key offset under tick releases. */
export function deadlineKeyTicks(t: TaskSpec, w: Pick<Workload, 'ioLines' | 'tickHz'>): number {
  const d = deadlineUs(t, w);
  return d === undefined ? NO_DEADLINE_TICKS : Math.max(1, Math.ceil((d * w.tickHz) / 1e6));
}

/** The relative deadline each task of `w` is keyed by under tick releases, in us (workload order); undefined where it has none. */
export function tickDeadlineKeysUs(w: Workload): (number | undefined)[] {
  return w.tasks.map((t) => (deadlineUs(t, w) === undefined ? undefined : (deadlineKeyTicks(t, w) * 1e6) / w.tickHz));
}
