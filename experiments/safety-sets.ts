import { Prng } from '../hardware/prng.ts';
import { getTarget } from '../hardware/targets/index.ts';
import type { OsProfile } from '../kernels/profiles/types.ts';
import { getDesign } from '../kernels/registry.ts';
import { logUniformPeriodUs, uunifast } from '../workloads/generators/uunifast.ts';
import type { Step, TaskSpec, Workload } from '../workloads/types.ts';

/*
 * The random systems of the safety study: seeded periodic task sets drawn to reach every rule the
 * analysis models, fitted to one profile as a user would write them for that kernel. Per set:
 * 2-5 tasks, utilisation 0.1-0.7 (UUniFast), periods log-uniform in 2-20 ms, on the 1 ms tick grid
 * or off it (100 us grain), synchronous release or random offsets, rate-monotonic priorities with
 * neighbours sometimes sharing a level (where the profile allows), and up to two mutexes with
 * critical sections of 10-40% of a job, under each protocol the profile offers. On a kernel whose
 * send posts its receiver (MOS), up to two sends, each to a queue of its own that another task
 * receives from, never in a cycle: the receiver then also runs at its sender's rate.
 */

/** Reference target of the sets: execution cycles are drawn on the paper's AVR. */
const REFERENCE = 'avr';
const TICK_HZ = 1000;
const TICK_US = 1e6 / TICK_HZ;
/** Grain of periods and offsets drawn off the tick grid. */
const FINE_US = 100;
const PERIOD_RANGE_US = { min: 2000, max: 20_000 } as const;

/** The study's least horizon for a set (experiments/horizon.ts lengthens it): past its last offset, three of its longest periods. */
export function safetyHorizonUs(workload: Workload): number {
  let offset = 0;
  let period = 0;
  for (const t of workload.tasks) {
    if (t.trigger.kind !== 'periodic') continue;
    offset = Math.max(offset, t.trigger.offsetUs ?? 0);
    period = Math.max(period, t.trigger.periodUs);
  }
  return offset + 3 * period;
}

/** A body with an optional critical section in the middle: [compute][lock][compute][unlock][compute][io-out]. */
function body(cycles: number, mutex: string | undefined, share: number): Step[] {
  if (mutex === undefined || cycles < 3) return [{ op: 'compute', cycles }, { op: 'io-out' }];
  const cs = Math.max(1, Math.round(cycles * share));
  const before = Math.max(1, Math.floor((cycles - cs) / 2));
  const after = Math.max(1, cycles - cs - before);
  return [{ op: 'compute', cycles: before }, { op: 'lock', mutex }, { op: 'compute', cycles: cs }, { op: 'unlock', mutex }, { op: 'compute', cycles: after }, { op: 'io-out' }];
}

