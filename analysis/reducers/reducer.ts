import type { Engine } from '../../hardware/engine.ts';
import type { ProbeListener } from '../../hardware/probe.ts';
import type { ReleaseQuantisation } from '../../system/model.ts';
import type { Workload } from '../../workloads/types.ts';

/*
 * A reducer is one quantity read from one run. Most fold the probe's event stream as it happens;
 * a few read the engine or the booted system once the run is over (the CPU split, the release
 * placement). A run takes any set of them (experiments/measure-run.ts), so a study names the
 * quantities it wants and gets each one's result, typed, under the name it gave.
 */

/** The booted system as a reducer sees it: task names (index = probe subject) and interrupt lines by name. */
export interface BootedView {
  readonly taskNames: readonly string[];
  /** Interrupt-line ids by name (the subjects of IoIn and IRQ events): 'tick', each I/O line, 'release:<task>'. */
  readonly lines: ReadonlyMap<string, number>;
  /** How the kernel placed periodic releases, when it says. */
  readonly releaseQuantisation?: ReleaseQuantisation;
}

/** The booted system with its engine: what a reducer is told before the run starts (a few read the engine's clock or counters as it goes). */
export interface RunStart extends BootedView {
  readonly engine: Engine;
}

/** What a reducer reads once the run is over. */
export type RunEnd = RunStart;

/** One quantity of one run. */
export interface Reducer<R> {
  /** Attached to the probe before the kernel boots, so that releases at time 0 are seen. */
  readonly listener?: ProbeListener;
  /** Told the booted system (its line ids and task names) before the run starts. */
  booted?(system: RunStart): void;
  /** The quantity, read after the run. */
  result(end: RunEnd): R;
}

/** Makes a fresh reducer for a run of `workload` (a reducer keeps state, so every run needs its own). */
export type ReducerFactory<R> = (workload: Workload) => Reducer<R>;

/** The reducers a run is asked for, each under the name its result will have. */
export type ReducerSet = Readonly<Record<string, ReducerFactory<unknown>>>;

/** The results of a reducer set: each name with its reducer's result type. */
export type ReducerResults<S extends ReducerSet> = { readonly [K in keyof S]: S[K] extends ReducerFactory<infer R> ? R : never };

/** A reducer factory for a listener that needs nothing from the booted system: a fresh `make()` per run, read by `read` at the end. */
export function listening<L extends ProbeListener, R>(make: () => L, read: (listener: L, end: RunEnd) => R): ReducerFactory<R> {
  return () => {
    const listener = make();
    return { listener, result: (end) => read(listener, end) };
  };
}
