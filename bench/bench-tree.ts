import type { Engine } from '../hardware/engine.ts';
import type { KernelSystem } from '../kernels/types.ts';
import type { OsProfile } from '../kernels/profiles/types.ts';
import type { BenchModules } from './bench-modules.ts';
import { fitted } from './fit-to-profile.ts';

/*
 * The subjects the design bench times, and one round of timing them: shared by the bench itself
 * and by the process of its own each tree gets for a side-by-side (bench/tree-sampler.ts).
 */

/** Simulated time of the short run, the one the rounds repeat. */
export const SHORT_S = 1;
/** Runs of each subject's start before the rounds, and their simulated length (see the header). */
export const STARTUP_RUNS = 2000;
export const STARTUP_MS = 20;
/** Boots per setup sample, and timed 1 s runs per run sample. */
export const SETUPS_PER_SAMPLE = 40;
export const RUNS_PER_SAMPLE = 3;

/** A design as the bench runs it: booted on a fresh AVR engine with a workload. */
export interface BenchSubject {
  readonly id: string;
  /** Whether the engine lets interrupts nest (the subject's profile asks for it). */
  readonly nestedInterrupts: boolean;
  readonly boot: (engine: Engine) => KernelSystem;
}

/** A compiled tree's modules, the subjects built from them, and how to make a fresh AVR engine. */
export interface BenchTree {
  readonly modules: BenchModules;
  readonly subjects: readonly BenchSubject[];
  readonly freshEngine: (nestedInterrupts: boolean) => Engine;
  readonly cyclesOf: (seconds: number) => number;
}

/**
 * The subjects on the meter workload. The bare port (the meter's interrupts and a super-loop, no
 * kernel) is the floor every design adds to; then each kernel design on its default profile, with
 * interrupts that do not nest (comparable across designs and with earlier benches), and again as
 * `<design>+nesting` where its profile lets kernel-aware ISRs nest (uC/OS-II's per-TCB tick walk
 * then has a critical section per task that an interrupt can enter between).
 */
export function benchTree(modules: BenchModules): BenchTree {
  const subjects: BenchSubject[] = [
    {
      id: 'bare-port',
      nestedInterrupts: false,
      boot: (engine) => {
        modules.installMeterDemo(engine, SHORT_S * 1000);
        return { run: (until) => engine.run(until), taskNames: ['super-loop'] };
      },
    },
    ...designSubjects(modules).flatMap(({ subject, profile }) => (nestsOnSomeCore(profile) ? [subject, { ...subject, id: `${subject.id}+nesting`, nestedInterrupts: true }] : [subject])),
  ];
  return { modules, subjects, ...engineOn(modules, 'avr') };
}

/** Each kernel design on its default profile, fitted to the meter workload, interrupts not nesting. */
export function designSubjects(modules: BenchModules): { readonly subject: BenchSubject; readonly profile: OsProfile }[] {
  const meter = modules.loadWorkload('meter');
  return modules.allDesigns().map((design) => {
    const fit = fitted(modules, design.defaultProfile, meter);
    const boot = (engine: Engine): KernelSystem => modules.bootSystem({ engine, ...fit });
    return { subject: { id: design.id, nestedInterrupts: false, boot }, profile: design.defaultProfile };
  });
}

/** Fresh engines on target `targetId`, and its cycles per simulated second. */
export function engineOn(modules: BenchModules, targetId: string): Pick<BenchTree, 'freshEngine' | 'cyclesOf'> {
  const target = modules.getTarget(targetId);
  return { freshEngine: (nestedInterrupts) => new modules.Engine({ target, seed: 1, nestedInterrupts }), cyclesOf: (seconds) => modules.msToCycles(target, seconds * 1000) };
}

/**
 * Whether a profile's port nests interrupts on some core, so its design has a nested tick walk worth
 * a row of its own. A baseline tree from before nesting was cited per core has one flag instead.
 */
function nestsOnSomeCore(profile: OsProfile): boolean {
  const legacy = (profile as { readonly nestedInterrupts?: boolean }).nestedInterrupts;
  return legacy === true || Object.values(profile.nesting ?? {}).some((fact) => fact.nested);
}

/** Host milliseconds of `f`. */
export function timed(f: () => void): number {
  const started = performance.now();
  f();
  return performance.now() - started;
}

/**
 * CPU milliseconds of `f` (this process): on a quiet machine the same as `timed`, on a loaded one
 * it leaves out the time other processes held the cores, which wall time would charge at random.
 */
function cpuTimed(f: () => void): number {
  const started = process.cpuUsage();
  f();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

/** One round's figures of one subject. */
export interface RoundSample {
  readonly setupMs: number;
  readonly runMs: number;
  readonly runCpuMs: number;
}

/** Samples of one subject of one tree: ms per setup, wall ms per 1 s run, process CPU ms per 1 s run. */
export interface Samples {
  readonly setupMs: number[];
  readonly runMs: number[];
  readonly runCpuMs: number[];
}

/**
 * Collects the young generation now, outside any timed region, where the bench runs with
 * `--expose-gc` (`npm run bench` does); without it, does nothing.
 */
function collectYoungGarbage(): void {
  const gc = (globalThis as { gc?: (options: { type: 'minor' }) => void }).gc;
  if (gc !== undefined) gc({ type: 'minor' });
}

/** Runs every subject's start STARTUP_RUNS times, untimed: the warm-up a study's worker gets over its first units (see designs.bench.ts). */
export function warmUpStarts(tree: BenchTree): void {
  const startup = tree.cyclesOf(STARTUP_MS / 1000);
  for (let i = 0; i < STARTUP_RUNS; i++) for (const subject of tree.subjects) subject.boot(tree.freshEngine(subject.nestedInterrupts)).run(startup);
}

/** One round of every subject of `tree`: ms per setup, wall ms per 1 s run, process CPU ms per 1 s run. */
export function sampleRound(tree: BenchTree): RoundSample[] {
  const until = tree.cyclesOf(SHORT_S);
  return tree.subjects.map((subject) => {
    const setupMs = timed(() => {
      for (let i = 0; i < SETUPS_PER_SAMPLE; i++) subject.boot(tree.freshEngine(subject.nestedInterrupts));
    });
    let runMs = 0;
    let runCpuMs = 0;
    for (let i = 0; i < RUNS_PER_SAMPLE; i++) {
      const booted = subject.boot(tree.freshEngine(subject.nestedInterrupts));
      collectYoungGarbage();
      runCpuMs += cpuTimed(() => {
        runMs += timed(() => booted.run(until));
      });
    }
    return { setupMs: setupMs / SETUPS_PER_SAMPLE, runMs: runMs / RUNS_PER_SAMPLE, runCpuMs: runCpuMs / RUNS_PER_SAMPLE };
  });
}

/** Adds a round's samples (subject by subject) to `kept`. */
export function keepRound(kept: readonly Samples[], round: readonly RoundSample[]): void {
  round.forEach((r, s) => {
    const k = kept[s] as Samples;
    k.setupMs.push(r.setupMs);
    k.runMs.push(r.runMs);
    k.runCpuMs.push(r.runCpuMs);
  });
}

/** Engine steps of a 1 s run of each subject: the work itself, the same on any machine. */
export function stepsOf(tree: BenchTree): number[] {
  return tree.subjects.map((subject) => {
    const engine = tree.freshEngine(subject.nestedInterrupts);
    subject.boot(engine).run(tree.cyclesOf(SHORT_S));
    return engine.steps;
  });
}
