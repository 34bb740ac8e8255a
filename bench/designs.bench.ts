import { Bench } from 'tinybench';
import { Engine } from '../hardware/engine.ts';
import { Prng } from '../hardware/prng.ts';
import { avr } from '../hardware/targets/index.ts';
import { msToCycles } from '../hardware/units.ts';
import { installMeterDemo } from '../experiments/avr-meter-demo.ts';
import { writeFileAtomic } from '../experiments/runner/atomic-write.ts';
import type { KernelSystem } from '../kernels/types.ts';
import type { OsProfile } from '../kernels/profiles/types.ts';
import { allDesigns, bootSystem } from '../kernels/registry.ts';
import { withoutLocks } from '../experiments/breakdown.ts';
import { randomTaskSet } from '../workloads/generators/uunifast.ts';
import { loadWorkload } from '../workloads/load.ts';
import { parseWorkload } from '../workloads/schema.ts';
import type { Workload } from '../workloads/types.ts';
import { HEAP_LOOP_EVENTS, heapLoop } from './heap-floor.ts';

/*
 * Host speed per kernel design on the AVR, written to results/bench.json. Run with `npm run bench`
 * (`-- --long-s 300` shortens the long run for a quick look). On the meter workload at a 1 kHz tick:
 *
 * - real-time factor (simulated seconds per host second) of a 1 s run, setup excluded (the run
 *   alone) and included (engine, boot with its pricing and checks, then the run; the workload is
 *   loaded and fitted once per design, as a study loads it once for all its runs);
 * - ns per engine step against one push+pop of the bare heap loop, the floor of any event engine;
 * - host cost per simulated second at 1 s, 100 s and the long horizon (10,000 s by default), each
 *   measured the same way on one run per design, after the same warm-up (the tinybench phase): the
 *   cheapest of several successive one-second windows from that horizon on. One window timed once
 *   catches a collection or a compile now and then; the cheapest of a few is the steady cost.
 *
 * And on a 10-task set as SimSo users build them (UUniFast, log-uniform periods 10-1000 ms,
 * U = 0.7): jobs simulated per host second, setup included, median of 3 runs of 100 s.
 * Timings vary by machine, so bench.json is not part of the reproducible results.
 */

/** Simulated time of the short run, the one tinybench repeats. */
const SHORT_S = 1;
/** The middle horizon. */
const MIDDLE_S = 100;
/** The long horizon; `--long-s <n>` overrides it. */
const LONG_S = longSecondsArgument(10_000);
/** One-second windows timed from each horizon on; the cheapest is reported. */
const WINDOWS = 20;
/** Simulated time of each run of the SimSo-style task set. */
const SIMSO_S = 100;
/** Runs of the SimSo-style measurement; the median is reported. */
const REPEATS = 3;

function longSecondsArgument(fallback: number): number {
  const at = process.argv.indexOf('--long-s');
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`--long-s: must be a number of seconds > 0, got "${process.argv[at + 1]}"`);
  return value;
}

/** A design as the bench runs it: booted on a fresh AVR engine with a workload. */
interface BenchSubject {
  readonly id: string;
  readonly boot: (engine: Engine) => KernelSystem;
}

/**
 * The subjects on the meter workload. The bare port (the meter's interrupts and a super-loop, no
 * kernel) is the floor every design adds to. Each kernel design joins as
 * `{ id: design, boot: (engine) => bootSystem(design, meterWorkload, engine) }`.
 */
const BENCH_SUBJECTS: readonly BenchSubject[] = [
  {
    id: 'bare-port',
    boot: (engine) => {
      installMeterDemo(engine, SHORT_S * 1000);
      return { run: (until) => engine.run(until), taskNames: ['super-loop'] };
    },
  },
  ...allDesigns().map((design) => {
    const fit = fitted(design.defaultProfile, loadWorkload('meter'));
    return { id: design.id, boot: (engine: Engine) => bootSystem({ engine, ...fit }) };
  }),
];