/** Safety set `seed` as written for `profile`: its priority range, sharing rule, services and mutex protocols. */
export function safetySet(seed: number, profile: OsProfile): Workload {
  const prng = new Prng(0x5afe + seed);
  const n = 2 + Math.floor(prng.nextFloat() * 4);
  const utilisation = Math.round((0.1 + 0.6 * prng.nextFloat()) * 100) / 100;
  const onGrid = prng.nextFloat() < 0.6;
  const synchronous = prng.nextFloat() < 0.5;
  const clockHz = getTarget(REFERENCE).clockHz;
  const drafts = uunifast(n, utilisation, prng).map((u, i) => {
    const periodUs = logUniformPeriodUs(PERIOD_RANGE_US.min, PERIOD_RANGE_US.max, onGrid ? TICK_US : FINE_US, prng);
    const offsetUs = synchronous ? 0 : Math.floor((prng.nextFloat() * periodUs) / (onGrid ? TICK_US : FINE_US)) * (onGrid ? TICK_US : FINE_US);
    return { i, periodUs, offsetUs, cycles: Math.max(1, Math.round((u * periodUs * clockHz) / 1e6)) };
  });
  const ranked = [...drafts].sort((a, b) => a.periodUs - b.periodUs || a.i - b.i);
  const share = profile.samePriority && prng.nextFloat() < 0.4;
  let level = 0;
  const priorities = ranked.map((_, rank) => {
    if (rank > 0 && !(share && prng.nextFloat() < 0.5)) level++;
    return Math.min(level, profile.priorities - 1);
  });
  const mutexCount = profile.services.mutex && profile.inversion.length > 0 && prng.nextFloat() < 0.6 ? 1 + Math.floor(prng.nextFloat() * 2) : 0;
  const mutexes = Array.from({ length: mutexCount }, (_, m) => ({ name: `m${m}`, protocol: profile.inversion[Math.floor(prng.nextFloat() * profile.inversion.length)] ?? 'inheritance' }));
  const tasks: TaskSpec[] = ranked.map((d, rank) => {
    const pick = mutexCount > 0 && prng.nextFloat() < 0.7 ? mutexes[Math.floor(prng.nextFloat() * mutexCount)]?.name : undefined;
    return {
      name: `t${d.i}`,
      priority: priorities[rank] ?? 0,
      trigger: { kind: 'periodic', periodUs: d.periodUs, ...(d.offsetUs > 0 ? { offsetUs: d.offsetUs } : {}) },
      body: body(d.cycles, pick, 0.1 + 0.3 * prng.nextFloat()),
    };
  });
  const used = mutexes.filter((m) => tasks.some((t) => t.body.some((s) => s.op === 'lock' && s.mutex === m.name)));
  // Drawn last and only where sends post, so the sets of every other kernel stay as they were.
  const queues = getDesign(profile.design).receiversBlock ? [] : withPostingSends(tasks, prng);
  return {
    name: `safety-${profile.id}-s${seed}`,
    description: `Safety set ${seed} for ${profile.id}: ${n} periodic tasks, U = ${utilisation} on ${REFERENCE}, ${onGrid ? 'on' : 'off'} the tick grid, ${synchronous ? 'synchronous' : 'offset'} release, ${used.length} mutexes${queues.length > 0 ? `, ${queues.length} sends that post their receivers` : ''}.`,
    referenceTarget: REFERENCE,
    tickHz: TICK_HZ,
    tasks,
    ...(used.length > 0 || queues.length > 0 ? { resources: { ...(used.length > 0 ? { mutexes: used } : {}), ...(queues.length > 0 ? { queues } : {}) } } : {}),
  };
}

/**
 * Up to two sends, each on its own queue from one task to another, written into `tasks` (the send
 * ends the sender's body, before its output; the receive starts the receiver's). The second never
 * reverses the first, so sends never release each other in a cycle. Returns the queues.
 */
function withPostingSends(tasks: TaskSpec[], prng: Prng): { name: string; capacity: number }[] {
  const queues: { name: string; capacity: number }[] = [];
  const links: [number, number][] = [];
  const count = prng.nextFloat() < 0.6 ? 1 + Math.floor(prng.nextFloat() * 2) : 0;
  for (let q = 0; q < count; q++) {
    const sender = Math.floor(prng.nextFloat() * tasks.length);
    const receiver = (sender + 1 + Math.floor(prng.nextFloat() * (tasks.length - 1))) % tasks.length;
    if (links.some(([a, b]) => a === receiver && b === sender)) continue;
    links.push([sender, receiver]);
    const name = `q${q}`;
    queues.push({ name, capacity: 4 });
    const from = tasks[sender] as TaskSpec;
    const to = tasks[receiver] as TaskSpec;
    tasks[sender] = { ...from, body: [...from.body.slice(0, -1), { op: 'send', queue: name }, ...from.body.slice(-1)] };
    tasks[receiver] = { ...to, body: [{ op: 'receive', queue: name }, ...to.body] };
  }
  return queues;
}
