import { Prng } from '../hardware/prng.ts';
import { avr, mcuTargets } from '../hardware/targets/index.ts';
import { writeFileAtomic } from '../experiments/runner/atomic-write.ts';
import { randomTaskSet } from '../workloads/generators/uunifast.ts';
import { parseWorkload } from '../workloads/schema.ts';
import type { Workload } from '../workloads/types.ts';
import { median } from './alternate.ts';
import { loadBenchModules, type BenchModules } from './bench-modules.ts';
import { RUNS_PER_SAMPLE, SETUPS_PER_SAMPLE, SHORT_S, benchTree, designSubjects, engineOn, keepRound, sampleRound, stepsOf, timed, warmUpStarts, type BenchSubject, type BenchTree, type Samples } from './bench-tree.ts';
import { PROCESSES_PER_TREE, sampleSideBySide } from './side-by-side.ts';
import { compileCurrent, compileRef, type CompiledTree } from './compiled-tree.ts';
import { fitted } from './fit-to-profile.ts';
import { HEAP_LOOP_EVENTS, heapLoop } from './heap-floor.ts';
import { argument } from './cli-argument.ts';

/*
 * Host speed per kernel design on the AVR, written to results/bench.json. Run with `npm run bench`
 * (`-- --long-s 300` shortens the long run for a quick look; `-- --baseline <git-ref>` measures that
 * ref beside this checkout). Both trees are compiled to JavaScript as the CLI runs them, each in a
 * temporary folder (the ref in a temporary git worktree); for the side by side each is timed in a
 * process of its own (bench/side-by-side.ts), the processes taking turns round by round.
 * On the meter workload at a 1 kHz tick:
 *
 * - real-time factor (simulated seconds per wall-clock second) of a 1 s run, setup excluded (the
 *   run alone) and included (engine, boot with its pricing and checks, then the run; the workload
 *   is loaded and fitted once per design, as a study loads it once for all its runs). Measured in
 *   rounds that alternate the trees (each goes first every other round), so load on the machine
 *   falls on both alike; the median sample is reported. A run is one JavaScript thread: its time
 *   is wall time. The process's CPU time is reported beside it, since it also counts V8's own
 *   threads (concurrent marking and sweeping, background compiling), which run beside the
 *   simulation on another core. Before the rounds, every subject boots and runs its first
 *   STARTUP_MS (the workload's start: every task's first job, the rare tasks' only one) STARTUP_RUNS
 *   times, as a study's worker does over its first units: code that runs only at a system's start
 *   runs once per run, and V8 compiles it only after a thousand or so runs (until then the first
 *   20 ms of a run cost 3-40 times their steady cost). A study runs thousands of units per
 *   worker; the bench times runs as its warm workers run them. The garbage of the setup samples is collected (a minor GC, outside
 *   every timed region) before the runs are timed, so a run is not charged for collecting the
 *   boots timed before it: that is setup cost, and the setup samples carry their own;
 * - engine steps per simulated second (deterministic: the work, whatever the machine's load);
 * - ns per engine step against one push+pop of the bare heap loop, the floor of any event engine;
 * - host cost per simulated second at 1 s, 100 s and the long horizon (10,000 s by default), each
 *   measured the same way on one run per horizon and design of this checkout: the cheapest of
 *   several successive one-second windows from that horizon on, the horizons' windows timed in turn
 *   so that drift in the machine's speed falls on all alike. One window timed once catches a
 *   collection or a compile now and then; the cheapest of a few is the steady cost. Every subject on every
 *   target has run once before the first window is timed, so no window pays for compiling. The live heap after a
 *   full collection at the short and the long horizon shows whether memory grows with the run;
 * - the same cost and heap at 1 s and the long horizon on every other MCU target, design by design.
 *
 * And on a 10-task set as SimSo users build them (UUniFast, log-uniform periods 10-1000 ms,
 * U = 0.7): jobs simulated per host second, setup included, median of 3 runs of 100 s.
 * Timings vary by machine, so bench.json is not part of the reproducible results.
 */

