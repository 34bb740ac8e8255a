import type { Workload } from '../workloads/types.ts';
import type { OsProfile } from './profiles/types.ts';

/**
 * Shape of the paper's Figs. 1-2 task set (the paper gives neither the period nor the work per
 * task): each task's period in ticks (it sleeps until its next release on the tick), its work per
 * job in AVR reference cycles, and the tick rate.
 */
const SHAPE = { periodTicks: 1, cycles: 200, tickHz: 1000 } as const;

/**
 * The paper's Figs. 1-2 workload: `n` tasks that each do a little work and sleep until the next
 * tick, so every tick wakes all of them. Priorities 0..n-1, folded into the profile's range (tasks
 * then share the lowest priorities where the profile has fewer than `n`).
 */
export function sleepWakeWorkload(n: number, profile: Pick<OsProfile, 'priorities'>): Workload {
  const { periodTicks, cycles, tickHz } = SHAPE;
  const periodUs = (periodTicks * 1e6) / tickHz;
  const source = 'Wang et al. 2010 Figs. 1-2 run 1-8 tasks; period, work and priorities are kbench assumptions (every task wakes on every tick)';
  return {
    name: `paper-sleep-wake-${n}`,
    description: `${n} tasks that compute ${cycles} reference cycles and sleep until the next release, every ${periodTicks} tick(s)`,
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
