import { Prng } from '../../hardware/prng.ts';
import type { Workload } from '../types.ts';
import { randomTaskSet } from './uunifast.ts';

/*
 * The task sets of the five-OS paper's measurements (Wang et al., JSEA 2010, sections 4-5), as the
 * named workloads `paper-tasks-<n>` and `paper-payload-<payload>[-s<seed>]`. The figures run
 * exactly these sets (fitted to each kernel's priority range by workloads/fit-priorities.ts): Figs.
 * 1-2 and the task-count sweep build theirs with `paperTaskCountWorkload`, Figs. 3-4 and the
 * bounds study with `paperPayloadWorkload`. The paper names only the shape: 1 to 8 running tasks,
 * and 7 tasks at payload 0.1 to 0.8; everything else below is inferred and says so.
 */

const PAPER = 'Wang, Zhao, Li, Li, Li, JSEA 3:81-90, 2010';
/** Assumed tick rate: uC/OS-II's common OS_TICKS_PER_SEC on the ATmega128 ports; the paper does not say. */
const TICK_HZ = 1000;

/** The paper's task counts (Figs. 1-2). */
export const PAPER_TASK_COUNTS = [1, 2, 3, 4, 5, 6, 7, 8] as const;

/** Figs. 1-2 shape: every task sleeps until the next tick, and works this many AVR reference cycles per job (inferred). */
const SWEEP = { periodTicks: 1, cycles: 200 } as const;

/**
 * Figs. 1-2: `count` tasks (1..8) that each compute a little and sleep until the next tick, so every
 * tick wakes all of them (the timer ISR does its most work). Task i has priority i.
 */
export function paperTaskCountWorkload(count: number): Workload {
  if (!Number.isInteger(count) || count < 1 || count > 8) throw new RangeError(`task count must be a whole number in 1..8, got ${count}`);
  const periodUs = (SWEEP.periodTicks * 1e6) / TICK_HZ;
  const source = `${PAPER}, Figs. 1-2: 1 to 8 running tasks. Period ${SWEEP.periodTicks} tick, ${SWEEP.cycles} cycles of work and priority = index: inferred (every task wakes on every tick).`;
  return {
    name: `paper-tasks-${count}`,
    description: `The paper's task-count sweep (Figs. 1-2): ${count} task(s) that compute ${SWEEP.cycles} reference cycles and sleep until the next tick.`,
    referenceTarget: 'avr',
    tickHz: TICK_HZ,
    tasks: Array.from({ length: count }, (_, i) => ({
      name: `task${i}`,
      priority: i,
      trigger: { kind: 'periodic' as const, periodUs },
      body: [{ op: 'compute' as const, cycles: SWEEP.cycles }],
      source,
    })),
    sources: [PAPER],
  };
}

/** The paper's payload axis (Figs. 3-4). */
export const PAPER_PAYLOADS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8] as const;

/** Tasks per payload set (the paper: 7). */
export const PAYLOAD_TASKS = 7;

/**
 * Period range of the payload sets, in us: 2 to 50 ticks of the assumed 1 kHz tick (the paper gives
 * no periods; inferred).
 */
export const PAYLOAD_PERIOD_RANGE_US = { min: 2000, max: 50_000 } as const;

/**
 * Figs. 3-4: set `seed` at one payload point: 7 periodic tasks with UUniFast utilisations summing to
 * `payload`, log-uniform periods on the tick and rate-monotonic priorities. Named
 * `paper-payload-<payload>-s<seed>`; `paper-payload-<payload>` is seed 1.
 */
export function paperPayloadWorkload(payload: number, seed = 1): Workload {
  if (!(payload >= 0.1 && payload <= 0.8)) throw new RangeError(`payload must be in 0.1..0.8, got ${payload}`);
  if (!Number.isInteger(seed) || seed < 1) throw new RangeError(`seed must be a whole number >= 1, got ${seed}`);
  // One stream per (payload, seed), so each payload point has its own independent sets.
  const prng = new Prng(seed * 1009 + Math.round(payload * 10));
  const set = randomTaskSet({ tasks: PAYLOAD_TASKS, utilization: payload, minPeriodUs: PAYLOAD_PERIOD_RANGE_US.min, maxPeriodUs: PAYLOAD_PERIOD_RANGE_US.max, referenceTarget: 'avr', tickHz: TICK_HZ }, prng);
  return {
    ...set,
    name: `paper-payload-${payload}-s${seed}`,
    description: `The paper's payload sweep (Figs. 3-4), set ${seed}: ${PAYLOAD_TASKS} tasks at total utilisation ${payload} on the ATmega128L.`,
    sources: [`${PAPER}, Figs. 3-4: 7 tasks at payload 0.1-0.8. UUniFast shares, periods log-uniform in ${PAYLOAD_PERIOD_RANGE_US.min}-${PAYLOAD_PERIOD_RANGE_US.max} us on the tick: inferred.`, ...(set.sources ?? [])],
  };
}