/**
 * A workload on a design's default profile. The bench times a design's mechanisms, not a profile's
 * limits: the profile is widened to the workload's priorities and tasks (WORIX has 6, the meter
 * 11); a mutex takes the profile's own inversion protocol; and where the profile has no mutexes
 * (MOS: one level never preempts itself, shared data goes over the bus) the lock/unlock steps are
 * dropped.
 */
function fitted(profile: OsProfile, workload: Workload): { profile: OsProfile; workload: Workload } {
  const levels = workload.tasks.length;
  const widened = { ...profile, priorities: Math.max(profile.priorities, levels), maxTasks: Math.max(profile.maxTasks, levels) };
  const protocol = profile.inversion[0];
  if (profile.services.mutex && protocol !== undefined) {
    const mutexes = (workload.resources?.mutexes ?? []).map((m) => ({ ...m, protocol }));
    return { profile: widened, workload: { ...workload, resources: { ...workload.resources, mutexes } } };
  }
  return { profile: widened, workload: withoutLocks(workload) };
}

/**
 * The 10-task set SimSo users know: UUniFast utilisations summing to 0.7, periods log-uniform in
 * 10-1000 ms on the 1 kHz tick, implicit deadlines, rate-monotonic priorities (seed 1).
 */
const SIMSO_SET = parseWorkload(
  { ...randomTaskSet({ tasks: 10, utilization: 0.7, minPeriodUs: 10_000, maxPeriodUs: 1_000_000, referenceTarget: avr.id, tickHz: 1000 }, new Prng(1)), name: 'uunifast-n10-u0.7-p10-1000ms-s1' },
  'the SimSo-style task set',
);

/** Jobs released in [0, `seconds`) by the periodic tasks of `workload` (all of them are periodic here). */
function jobsIn(workload: Workload, seconds: number): number {
  let jobs = 0;
  for (const task of workload.tasks) {
    if (task.trigger.kind !== 'periodic') throw new Error(`${task.name}: the SimSo-style set is periodic only`);
    jobs += Math.ceil((seconds * 1e6 - (task.trigger.offsetUs ?? 0)) / task.trigger.periodUs);
  }
  return jobs;
}

const freshEngine = (): Engine => new Engine({ target: avr, seed: 1 });
const cyclesOf = (seconds: number): number => msToCycles(avr, seconds * 1000);