/** The middle horizon. */
const MIDDLE_S = 100;
/** The long horizon; `--long-s <n>` overrides it. */
const LONG_S = Number(argument('--long-s') ?? 10_000);
if (!Number.isFinite(LONG_S) || LONG_S <= MIDDLE_S) throw new RangeError(`--long-s: must be a number of seconds > ${MIDDLE_S}, got "${argument('--long-s')}"`);
/** A git ref to measure beside this checkout (`--baseline <ref>`). */
const BASELINE = argument('--baseline');
/** Rounds of the alternating measurement (the first is a warm-up and not kept). */
const ROUNDS = 31;
/** One-second windows timed from each horizon on; the cheapest is reported. */
const WINDOWS = 20;
/** Simulated time of each run of the SimSo-style task set. */
const SIMSO_S = 100;
/** Runs of the SimSo-style measurement; the median is reported. */
const REPEATS = 3;


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


/** The heap in use after a full collection, in MB (NaN without `--expose-gc`): what a run holds, not what it has yet to free. */
function liveHeapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return NaN;
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/**
 * Host milliseconds per simulated second of `subject` at each of `horizonsS`: one run per horizon,
 * each first advanced (untimed) to its horizon H - 1 s, then `WINDOWS` successive one-second windows
 * timed on each run in turn, so every horizon meets the same machine and compiler state; the
 * cheapest window of each is reported.
 */
function windowMsAt(subject: BenchSubject, freshEngine: BenchTree['freshEngine'], cyclesOf: BenchTree['cyclesOf'], horizonsS: readonly number[]): number[] {
  const runs = horizonsS.map((horizon) => {
    const system = subject.boot(freshEngine(subject.nestedInterrupts));
    const from = Math.max(0, horizon - 1);
    system.run(cyclesOf(from));
    return { system, from, cheapest: Infinity };
  });
  for (let w = 0; w < WINDOWS; w++) {
    for (const run of runs) run.cheapest = Math.min(run.cheapest, timed(() => run.system.run(cyclesOf(run.from + w + 1))));
  }
  return runs.map((run) => run.cheapest);
}

/** Simulated seconds of the warm-up run of each subject before the windows are timed. */
const WARM_UP_S = 20;

/** Runs `subject` once for WARM_UP_S on a fresh engine, untimed, so its paths are compiled before its windows are timed. */
function warmUp(subject: BenchSubject, freshEngine: BenchTree['freshEngine'], cyclesOf: BenchTree['cyclesOf']): void {
  subject.boot(freshEngine(subject.nestedInterrupts)).run(cyclesOf(WARM_UP_S));
}

/**
 * The live heap (MB) of one run of `subject` at each of `horizonsS` (ascending), so a run whose
 * memory grows with its length shows it. Measured after every timing: a full collection slows the
 * seconds after it (V8 sweeps beside the program), which would charge the next timed window.
 */
function liveHeapAt(subject: BenchSubject, freshEngine: BenchTree['freshEngine'], cyclesOf: BenchTree['cyclesOf'], horizonsS: readonly number[]): number[] {
  const system = subject.boot(freshEngine(subject.nestedInterrupts));
  return horizonsS.map((horizon) => {
    system.run(cyclesOf(horizon));
    return liveHeapMb();
  });
}

/**
 * The kernel designs (interrupts not nesting) on the meter workload on another target, built from
 * `modules` as the AVR subjects are: the constancy check of cost and memory on every target.
 */
function designsOn(modules: BenchModules, targetId: string): { subjects: BenchSubject[] } & Pick<BenchTree, 'freshEngine' | 'cyclesOf'> {
  return { subjects: designSubjects(modules).map(({ subject }) => subject), ...engineOn(modules, targetId) };
}

