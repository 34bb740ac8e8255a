import { ProbeEvent } from '../hardware/probe.ts';
import { SpanReducer } from '../hardware/reducers.ts';
import type { Target } from '../hardware/target.ts';
import { msToCycles } from '../hardware/units.ts';
import type { Workload } from '../workloads/types.ts';
import { bootSystem, getProfile } from './registry.ts';
import type { OsProfile } from './profiles/types.ts';
import { SwitchSpanReducer } from './switch-span.ts';

/** Shape of the paper's Figs. 1-2 task set (the paper gives neither the period nor the work per task). */
export interface SleepWakeOptions {
  /** Each task's period in ticks (it sleeps until its next release on the tick). */
  readonly periodTicks?: number;
  /** Work per job, in AVR reference cycles. */
  readonly cycles?: number;
  readonly tickHz?: number;
}

/**
 * The paper's Figs. 1-2 workload: `n` tasks that each do a little work and sleep until the next
 * tick, so every tick wakes all of them. Priorities 0..n-1, folded into the profile's range (tasks
 * then share the lowest priorities where the profile has fewer than `n`).
 */
export function sleepWakeWorkload(n: number, profile: Pick<OsProfile, 'priorities'>, options: SleepWakeOptions = {}): Workload {
  const tickHz = options.tickHz ?? 1000;
  const periodUs = ((options.periodTicks ?? 1) * 1e6) / tickHz;
  const cycles = options.cycles ?? 200;
  const source = 'Wang et al. 2010 Figs. 1-2 run 1-8 tasks; period, work and priorities are kbench assumptions (every task wakes on every tick)';
  return {
    name: `paper-sleep-wake-${n}`,
    description: `${n} tasks that compute ${cycles} reference cycles and sleep until the next release, every ${options.periodTicks ?? 1} tick(s)`,
    referenceTarget: 'avr',
    tickHz,
    tasks: Array.from({ length: n }, (_, i) => ({
      name: `task${i}`,
      priority: Math.min(i, profile.priorities - 1),
      trigger: { kind: 'periodic' as const, periodUs },
      body: [{ op: 'compute' as const, cycles }],
      source,
    })),
    sources: [source],
  };
}

/** What Figs. 1-2 plot for one profile, target and task count, in cycles. */
export interface SleepWakeMeasure {
  readonly tasks: number;
  readonly maxIrqOffCycles: number;
  /** Every switch, including those from and to the idle task. */
  readonly switchCycles: SpanStats;
  /** Switches between two application tasks (what the paper's Fig. 2 times from task A to task B). */
  readonly taskToTaskSwitchCycles: SpanStats;
}

/** Summary of a set of spans, in cycles. */
export interface SpanStats {
  readonly min: number;
  readonly mean: number;
  readonly max: number;
  readonly count: number;
}

function stats(r: SwitchSpanReducer): SpanStats {
  return { min: r.stat.min, mean: r.stat.mean, max: r.stat.max, count: r.stat.count };
}

/** Runs the sleep-wake set on `profile` and measures the longest masked span and the switch spans. */
export function measureSleepWake(profile: OsProfile | string, target: Target, n: number, durationMs = 200, seed = 1, options: SleepWakeOptions = {}): SleepWakeMeasure {
  const p = typeof profile === 'string' ? getProfile(profile) : profile;
  const booted = bootSystem({ target, profile: p, seed, workload: sleepWakeWorkload(n, p, options) });
  const off = booted.engine.probe.attach(new SpanReducer(ProbeEvent.MaskOn, ProbeEvent.MaskOff));
  const sw = booted.engine.probe.attach(new SwitchSpanReducer());
  const idle = n;
  const taskToTask = booted.engine.probe.attach(new SwitchSpanReducer(idle));
  booted.run(msToCycles(target, durationMs));
  return {
    tasks: n,
    maxIrqOffCycles: off.stat.max,
    switchCycles: stats(sw),
    taskToTaskSwitchCycles: stats(taskToTask),
  };
}
