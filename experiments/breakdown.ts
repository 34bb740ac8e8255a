import { analyzeModel } from '../analysis/analyze.ts';
import { modelFromWorkload } from '../analysis/from-workload.ts';
import { ProbeEvent, type ProbeEventType, type ProbeListener } from '../hardware/probe.ts';
import { getTarget } from '../hardware/targets/index.ts';
import { msToCycles } from '../hardware/units.ts';
import { bootSystem, createEngine, getProfile, PROFILES } from '../kernels/registry.ts';
import type { OsProfile } from '../kernels/profiles/types.ts';
import { deadlineUs } from '../workloads/execution.ts';
import { loadWorkload } from '../workloads/load.ts';
import type { Step, Workload } from '../workloads/types.ts';
import { defineExperiment, type Row } from './contract.ts';
import { fitPriorities } from './io-sim.ts';
import { kernelModel } from './kernel-model.ts';
import type { BreakdownRow } from './paper-rows.ts';
import { grid } from './unit-helpers.ts';

/*
 * Breakdown utilisation of the meter workload per kernel: every task's execution scaled by one
 * factor, the largest factor at which the meter stays schedulable found by bisection, and the
 * task utilisation at that factor. Fixed-priority kernels are judged by the corrected,
 * overhead-aware FP analysis of the kernel's model (kernel-model.ts); MOS, whose limited preemption
 * by execution levels the analysis does not model, by simulation: no deadline miss over a horizon.
 */

const TARGETS = ['avr', 'm4'] as const;

/** MOS's simulated horizon: past the meter's longest deadline (5 s) with every task released at 0. */
export const MOS_HORIZON_MS = 6000;

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
 * The workload's densest arrivals: every sporadic task and interrupt line at exactly its minimum
 * inter-arrival (no seeded extra), so that a simulation meets the load the analysis assumes.
 */
export function densest(workload: Workload): Workload {
  return {
    ...workload,
    tasks: workload.tasks.map((t) => (t.trigger.kind === 'sporadic' ? { ...t, trigger: { kind: 'sporadic', minInterArrivalUs: t.trigger.minInterArrivalUs, maxExtraUs: 0 } } : t)),
    ...(workload.ioLines === undefined
      ? {}
      : { ioLines: workload.ioLines.map((l) => (l.arrival.kind === 'sporadic' ? { ...l, arrival: { kind: 'sporadic', minInterArrivalUs: l.arrival.minInterArrivalUs, maxExtraUs: 0 } } : l)) }),
  };
}

/** Whether the corrected, overhead-aware FP analysis of the kernel's model meets every deadline. */
function analysedSchedulable(profile: OsProfile, target: string, workload: Workload): boolean {
  const model = kernelModel(profile, target, workload);
  return analyzeModel(model, 'fp', 'corrected').every((b, i) => b.wcrtCycles <= (model.tasks[i]?.deadlineCycles ?? -1));
}

/** Counts deadline misses: those the kernel reports at job end, and jobs still open past their deadline at the end. */
class MissCounter implements ProbeListener {
  misses = 0;
  readonly open: number[] = [];
  onEvent(type: ProbeEventType, time: number, subject: number): void {
    if (type === ProbeEvent.DeadlineMiss) this.misses++;
    else if (type === ProbeEvent.JobRelease) {
      if (Number.isNaN(this.open[subject] ?? NaN)) this.open[subject] = time;
    } else if (type === ProbeEvent.JobEnd) this.open[subject] = NaN;
  }
}

/** Whether a simulated run of `workload` on the kernel over MOS_HORIZON_MS misses no deadline. */
function simulatedSchedulable(profile: OsProfile, targetId: string, workload: Workload): boolean {
  const target = getTarget(targetId);
  const engine = createEngine(profile, target, 1);
  const counter = engine.probe.attach(new MissCounter());
  const system = bootSystem({ engine, workload, profile });
  system.run(msToCycles(target, MOS_HORIZON_MS));
  const late = workload.tasks.some((t, i) => {
    const since = counter.open[i] ?? NaN;
    return !Number.isNaN(since) && engine.now - since > msToCycles(target, (deadlineUs(t, workload) ?? Infinity) / 1000);
  });
  return counter.misses === 0 && !late;
}

/** The largest factor in (0, 2^20] at which `ok` holds, by doubling then bisection (0 when even a tiny factor fails). */
export function largestFactor(ok: (factor: number) => boolean): number {
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
  while (hi - lo > PRECISION * lo) {
    const mid = (lo + hi) / 2;
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** The breakdown factor and utilisation of the meter on one kernel and target. */
export function breakdownOf(profileId: string, target: string): { factor: number; utilisation: number } {
  const profile = getProfile(profileId);
  const meter = loadWorkload('meter');
  const simulated = profile.design === 'mos';
  const base = simulated ? densest(withoutLocks(meter)) : fitPriorities(meter, profile);
  const ok = simulated ? (f: number) => simulatedSchedulable(profile, target, scaleExecution(base, f)) : (f: number) => analysedSchedulable(profile, target, scaleExecution(base, f));
  const factor = largestFactor(ok);
  return { factor, utilisation: taskUtilisation(scaleExecution(base, factor), target) };
}

/** The breakdown experiment: one unit per target x profile. */
export const breakdown = defineExperiment<BreakdownUnit, BreakdownRow>({
  id: 'breakdown',
  title: 'Breakdown utilisation of the meter workload per kernel, kernel overhead included',
  description: `The meter workload (11 tasks, 2 interrupt lines) with every task's compute cycles scaled by one factor; bisection (to ${PRECISION * 100}% of the factor) finds the largest factor at which it stays schedulable, and the row gives the task utilisation sum C_i/T_i of the scaled set on the target at that factor (kernel overhead and ISR work excluded from the figure, but included in the test). Fixed-priority kernels: the corrected, overhead-aware FP response-time analysis of the kernel's model (tick, release, switch, ISR entry/exit and the longest masked kernel section priced from the profile's blocks; priorities folded into the kernel's levels with time-slice sharing on the lowest; uKernel non-preemptive). iDCX and uKernel hold at most 8 tasks: their rows price and analyse the kernel as if its task table were extended to the meter's 11. MOS (limited preemption by execution levels, which the analysis does not model): simulation of the kernel over ${MOS_HORIZON_MS} ms with every periodic task released at 0 and every sporadic task and interrupt line at its minimum inter-arrival, schedulable when no job misses its deadline; its meter drops lock/unlock (MOS has no mutexes; tasks of one level never preempt each other).`,
  columns: ['target', 'profile', 'utilisation'],
  settings: () => ({ seeds: [1], targets: [...TARGETS], durationMs: MOS_HORIZON_MS, precision: PRECISION }),
  units: () => grid({ target: TARGETS, profile: PROFILES.map((p) => p.id) }),
  runUnit: ({ target, profile }) => ({ target, profile, utilisation: Math.round(breakdownOf(profile, target).utilisation * 1e4) / 1e4 }),
  reduce: (results): Row[] => [...results],
});
