import { defaultReleases, type Target } from '../hardware/target.ts';
import { getTarget } from '../hardware/targets/index.ts';
import { usToCycles } from '../hardware/units.ts';
import { workloadErrorOf, type RuleIssue } from './errors.ts';
import { worstCycles } from './execution.ts';
import { scaleCycles } from './scaling.ts';
import type { Workload } from './types.ts';

/*
 * The rules a workload meets on one target: the ones that depend on the target's clock and core.
 * Kernels and the analysis both convert microseconds to cycles (rounded to the nearest cycle) and
 * scale execution to the target's core; both rely on every converted quantity being a whole number
 * a double holds exactly (at most 2^53 - 1). Past that, sums and comparisons go silently wrong (a
 * period of 1e303 us once gave a WCRT below the BCRT), so such a workload is refused, naming the field.
 *
 * The tick need not be a whole number of cycles: tick k fires at cycle floor(k * clockHz / tickHz),
 * so a 1 kHz tick on a 7.3728 MHz clock alternates 7372 and 7373 cycles and never drifts.
 */

/** The largest integer a double holds exactly, as a reader writes it. */
const LARGEST_EXACT = 'the largest exact integer (2^53 - 1)';

/** A count for a message: whole counts in full, others to six significant digits (`8e+303`). */
function count(x: number): string {
  if (!Number.isFinite(x)) return 'more than 1.8e+308';
  return Number.isInteger(x) && Math.abs(x) < 1e21 ? String(x) : String(Number(x.toPrecision(6)));
}

type Path = (string | number)[];

/** Checks one duration in us: at least one cycle (or exactly 0 where `zeroAllowed`) and a safe integer of cycles. */
function durationIssue(path: Path, us: number, target: Target, zeroAllowed: boolean): RuleIssue | undefined {
  if (zeroAllowed && us === 0) return undefined;
  // Cycles per us first, so the figure in the message survives where us * clockHz would overflow.
  const exact = us * (target.clockHz / 1e6);
  if (exact < 1) return { path, message: `${us} us is ${count(exact)} cycles on ${target.id}, below one cycle (${count(1e6 / target.clockHz)} us at ${target.clockHz} Hz)` };
  if (!Number.isSafeInteger(usToCycles(target, us))) return { path, message: `${us} us is ${count(exact)} cycles on ${target.id}, above ${LARGEST_EXACT}` };
  return undefined;
}

/** Checks reference cycles scaled to the target: a safe integer there. */
function scaledIssue(path: Path, cycles: number, workload: Workload, target: Target, what: string): RuleIssue | undefined {
  const scaled = scaleCycles(cycles, workload.referenceTarget, target);
  if (Number.isSafeInteger(scaled)) return undefined;
  const on = workload.referenceTarget === target.id ? '' : ` on ${workload.referenceTarget}, ${count(scaled)} cycles on ${target.id}`;
  return { path, message: `${what} ${count(cycles)} cycles${on}, above ${LARGEST_EXACT}` };
}

function tickIssues(workload: Workload, target: Target): RuleIssue[] {
  const { tickHz } = workload;
  if (!(tickHz > 0)) return [{ path: ['tickHz'], message: `must be > 0 Hz, got ${tickHz}` }];
  if (tickHz > target.clockHz) return [{ path: ['tickHz'], message: `${tickHz} Hz is above the ${target.id} clock of ${target.clockHz} Hz: a tick must last at least one cycle` }];
  const tickCycles = target.clockHz / tickHz;
  if (tickCycles > Number.MAX_SAFE_INTEGER) return [{ path: ['tickHz'], message: `${tickHz} Hz makes one tick ${count(tickCycles)} cycles on ${target.id}, above ${LARGEST_EXACT}` }];
  return [];
}

/** Periodic tasks are released by the tick (a delay-until on it), so a period shorter than one tick cannot be honoured. */
function periodTickIssue(path: Path, periodUs: number, tickHz: number): RuleIssue | undefined {
  const ticks = (periodUs * tickHz) / 1e6;
  // The tolerance absorbs decimal periods such as 333.333 us on a 3 kHz tick.
  if (ticks >= 1 - 1e-9) return undefined;
  return { path, message: `${periodUs} us is shorter than one tick (${count(1e6 / tickHz)} us at tickHz ${tickHz}): the tick releases periodic tasks` };
}

