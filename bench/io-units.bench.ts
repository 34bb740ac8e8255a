import { alternatingOrder, median } from './alternate.ts';
import { compileCurrent, compileRef, type CompiledTree } from './compiled-tree.ts';
import { ioStudyTime } from './io-horizons.ts';
import { IO_RUN_MODULES, ioRuns, loadIoRunModules, runIo, type IoRun, type IoRunKind, type IoRunModules } from './io-units.ts';
import { argument } from './cli-argument.ts';

/*
 * Host cost of the I/O units (Figs. 3-4 and bounds) per simulated second, and what a full
 * `reproduce` would spend on them at a 1 s cap (quick mode) and by the horizon rule (full mode). Run with
 * `npm run bench:io -- [--baseline <git-ref>] [--seeds n] [--rounds n]`.
 *
 * Every target x bounds series x payload x seed is run twice, once as the bounds experiment runs
 * it (taskIoDelay + deadlineMisses) and once as the figures do (input events + inputToOutput). Per
 * tree and kind, in rounds that alternate the trees: CPU time of every run to SHORT_MS and to
 * LONG_MS; the cost of a simulated second is the difference over the extra simulated time (setup
 * cancels), the median round is reported. Also, deterministic: engine steps per simulated second,
 * and the bytes allocated per simulated second (the heap's growth under GC_FLAGS, same difference). Both trees must give byte-identical reducer results.
 */

const SHORT_MS = 200;
const LONG_MS = 2200;
const SEEDS = Number(argument('--seeds') ?? 1);
const ROUNDS = Number(argument('--rounds') ?? 7);
const BASELINE = argument('--baseline');
/**
 * Node flags under which the heap's growth is what was allocated: a young generation fixed at
 * 512 MB (more than one pass allocates) is never collected during a pass, and `gc()` empties it
 * before one. A growing young generation would be collected, and hide what it held.
 */
const GC_FLAGS = '--expose-gc --min-semi-space-size=512 --max-semi-space-size=512';

/** CPU ms to run every run of `runs` to `ms` on tree `m`. */
function cpuMs(m: IoRunModules, runs: readonly IoRun[], ms: number): number {
  const start = process.cpuUsage();
  for (const run of runs) runIo(m, run, ms);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Bytes allocated while running every run of `runs` to `ms` on tree `m`: the heap's growth with no collection in between (see GC_FLAGS). */
function allocatedBytes(m: IoRunModules, runs: readonly IoRun[], ms: number): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error(`the I/O bench measures allocation with ${GC_FLAGS}: run it with \`npm run bench:io\``);
  gc();
  const before = process.memoryUsage().heapUsed;
  for (const run of runs) runIo(m, run, ms);
  return process.memoryUsage().heapUsed - before;
}

/** Engine steps of every run of `runs` to `ms`, and their results as one string. */
function outcome(m: IoRunModules, runs: readonly IoRun[], ms: number): { steps: number; digest: string } {
  const outcomes = runs.map((run) => runIo(m, run, ms));
  return { steps: outcomes.reduce((s, o) => s + o.steps, 0), digest: outcomes.map((o) => o.digest).join('\n') };
}

interface KindFigures {
  readonly kind: IoRunKind;
  readonly stepsPerS: number;
  readonly kbPerS: number;
  readonly msPerS: number;
  /** CPU ms of one run to SHORT_MS, setup included. */
  readonly shortRunMs: number;
}

async function main(): Promise<void> {
  const trees: CompiledTree[] = [compileCurrent(IO_RUN_MODULES)];
  if (BASELINE !== undefined) trees.push(compileRef(BASELINE, IO_RUN_MODULES));
  try {
    const modules = await Promise.all(trees.map(loadIoRunModules));
    const all = ioRuns(SEEDS);
    const kinds: IoRunKind[] = ['bounds', 'figure'];
    const runsOf = (kind: IoRunKind): IoRun[] => all.filter((r) => r.kind === kind);
    const extraS = (runs: readonly IoRun[]): number => (runs.length * (LONG_MS - SHORT_MS)) / 1000;

    const deterministic = new Map<string, { stepsPerS: number; kbPerS: number }>();
    for (const kind of kinds) {
      const runs = runsOf(kind);
      const digests: string[] = [];
      for (const m of modules) {
        const short = outcome(m, runs, SHORT_MS);
        const long = outcome(m, runs, LONG_MS);
        digests.push(short.digest + long.digest);
        const bytes = allocatedBytes(m, runs, LONG_MS) - allocatedBytes(m, runs, SHORT_MS);
        deterministic.set(`${m.label}|${kind}`, { stepsPerS: (long.steps - short.steps) / extraS(runs), kbPerS: bytes / 1024 / extraS(runs) });
      }
      if (digests.some((d) => d !== digests[0])) throw new Error(`${kind}: the trees' reducer results differ`);
    }

    const samples = new Map<string, { perS: number[]; short: number[] }>();
    for (let round = 0; round <= ROUNDS; round++) {
      for (const kind of kinds) {
        const runs = runsOf(kind);
        for (const i of alternatingOrder(round, modules.length)) {
          const m = modules[i] as IoRunModules;
          const short = cpuMs(m, runs, SHORT_MS);
          const long = cpuMs(m, runs, LONG_MS);
          // Round 0 warms every tree up and is not kept.
          if (round === 0) continue;
          const s = samples.get(`${m.label}|${kind}`) ?? { perS: [], short: [] };
          s.perS.push((long - short) / extraS(runs));
          s.short.push(short / runs.length);
          samples.set(`${m.label}|${kind}`, s);
        }
      }
    }

    const figures = (m: IoRunModules): KindFigures[] =>
      kinds.map((kind) => {
        const key = `${m.label}|${kind}`;
        const d = deterministic.get(key) as { stepsPerS: number; kbPerS: number };
        const s = samples.get(key) as { perS: number[]; short: number[] };
        return { kind, ...d, msPerS: median(s.perS), shortRunMs: median(s.short) };
      });
    const study = ioStudyTime();
    console.log(`I/O units: ${all.length / 2} sets x 2 kinds, ${SHORT_MS} and ${LONG_MS} ms runs, ${ROUNDS} rounds (median); results identical across trees`);
    console.log('tree | kind | steps/sim s | KB alloc/sim s | host ms/sim s | one 0.2 s run, ms (setup incl.)');
    for (const m of modules) for (const f of figures(m)) console.log(`${m.label} | ${f.kind} | ${f.stepsPerS.toFixed(0)} | ${f.kbPerS.toFixed(1)} | ${f.msPerS.toFixed(3)} | ${f.shortRunMs.toFixed(2)}`);
    console.log('\nfull reproduce, I/O units (fig3 + fig4 = figure, bounds): simulated s and CPU s of the runs (setup excluded)');
    console.log('tree | kind | units | at a 1 s cap (quick mode): sim s, CPU s | by the rule (100 jobs of the slowest task, as full mode runs): units longer than 1 s, sim s, CPU s');
    for (const m of modules) {
      for (const f of figures(m)) {
        const t = study.find((x) => x.kind === f.kind);
        if (t === undefined) continue;
        const cpu = (simS: number): string => ((simS * f.msPerS) / 1000).toFixed(0);
        console.log(`${m.label} | ${f.kind} | ${t.units} | ${t.cappedS.toFixed(0)}, ${cpu(t.cappedS)} | ${t.capped}, ${t.uncappedS.toFixed(0)}, ${cpu(t.uncappedS)}`);
      }
    }
  } finally {
    for (const t of trees) t.dispose();
  }
}

await main();