/** Setup and run samples of every subject of `tree`: warmed up as a study's worker is, then ROUNDS rounds (the first not kept). */
function sampleRounds(tree: BenchTree): Samples[] {
  warmUpStarts(tree);
  const samples = tree.subjects.map((): Samples => ({ setupMs: [], runMs: [], runCpuMs: [] }));
  for (let r = 0; r < ROUNDS; r++) {
    const samplesOfRound = sampleRound(tree);
    // Round 0 warms the compiler up for every subject alike.
    if (r > 0) keepRound(samples, samplesOfRound);
  }
  return samples;
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

const compiled: CompiledTree[] = [];
try {
  compiled.push(compileCurrent());
  if (BASELINE !== undefined) compiled.push(compileRef(BASELINE));
  // Before anything is loaded here: each tree in a process of its own (bench/tree-sampler.ts).
  const sideBySide = BASELINE === undefined ? undefined : await sampleSideBySide(compiled, ROUNDS);
  const current = benchTree(await loadBenchModules(compiled[0] as CompiledTree));

  for (let i = 0; i < 5; i++) heapLoop();
  const heapNsPerPushPop = (median(Array.from({ length: 15 }, () => timed(heapLoop))) * 1e6) / HEAP_LOOP_EVENTS;
  const samples = sampleRounds(current);
  const steps = stepsOf(current);

  /** The median short-run figures of `kept`, with `stepCount`. */
  const medians = (kept: Samples, stepCount: number): { setupMs: number; runMs: number; runCpuMs: number; steps: number } => ({
    setupMs: median(kept.setupMs),
    runMs: median(kept.runMs),
    runCpuMs: median(kept.runCpuMs),
    steps: stepCount,
  });
  /** The short-run figures of subject `s` of this checkout. */
  const shortRow = (s: number): { setupMs: number; runMs: number; runCpuMs: number; steps: number } => medians(samples[s] as Samples, steps[s] ?? NaN);

  const simsoJobs = jobsIn(SIMSO_SET, SIMSO_S);
  const simso = current.modules.allDesigns().map((design) => {
    const hostMs = median(
      Array.from({ length: REPEATS }, () =>
        timed(() => current.modules.bootSystem({ engine: current.freshEngine(false), ...fitted(current.modules, design.defaultProfile, SIMSO_SET) }).run(current.cyclesOf(SIMSO_S))),
      ),
    );
    return { design: design.id, jobs: simsoJobs, hostMs: round(hostMs, 1), jobsPerHostSecond: Math.round((simsoJobs * 1000) / hostMs) };
  });

  const horizonsS = [SHORT_S, MIDDLE_S, LONG_S] as const;
  const otherTargets = mcuTargets()
    .filter((t) => t.id !== avr.id)
    .map((target) => ({ target, on: designsOn(current.modules, target.id) }));
  // Every subject on every target runs once before any window is timed: the first design timed on a
  // target would otherwise pay for compiling that target's paths in its 1 s windows, and its
  // long/short ratio would show warm-up rather than any growth with the run's length.
  for (const subject of current.subjects) warmUp(subject, current.freshEngine, current.cyclesOf);
  for (const { on } of otherTargets) for (const subject of on.subjects) warmUp(subject, on.freshEngine, on.cyclesOf);
  // Every timing first, then every heap measurement (see liveHeapAt).
  const avrMs = current.subjects.map((subject) => windowMsAt(subject, current.freshEngine, current.cyclesOf, horizonsS));
  const otherMs = otherTargets.map(({ on }) => on.subjects.map((subject) => windowMsAt(subject, on.freshEngine, on.cyclesOf, [SHORT_S, LONG_S])));
  const avrHeap = current.subjects.map((subject) => liveHeapAt(subject, current.freshEngine, current.cyclesOf, [SHORT_S, LONG_S]));
  const otherHeap = otherTargets.map(({ on }) => on.subjects.map((subject) => liveHeapAt(subject, on.freshEngine, on.cyclesOf, [SHORT_S, LONG_S])));

  const rows = current.subjects.map((subject, s) => {
    const { setupMs, runMs, runCpuMs, steps: stepCount } = shortRow(s);
    const [atShort = NaN, atMiddle = NaN, atLong = NaN] = avrMs[s] ?? [];
    const [heapShort = NaN, heapLong = NaN] = avrHeap[s] ?? [];
    return {
      design: subject.id,
      realTimeFactor: round((SHORT_S * 1000) / runMs, 0),
      realTimeFactorWithSetup: round((SHORT_S * 1000) / (setupMs + runMs), 0),
      setupMs: round(setupMs, 4),
      processCpuMsPerRun: round(runCpuMs, 3),
      stepsPerSimulatedSecond: Math.round(stepCount / SHORT_S),
      nsPerStep: round((runMs * 1e6) / stepCount, 1),
      stepOverHeap: round((runMs * 1e6) / stepCount / heapNsPerPushPop, 1),
      hostMsPerSimulatedSecond: { [SHORT_S]: round(atShort, 3), [MIDDLE_S]: round(atMiddle, 3), [LONG_S]: round(atLong, 3) },
      longOverShort: round(atLong / atShort, 2),
      liveHeapMb: { [SHORT_S]: round(heapShort, 1), [LONG_S]: round(heapLong, 1) },
    };
  });

  // Every other MCU target: cost and live heap at the short and the long horizon, design by design.
  const constancy = otherTargets.flatMap(({ target, on }, t) =>
    on.subjects.map((subject, s) => {
      const [atShort = NaN, atLong = NaN] = otherMs[t]?.[s] ?? [];
      const [heapShort = NaN, heapLong = NaN] = otherHeap[t]?.[s] ?? [];
      return {
        target: target.id,
        design: subject.id,
        hostMsPerSimulatedSecond: { [SHORT_S]: round(atShort, 3), [LONG_S]: round(atLong, 3) },
        longOverShort: round(atLong / atShort, 2),
        liveHeapMb: { [SHORT_S]: round(heapShort, 1), [LONG_S]: round(heapLong, 1) },
      };
    }),
  );

  console.log(`AVR meter workload, 1 kHz tick, compiled JavaScript; heap floor ${round(heapNsPerPushPop, 1)} ns per push+pop`);
  console.log(`RTF: simulated per wall-clock second of a ${SHORT_S} s run (median); CPU ms: the process's CPU time for that run, V8's own threads included`);
  console.log(`ms/sim s at ${SHORT_S}, ${MIDDLE_S} and ${LONG_S} s: the cheapest of ${WINDOWS} one-second windows from each horizon on, one run per horizon and design, their windows timed in turn, after the same warm-up`);
  console.table(
    rows.map((r) => ({
      design: r.design,
      'RTF run': r.realTimeFactor,
      'RTF +setup': r.realTimeFactorWithSetup,
      'setup ms': r.setupMs,
      'CPU ms': r.processCpuMsPerRun,
      'steps/sim s': r.stepsPerSimulatedSecond,
      'ns/step': r.nsPerStep,
      'x heap': r.stepOverHeap,
      [`ms/sim s @${SHORT_S} s`]: r.hostMsPerSimulatedSecond[SHORT_S],
      [`@${MIDDLE_S} s`]: r.hostMsPerSimulatedSecond[MIDDLE_S],
      [`@${LONG_S} s`]: r.hostMsPerSimulatedSecond[LONG_S],
      'long/short': r.longOverShort,
      [`MB @${SHORT_S} s`]: r.liveHeapMb[SHORT_S],
      [`MB @${LONG_S} s`]: r.liveHeapMb[LONG_S],
    })),
  );
  console.log(`the same on every other target: ms/sim s and live heap (MB, after a full collection) at ${SHORT_S} and ${LONG_S} s`);
  console.table(
    constancy.map((r) => ({
      target: r.target,
      design: r.design,
      [`ms/sim s @${SHORT_S} s`]: r.hostMsPerSimulatedSecond[SHORT_S],
      [`@${LONG_S} s`]: r.hostMsPerSimulatedSecond[LONG_S],
      'long/short': r.longOverShort,
      [`MB @${SHORT_S} s`]: r.liveHeapMb[SHORT_S],
      [`MB @${LONG_S} s`]: r.liveHeapMb[LONG_S],
    })),
  );
  console.log(`${SIMSO_SET.name} (${SIMSO_SET.tasks.length} tasks, U = 0.7), ${SIMSO_S} s simulated = ${simsoJobs} jobs, setup included, median of ${REPEATS}`);
  console.table(simso.map((s) => ({ design: s.design, 'host ms': s.hostMs, 'jobs/host s': s.jobsPerHostSecond })));

  /** The side-by-side rows: each design of this checkout against the same design of the baseline, from their own processes. */
  const sideRows =
    sideBySide === undefined
      ? undefined
      : (sideBySide.ids[0] ?? []).map((id, s) => {
          const b = (sideBySide.ids[1] ?? []).indexOf(id);
          const after = medians(sideBySide.samples[0]?.[s] as Samples, sideBySide.steps[0]?.[s] ?? NaN);
          const before = b < 0 ? undefined : medians(sideBySide.samples[1]?.[b] as Samples, sideBySide.steps[1]?.[b] ?? NaN);
          const rtf = (r: { runMs: number }): number => round((SHORT_S * 1000) / r.runMs, 0);
          const rtfSetup = (r: { runMs: number; setupMs: number }): number => round((SHORT_S * 1000) / (r.runMs + r.setupMs), 0);
          return {
            design: id,
            before: before === undefined ? null : { realTimeFactor: rtf(before), realTimeFactorWithSetup: rtfSetup(before), setupMs: round(before.setupMs, 4), stepsPerSimulatedSecond: before.steps },
            after: { realTimeFactor: rtf(after), realTimeFactorWithSetup: rtfSetup(after), setupMs: round(after.setupMs, 4), stepsPerSimulatedSecond: after.steps },
          };
        });
  const baselineLabel = compiled[1]?.label;
  if (sideRows !== undefined) {
    console.log(`side by side, each tree in ${PROCESSES_PER_TREE} processes of its own on one core, ${(ROUNDS - 1) * RUNS_PER_SAMPLE * PROCESSES_PER_TREE} runs of ${SHORT_S} s and ${(ROUNDS - 1) * SETUPS_PER_SAMPLE * PROCESSES_PER_TREE} setups per design and tree, alternating: before = ${baselineLabel}, after = this checkout`);
    console.table(
      sideRows.map((r) => ({
        design: r.design,
        'RTF run before': r.before?.realTimeFactor ?? '-',
        after: r.after.realTimeFactor,
        'RTF +setup before': r.before?.realTimeFactorWithSetup ?? '-',
        ' after': r.after.realTimeFactorWithSetup,
        'setup ms before': r.before?.setupMs ?? '-',
        '  after': r.after.setupMs,
        'steps/sim s before': r.before?.stepsPerSimulatedSecond ?? '-',
        '   after': r.after.stepsPerSimulatedSecond,
      })),
    );
  }

  const summary = {
    node: process.version,
    target: avr.id,
    workload: 'meter, 1 kHz tick',
    heapNsPerPushPop: round(heapNsPerPushPop, 2),
    horizonsS: { short: SHORT_S, middle: MIDDLE_S, long: LONG_S },
    rows,
    otherTargets: constancy,
    simsoStyle: { workload: SIMSO_SET.name, tasks: SIMSO_SET.tasks.length, utilization: 0.7, simulatedS: SIMSO_S, rows: simso },
    ...(sideRows === undefined ? {} : { baseline: { ref: baselineLabel, rows: sideRows } }),
  };
  writeFileAtomic('results/bench.json', `${JSON.stringify(summary, null, 2)}\n`);
  console.log('wrote results/bench.json');
} finally {
  for (const tree of compiled) tree.dispose();
}
