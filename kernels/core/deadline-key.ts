import type { TaskSpec, Workload } from '../../workloads/types.ts';

/*
 * How a deadline-keyed kernel reads a task's relative deadline. Under tick releases it keys a job by
 * its release tick plus the deadline in whole ticks, rounded up: a 2.4 ms deadline at 1 kHz is keyed
 * as 3 ticks and ties with a 3 ms one (FIFO then decides). The kernel's boot and the system model
 * both read it here, so the analysis orders jobs by the keys the kernel compares.
 */

/** Sentinel key of a task without a deadline: after every other. */
const NO_DEADLINE_TICKS = 0x7fffffff;

/** The task's relative deadline in us: its own, else its period or minimum inter-arrival; undefined for an I/O task without one. */
export function relativeDeadlineUs(t: TaskSpec): number | undefined {
  if (t.deadlineUs !== undefined) return t.deadlineUs;
  if (t.trigger.kind === 'periodic') return t.trigger.periodUs;
  if (t.trigger.kind === 'sporadic') return t.trigger.minInterArrivalUs;
  return undefined;
}

/** A relative deadline in whole ticks, rounded up (at least one): the EDF key offset under tick releases. */
export function deadlineKeyTicks(t: TaskSpec, tickHz: number): number {
  const d = relativeDeadlineUs(t);
  return d === undefined ? NO_DEADLINE_TICKS : Math.max(1, Math.ceil((d * tickHz) / 1e6));
}

/** The relative deadline each task of `w` is keyed by under tick releases, in us (workload order); undefined where it has none. */
export function tickDeadlineKeysUs(w: Workload): (number | undefined)[] {
  return w.tasks.map((t) => (relativeDeadlineUs(t) === undefined ? undefined : (deadlineKeyTicks(t, w.tickHz) * 1e6) / w.tickHz));
}