/** How periodic jobs are released: by the tick, or exactly by a timer (the default on a zero-cost target). */
export interface TargetFitOptions {
  readonly releases?: 'tick' | 'exact';
}

/** Every rule `workload` breaks on `target` (empty when it fits), each with the workload's own field path. */
export function workloadTargetIssues(workload: Workload, target: Target, options: TargetFitOptions = {}): RuleIssue[] {
  // Exact releases come from a timer, not the tick: a period shorter than a tick is then honoured.
  const tickReleases = (options.releases ?? defaultReleases(target)) === 'tick';
  const issues: (RuleIssue | undefined)[] = [...tickIssues(workload, target)];
  const tickOk = issues.length === 0;
  let scalable = true;
  try {
    getTarget(workload.referenceTarget);
  } catch (e) {
    issues.push({ path: ['referenceTarget'], message: (e as Error).message });
    scalable = false;
  }
  const duration = (path: Path, us: number | undefined, zeroAllowed = false): void => {
    if (us !== undefined) issues.push(durationIssue(path, us, target, zeroAllowed));
  };
  workload.tasks.forEach((task, t) => {
    const trigger = task.trigger;
    if (trigger.kind === 'periodic') {
      duration(['tasks', t, 'trigger', 'periodUs'], trigger.periodUs);
      duration(['tasks', t, 'trigger', 'offsetUs'], trigger.offsetUs, true);
      if (tickOk && tickReleases) issues.push(periodTickIssue(['tasks', t, 'trigger', 'periodUs'], trigger.periodUs, workload.tickHz));
    } else if (trigger.kind === 'sporadic') {
      duration(['tasks', t, 'trigger', 'minInterArrivalUs'], trigger.minInterArrivalUs);
      duration(['tasks', t, 'trigger', 'maxExtraUs'], trigger.maxExtraUs, true);
    }
    duration(['tasks', t, 'deadlineUs'], task.deadlineUs);
    if (!scalable) return;
    task.body.forEach((step, s) => {
      if (step.op !== 'compute') return;
      issues.push(scaledIssue(['tasks', t, 'body', s, 'cycles'], step.cycles, workload, target, 'worst case'));
      if (step.bestCycles !== undefined) issues.push(scaledIssue(['tasks', t, 'body', s, 'bestCycles'], step.bestCycles, workload, target, 'best case'));
    });
    issues.push(scaledIssue(['tasks', t, 'body'], worstCycles(task), workload, target, "the job's compute steps total"));
    if (task.preemptibleCycles !== undefined) issues.push(scaledIssue(['tasks', t, 'preemptibleCycles'], task.preemptibleCycles, workload, target, 'threshold'));
  });
  (workload.ioLines ?? []).forEach((line, l) => {
    const a = line.arrival;
    const at = (field: string): Path => ['ioLines', l, 'arrival', field];
    if (a.kind === 'periodic') {
      duration(at('periodUs'), a.periodUs);
      duration(at('offsetUs'), a.offsetUs, true);
    } else if (a.kind === 'sporadic') {
      duration(at('minInterArrivalUs'), a.minInterArrivalUs);
      duration(at('maxExtraUs'), a.maxExtraUs, true);
    } else {
      duration(at('meanInterArrivalUs'), a.meanInterArrivalUs);
    }
    if (scalable) issues.push(scaledIssue(['ioLines', l, 'isrCycles'], line.isrCycles, workload, target, 'ISR work'));
  });
  return issues.filter((issue): issue is RuleIssue => issue !== undefined);
}

/**
 * Throws a `WorkloadError` listing, with the workload's own field paths, every rule `workload` breaks
 * on `target`: tick rate within the clock, durations at least one cycle and exact in cycles, periods
 * at least one tick where the tick releases them, scaled execution exact in cycles. Kernels and the
 * analysis call it before use.
 */
export function checkWorkloadOnTarget(workload: Workload, target: Target, options: TargetFitOptions = {}): void {
  const issues = workloadTargetIssues(workload, target, options);
  if (issues.length > 0) throw workloadErrorOf(`${workload.name} on ${target.id}`, issues);
}