/** Host milliseconds of `f`. */
function timed(f: () => void): number {
  const started = performance.now();
  f();
  return performance.now() - started;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Host milliseconds per simulated second of `subject` at each of `horizonsS` (ascending), on one
 * run: from each horizon H - 1 s on, the cheapest of `WINDOWS` successive one-second windows.
 */
function windowMsAt(subject: BenchSubject, horizonsS: readonly number[]): number[] {
  const system = subject.boot(freshEngine());
  return horizonsS.map((horizon) => {
    const from = Math.max(0, horizon - 1);
    system.run(cyclesOf(from));
    let cheapest = Infinity;
    for (let w = 0; w < WINDOWS; w++) cheapest = Math.min(cheapest, timed(() => system.run(cyclesOf(from + w + 1))));
    return cheapest;
  });
}

// tinybench: the heap floor, and per subject its setup alone and its 1 s run alone (booted, untimed, before each).
const bench = new Bench({ time: 1500 });
bench.add('heap', heapLoop);
const stepsPerShortRun = new Map<string, number>();
for (const subject of BENCH_SUBJECTS) {
  const probe = freshEngine();
  subject.boot(probe).run(cyclesOf(SHORT_S));
  stepsPerShortRun.set(subject.id, probe.steps);
  bench.add(`${subject.id} setup`, () => subject.boot(freshEngine()));
  let booted: KernelSystem | undefined;
  bench.add(`${subject.id} run`, () => booted?.run(cyclesOf(SHORT_S)), {
    beforeEach: () => {
      booted = subject.boot(freshEngine());
    },
  });
}
await bench.run();

function meanMs(name: string): number {
  const result = bench.getTask(name)?.result;
  if (result === undefined || result.state !== 'completed') throw new Error(`${name}: ${result?.state ?? 'missing'}`);
  return result.latency.mean;
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;
const heapNsPerPushPop = (meanMs('heap') * 1e6) / HEAP_LOOP_EVENTS;

const simsoJobs = jobsIn(SIMSO_SET, SIMSO_S);
const simso = allDesigns().map((design) => {
  const hostMs = median(
    Array.from({ length: REPEATS }, () =>
      timed(() => bootSystem({ engine: freshEngine(), ...fitted(design.defaultProfile, SIMSO_SET) }).run(cyclesOf(SIMSO_S))),
    ),
  );
  return { design: design.id, jobs: simsoJobs, hostMs: round(hostMs, 1), jobsPerHostSecond: Math.round((simsoJobs * 1000) / hostMs) };
});

const horizonsS = [SHORT_S, MIDDLE_S, LONG_S] as const;
const windowMs = new Map(BENCH_SUBJECTS.map((subject) => [subject.id, windowMsAt(subject, horizonsS)]));

const rows = BENCH_SUBJECTS.map((subject) => {
  const setupMs = meanMs(`${subject.id} setup`);
  const shortMs = meanMs(`${subject.id} run`);
  const steps = stepsPerShortRun.get(subject.id) ?? 0;
  const [atShort = NaN, atMiddle = NaN, atLong = NaN] = windowMs.get(subject.id) ?? [];
  const perSimulatedSecond = { short: atShort, middle: atMiddle, long: atLong };
  return {
    design: subject.id,
    realTimeFactor: round((SHORT_S * 1000) / shortMs, 0),
    realTimeFactorWithSetup: round((SHORT_S * 1000) / (setupMs + shortMs), 0),
    setupMs: round(setupMs, 3),
    stepsPerSimulatedSecond: Math.round(steps / SHORT_S),
    nsPerStep: round((shortMs * 1e6) / steps, 1),
    stepOverHeap: round((shortMs * 1e6) / steps / heapNsPerPushPop, 1),
    hostMsPerSimulatedSecond: { [SHORT_S]: round(perSimulatedSecond.short, 3), [MIDDLE_S]: round(perSimulatedSecond.middle, 3), [LONG_S]: round(perSimulatedSecond.long, 3) },
    longOverShort: round(perSimulatedSecond.long / perSimulatedSecond.short, 2),
  };
});

console.log(`AVR meter workload, 1 kHz tick; heap floor ${round(heapNsPerPushPop, 1)} ns per push+pop`);
console.log(`ms/sim s at ${SHORT_S}, ${MIDDLE_S} and ${LONG_S} s: the cheapest of ${WINDOWS} one-second windows from each horizon on, one run per design, after the same warm-up`);
console.table(
  rows.map((r) => ({
    design: r.design,
    'RTF run': r.realTimeFactor,
    'RTF +setup': r.realTimeFactorWithSetup,
    'setup ms': r.setupMs,
    'ns/step': r.nsPerStep,
    'x heap': r.stepOverHeap,
    [`ms/sim s @${SHORT_S} s`]: r.hostMsPerSimulatedSecond[SHORT_S],
    [`@${MIDDLE_S} s`]: r.hostMsPerSimulatedSecond[MIDDLE_S],
    [`@${LONG_S} s`]: r.hostMsPerSimulatedSecond[LONG_S],
    'long/short': r.longOverShort,
  })),
);
console.log(`${SIMSO_SET.name} (${SIMSO_SET.tasks.length} tasks, U = 0.7), ${SIMSO_S} s simulated = ${simsoJobs} jobs, setup included, median of ${REPEATS}`);
console.table(simso.map((s) => ({ design: s.design, 'host ms': s.hostMs, 'jobs/host s': s.jobsPerHostSecond })));

const summary = {
  node: process.version,
  target: avr.id,
  workload: 'meter, 1 kHz tick',
  heapNsPerPushPop: round(heapNsPerPushPop, 2),
  horizonsS: { short: SHORT_S, middle: MIDDLE_S, long: LONG_S },
  rows,
  simsoStyle: { workload: SIMSO_SET.name, tasks: SIMSO_SET.tasks.length, utilization: 0.7, simulatedS: SIMSO_S, rows: simso },
};
writeFileAtomic('results/bench.json', `${JSON.stringify(summary, null, 2)}\n`);
console.log('wrote results/bench.json');
