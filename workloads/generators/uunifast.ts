import type { Prng } from '../../hardware/prng.ts';
import { getTarget } from '../../hardware/targets/index.ts';
import type { TaskSpec, Workload } from '../types.ts';

/**
 * UUniFast (Bini and Buttazzo, "Measuring the performance of schedulability tests", Real-Time
 * Systems 30(1-2), 2005, Fig. 2): n utilisations summing to `total`, uniform over that simplex.
 */
export function uunifast(n: number, total: number, prng: Prng): number[] {
  const shares: number[] = [];
  let sum = total;
  for (let i = 1; i < n; i++) {
    const next = sum * prng.nextFloat() ** (1 / (n - i));
    shares.push(sum - next);
    sum = next;
  }
  shares.push(sum);
  return shares;
}

/** A period drawn log-uniformly in [minUs, maxUs] (Emberson, Stafford and Davis, WATERS 2010), rounded to `granularityUs`. */
export function logUniformPeriodUs(minUs: number, maxUs: number, granularityUs: number, prng: Prng): number {
  const raw = Math.exp(Math.log(minUs) + prng.nextFloat() * (Math.log(maxUs) - Math.log(minUs)));
  return Math.max(granularityUs, Math.floor(raw / granularityUs) * granularityUs);
}

/** Options of a random task set. */
export interface RandomTaskSetOptions {
  readonly tasks: number;
  readonly utilization: number;
  readonly minPeriodUs: number;
  readonly maxPeriodUs: number;
  readonly referenceTarget: string;
  readonly tickHz: number;
}

/**
 * A periodic, implicit-deadline task set: UUniFast utilisations, log-uniform periods rounded to the
 * tick (so the kernel's timer service can release them exactly), rate-monotonic priorities.
 */
export function randomTaskSet(options: RandomTaskSetOptions, prng: Prng): Workload {
  const { tasks: n, utilization, minPeriodUs, maxPeriodUs, referenceTarget, tickHz } = options;
  const clockHz = getTarget(referenceTarget).clockHz;
  const tickUs = 1e6 / tickHz;
  const shares = uunifast(n, utilization, prng);
  const drafts = shares.map((u, i) => {
    const periodUs = logUniformPeriodUs(minPeriodUs, maxPeriodUs, tickUs, prng);
    return { i, u, periodUs, cycles: Math.max(1, Math.round((u * periodUs * clockHz) / 1e6)) };
  });
  const byRate = [...drafts].sort((a, b) => a.periodUs - b.periodUs || a.i - b.i);
  const specs: TaskSpec[] = byRate.map((d, rank) => ({
    name: `t${d.i}`,
    priority: rank,
    trigger: { kind: 'periodic', periodUs: d.periodUs },
    body: [{ op: 'compute', cycles: d.cycles }, { op: 'io-out' }],
    source: `UUniFast share ${d.u.toFixed(4)} of U=${utilization}, period log-uniform in [${minPeriodUs}, ${maxPeriodUs}] us`,
  }));
  return {
    name: `uunifast-n${n}-u${utilization}`,
    description: `Random periodic task set: ${n} tasks, total utilisation ${utilization} on ${referenceTarget}, rate-monotonic priorities.`,
    referenceTarget,
    tickHz,
    tasks: specs,
    sources: ['Bini and Buttazzo 2005 (UUniFast)', 'Emberson, Stafford and Davis 2010 (log-uniform periods)'],
  };
}
