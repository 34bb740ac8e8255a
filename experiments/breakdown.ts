import { analyzeWorkload } from '../analysis/analyze.ts';
import { modelFromWorkload } from '../analysis/from-workload.ts';
import { getTarget, studiedTargets } from '../hardware/targets/index.ts';
import { comparedProfiles, getProfile, portedUnits, unportedPairs } from '../kernels/registry.ts';
import type { OsProfile } from '../kernels/profiles/types.ts';
import { systemModel } from '../kernels/system-model.ts';
import { loadWorkload } from '../workloads/load.ts';
import type { Step, Workload } from '../workloads/types.ts';
import { defineExperiment, type Row } from './contract.ts';
import { fitPriorities } from './io-sim.ts';
import type { BreakdownRow } from './paper-rows.ts';
import { grid } from './unit-helpers.ts';

/*
 * Breakdown utilisation of the meter workload per kernel: every task's execution scaled by one
 * factor, the largest factor at which the meter stays schedulable found by bisection, and the
 * task utilisation at that factor, judged by the corrected, overhead-aware analysis of the system
 * each kernel runs (kernels/system-model.ts; MOS's execution levels are preemption thresholds).
 */

/** Bisection stops when the factor interval is this fraction of its lower end. */
const PRECISION = 1e-3;

interface BreakdownUnit {
  readonly target: string;
  readonly profile: string;
}

/** The meter with every compute step's worst and best cycles scaled by `factor` (interrupt work unscaled). */
export function scaleExecution(workload: Workload, factor: number): Workload {
  const scaleStep = (s: Step): Step =>
    s.op === 'compute' ? { ...s, cycles: Math.max(1, Math.round(s.cycles * factor)), ...(s.bestCycles === undefined ? {} : { bestCycles: Math.max(1, Math.round(s.bestCycles * factor)) }) } : s;
  return { ...workload, tasks: workload.tasks.map((t) => ({ ...t, body: t.body.map(scaleStep) })) };
}

/** Sum of C_i / T_i over the tasks on the target (execution scaled to it; kernel and ISR work excluded). */
export function taskUtilisation(workload: Workload, targetId: string): number {
  return modelFromWorkload(workload, getTarget(targetId)).model.tasks.reduce((u, t) => u + t.wcetCycles / t.periodCycles, 0);
}

/**
 * The meter as MOS can run it: MOS has no mutexes (tasks of one level never preempt each other),
 * so lock and unlock are dropped and the critical section's work stays as plain computation.
 */
export function withoutLocks(workload: Workload): Workload {
  const { resources, ...rest } = workload;
  const kept = resources === undefined ? undefined : { ...resources, mutexes: [] };
  return { ...rest, ...(kept === undefined ? {} : { resources: kept }), tasks: workload.tasks.map((t) => ({ ...t, body: t.body.filter((s) => s.op !== 'lock' && s.op !== 'unlock') })) };
}

/**
 * `profile` with its task table (and, where tasks cannot share a priority, its priority table)
 * extended to `tasks`: iDCX and uKernel hold 8 tasks, the meter has 11.
 */
export function widenedFor(profile: OsProfile, tasks: number): OsProfile {
  return { ...profile, maxTasks: Math.max(profile.maxTasks, tasks), priorities: profile.samePriority ? profile.priorities : Math.max(profile.priorities, tasks) };
}

/** `workload` with each mutex whose protocol `profile` does not offer switched to the profile's own (the meter names the ceiling protocol). */
export function withProfileProtocols(workload: Workload, profile: OsProfile): Workload {
  const mutexes = workload.resources?.mutexes;
  if (mutexes === undefined) return workload;
  const fitted = mutexes.map((m) => (m.protocol === undefined || profile.inversion.includes(m.protocol) ? m : { name: m.name }));
  return { ...workload, resources: { ...workload.resources, mutexes: fitted } };
}

/** Whether the corrected, overhead-aware analysis of the system the kernel runs meets every deadline. */
function analysedSchedulable(profile: OsProfile, targetId: string, workload: Workload): boolean {
  const target = getTarget(targetId);
  return analyzeWorkload(workload, { target, system: systemModel(profile, target, workload), explain: false }).schedulable;
}

/** The largest factor in (0, 2^20] at which `ok` holds, by doubling then bisection to `precision` (0 when even a tiny factor fails). */
export function largestFactor(ok: (factor: number) => boolean, precision = PRECISION): number {
  let lo = 0;
  let hi = 1;
  while (ok(hi)) {
    lo = hi;
    hi *= 2;
    if (hi > 2 ** 20) return lo;
  }
  if (lo === 0) {
    // Even the workload as given fails: search downwards.
    while (hi > 1e-6 && !ok(hi)) hi /= 2;
    if (hi <= 1e-6) return 0;
    lo = hi;
    hi *= 2;
  }
  while (hi - lo > precision * lo) {
    const mid = (lo + hi) / 2;
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** The breakdown factor and utilisation of the meter on one kernel and target. */
export function breakdownOf(profileId: string, target: string): { factor: number; utilisation: number } {
  const meter = loadWorkload('meter');
  const profile = widenedFor(getProfile(profileId), meter.tasks.length);
  const base = profile.services.mutex ? withProfileProtocols(fitPriorities(meter, profile), profile) : withoutLocks(meter);
  const factor = largestFactor((f) => analysedSchedulable(profile, target, scaleExecution(base, f)));
  return { factor, utilisation: taskUtilisation(scaleExecution(base, factor), target) };
}

/** The breakdown experiment: one unit per target x profile. */
export const breakdown = defineExperiment<BreakdownUnit, BreakdownRow>({
  id: 'breakdown',
  title: 'Breakdown utilisation of the meter workload per kernel, kernel overhead included',
  description: `The meter workload (11 tasks, 2 interrupt lines) with every task's compute cycles scaled by one factor; bisection (to ${PRECISION * 100}% of the factor) finds the largest factor at which it stays schedulable, and the row gives the task utilisation sum C_i/T_i of the scaled set on the target at that factor (kernel overhead and ISR work excluded from the figure, but included in the test). Every kernel is judged by the corrected, overhead-aware response-time analysis of the system it runs (kernels/system-model.ts: tick, release, switch, ISR entry/exit and the longest masked kernel section priced from the profile's blocks; priorities folded into the kernel's levels with time-slice sharing on the lowest; uKernel non-preemptive; MOS's execution levels as preemption thresholds: a task is preempted only by a higher level). iDCX and uKernel hold at most 8 tasks: their rows price and analyse the kernel as if its task table (and uKernel's priority table, whose tasks cannot share a level) were extended to the meter's 11. Where a kernel does not offer the meter's ceiling protocol its mutex uses the kernel's own (priority inheritance on WORIX and iDCX). MOS's meter drops lock/unlock (MOS has no mutexes; tasks of one level never preempt each other).`,
  columns: ['target', 'profile', 'utilisation'],
  settings: () => ({ seeds: [1], targets: studiedTargets().map((t) => t.id), durationMs: null, precision: PRECISION, notRun: unportedPairs(studiedTargets().map((t) => t.id), comparedProfiles().map((p) => p.id)) }),
  units: () => portedUnits(grid({ target: studiedTargets().map((t) => t.id), profile: comparedProfiles().map((p) => p.id) })),
  runUnit: ({ target, profile }) => ({ target, profile, utilisation: Math.round(breakdownOf(profile, target).utilisation * 1e4) / 1e4 }),
  reduce: (results): Row[] => [...results],
});
