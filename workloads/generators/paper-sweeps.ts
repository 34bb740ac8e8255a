import { getTarget } from '../../hardware/targets/index.ts';
import type { TaskSpec, Workload } from '../types.ts';

/*
 * The task sets of the five-OS paper's measurements (Wang et al., JSEA 2010, section 4-5). The paper
 * names only the shape: 1 to 8 running tasks for the interrupt-disable and switch-time figures
 * (Figs. 1-2) and 7 tasks at payload 0.1 to 0.8 for the I/O delay and jitter figures (Figs. 3-4).
 * Everything else below (tick rate, periods, payload per job) is inferred and says so.
 */

const PAPER = 'Wang, Zhao, Li, Li, Li, JSEA 3:81-90, 2010';
/** Assumed tick rate: uC/OS-II's common OS_TICKS_PER_SEC on the ATmega128 ports; the paper does not say. */
const TICK_HZ = 1000;
/** Work per job in the task-count sweep: small, so the kernel's tick and switch dominate (inferred). */
const SWEEP_JOB_CYCLES = 200;

/** Figs. 1-2: `count` tasks (1..8) that sleep and wake on the tick; task k sleeps k+1 ticks, so on some ticks all wake together. */
export function paperTaskCountWorkload(count: number): Workload {
  if (!Number.isInteger(count) || count < 1 || count > 8) throw new RangeError(`task count must be a whole number in 1..8, got ${count}`);
  const tickUs = 1e6 / TICK_HZ;
  const tasks: TaskSpec[] = Array.from({ length: count }, (_, k) => ({
    name: `sleeper${k + 1}`,
    priority: k,
    trigger: { kind: 'periodic', periodUs: tickUs * (k + 1) },
    body: [{ op: 'compute', cycles: SWEEP_JOB_CYCLES }, { op: 'io-out' }],
    source: `${PAPER}, Figs. 1-2: 1 to 8 running tasks. Period ${k + 1} ticks and ${SWEEP_JOB_CYCLES} cycles of work: inferred.`,
  }));
  return {
    name: `paper-tasks-${count}`,
    description: `The paper's task-count sweep (Figs. 1-2) with ${count} task(s) sleeping on the tick.`,
    referenceTarget: 'avr',
    tickHz: TICK_HZ,
    tasks,
    sources: [PAPER],
  };
}

/** Periods of the 7 payload-sweep tasks in ticks: distinct, harmonic enough for a short hyperperiod (inferred). */
const PAYLOAD_PERIOD_TICKS = [2, 4, 5, 10, 20, 25, 50] as const;

/** Figs. 3-4: 7 periodic tasks with total utilisation `payload` (0.1..0.8), split equally, rate-monotonic priorities. */
export function paperPayloadWorkload(payload: number): Workload {
  if (!(payload >= 0.1 && payload <= 0.8)) throw new RangeError(`payload must be in 0.1..0.8, got ${payload}`);
  const clockHz = getTarget('avr').clockHz;
  const tickUs = 1e6 / TICK_HZ;
  const share = payload / PAYLOAD_PERIOD_TICKS.length;
  const tasks: TaskSpec[] = PAYLOAD_PERIOD_TICKS.map((ticks, k) => {
    const periodUs = ticks * tickUs;
    const cycles = Math.max(1, Math.round((share * periodUs * clockHz) / 1e6));
    return {
      name: `io${k + 1}`,
      priority: k,
      trigger: { kind: 'periodic', periodUs },
      body: [{ op: 'compute', cycles, bestCycles: Math.ceil(cycles / 2) }, { op: 'io-out' }],
      source: `${PAPER}, Figs. 3-4: 7 tasks at payload ${payload}. Equal utilisation shares, period ${ticks} ticks, best case half the worst: inferred.`,
    };
  });
  return {
    name: `paper-payload-${payload}`,
    description: `The paper's payload sweep (Figs. 3-4): 7 tasks at total utilisation ${payload} on the ATmega128L.`,
    referenceTarget: 'avr',
    tickHz: TICK_HZ,
    tasks,
    sources: [PAPER],
  };
}
