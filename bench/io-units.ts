import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { deadlineMisses, engineSteps, inputToOutput, taskIoDelay } from '../analysis/reducers/index.ts';
import type { getTarget } from '../hardware/targets/index.ts';
import { BOUNDS_SERIES } from '../experiments/bounds.ts';
import { ioTargets } from '../experiments/io-figure.ts';
import { withInputEvents } from '../experiments/io-input.ts';
import { framedProfile, ioUnitWorkload, PAYLOADS } from '../experiments/io-sim.ts';
import type { measureRun } from '../experiments/measure-run.ts';
import type { OsProfile } from '../kernels/profiles/types.ts';
import type { Workload } from '../workloads/types.ts';
import type { CompiledTree } from './compiled-tree.ts';

/*
 * The I/O units of the paper's Figs. 3-4 and the bounds experiment, prepared once (task set fitted
 * to its framed profile, as plain data) so that a measurement times only the runs, on any kbench
 * tree that offers the calls below: what one simulated second of such a unit costs.
 */

/** The modules an I/O run needs from a tree, as paths under its root without extension. */
export const IO_RUN_MODULES = ['experiments/measure-run', 'analysis/reducers/index', 'hardware/targets/index'] as const;

/** What an I/O run uses of one kbench tree. */
export interface IoRunModules {
  readonly label: string;
  readonly measureRun: typeof measureRun;
  readonly taskIoDelay: typeof taskIoDelay;
  readonly deadlineMisses: typeof deadlineMisses;
  readonly inputToOutput: typeof inputToOutput;
  readonly engineSteps: typeof engineSteps;
  readonly getTarget: typeof getTarget;
}

/** Where each export lives in a tree. */
const EXPORTS = {
  measureRun: 'experiments/measure-run',
  taskIoDelay: 'analysis/reducers/index',
  deadlineMisses: 'analysis/reducers/index',
  inputToOutput: 'analysis/reducers/index',
  engineSteps: 'analysis/reducers/index',
  getTarget: 'hardware/targets/index',
} as const satisfies Record<Exclude<keyof IoRunModules, 'label'>, (typeof IO_RUN_MODULES)[number]>;

/** Imports the I/O run's exports from a compiled tree; throws naming any export it lacks. */
export async function loadIoRunModules(tree: CompiledTree): Promise<IoRunModules> {
  const found: Record<string, unknown> = { label: tree.label };
  for (const [name, module] of Object.entries(EXPORTS)) {
    const namespace = (await import(pathToFileURL(join(tree.jsRoot, `${module}.js`)).href)) as Record<string, unknown>;
    if (typeof namespace[name] !== 'function') throw new Error(`${tree.label}: ${module} has no export ${name}; the I/O bench cannot run this tree`);
    found[name] = namespace[name];
  }
  return found as unknown as IoRunModules;
}

/** One prepared I/O run: the system and the reducers its study attaches to it. */
export interface IoRun {
  readonly label: string;
  readonly profile: OsProfile;
  readonly targetId: string;
  readonly workload: Workload;
  readonly seed: number;
  /** `bounds`: taskIoDelay + deadlineMisses (experiments/io-sim.ts); `figure`: input events and inputToOutput (experiments/io-input.ts). */
  readonly kind: IoRunKind;
}

/** The two shapes of I/O unit: the bounds experiment's and the figures'. */
export type IoRunKind = 'bounds' | 'figure';

/** Every target x bounds series x payload, for seeds 1..`seeds`, once of each kind. */
export function ioRuns(seeds: number): IoRun[] {
  const runs: IoRun[] = [];
  for (const targetId of ioTargets()) {
    for (const series of BOUNDS_SERIES) {
      for (const payload of PAYLOADS) {
        for (let seed = 1; seed <= seeds; seed++) {
          const profile = framedProfile(series.profile, series.framing);
          const workload = ioUnitWorkload({ ...series, payload, seed });
          const label = `${targetId}/${profile.id}/u${payload}/s${seed}`;
          runs.push({ label, profile, targetId, workload, seed, kind: 'bounds' });
          runs.push({ label, profile, targetId, workload: withInputEvents(workload), seed, kind: 'figure' });
        }
      }
    }
  }
  return runs;
}

/** What one run did, deterministically: engine steps and its reducers' results as JSON. */
export interface IoRunOutcome {
  readonly steps: number;
  readonly digest: string;
}

/** Runs `run` on tree `m` for `durationMs` of simulated time with its study's reducers. */
export function runIo(m: IoRunModules, run: IoRun, durationMs: number): IoRunOutcome {
  const base = { profile: run.profile, target: m.getTarget(run.targetId), workload: run.workload, durationMs, seed: run.seed };
  if (run.kind === 'bounds') {
    const r = m.measureRun({ ...base, reducers: { io: m.taskIoDelay('releasing-tick'), deadlines: m.deadlineMisses(), steps: m.engineSteps() } });
    return { steps: r.steps, digest: JSON.stringify([r.io, r.deadlines]) };
  }
  const r = m.measureRun({ ...base, reducers: { delays: m.inputToOutput(), steps: m.engineSteps() } });
  return { steps: r.steps, digest: JSON.stringify(r.delays) };
}
