import type { Target } from '../hardware/target.ts';
import type { ExecMode } from '../kernels/execution-time.ts';
import { bootSystem, footprint } from '../kernels/registry.ts';
import type { OsProfile } from '../kernels/profiles/types.ts';
import type { ReleaseMode } from '../kernels/types.ts';
import type { Workload } from '../workloads/types.ts';
import { runAndMeasure, type RunMetrics } from './run-system.ts';

/** What `kbench run` runs: a workload on a profile (or a design's default profile) on a target. */
export interface ProfileRun {
  readonly profile: OsProfile;
  readonly target: Target;
  readonly workload: Workload;
  readonly durationMs: number;
  readonly seed: number;
  /** How long compute steps run; `worst` by default. */
  readonly exec?: ExecMode;
  /** How periodic jobs are released; by default `exact` on a zero-cost target (the ideal one), else `tick`. */
  readonly releases?: ReleaseMode;
}

/** The interrupt line that releases each task (I/O lines and sporadic release lines), by task index. */
function releaseLines(workload: Workload, lines: ReadonlyMap<string, number>): (number | undefined)[] {
  return workload.tasks.map((t) => (t.trigger.kind === 'io' ? lines.get(t.trigger.line) : t.trigger.kind === 'sporadic' ? lines.get(`release:${t.name}`) : undefined));
}

/** Runs a workload on a kernel and measures it: metrics from the probe, code and RAM from the blocks. */
export function runProfile(run: ProfileRun): RunMetrics & { readonly profile: string; readonly workload: string; readonly exec: ExecMode } {
  let lines: ReadonlyMap<string, number> = new Map();
  const exec = run.exec ?? 'worst';
  // The zero-cost target exists to compare schedules with textbooks, which release jobs exactly.
  const releases = run.releases ?? (run.target.zeroCost === true ? 'exact' : 'tick');
  const metrics = runAndMeasure({
    target: run.target,
    seed: run.seed,
    durationMs: run.durationMs,
    nestedInterrupts: run.profile.nestedInterrupts,
    boot: (engine) => {
      const system = bootSystem({ engine, workload: run.workload, profile: run.profile, exec, releases });
      lines = system.lines;
      return system;
    },
    lineOfTask: () => releaseLines(run.workload, lines),
    footprint: footprint(run.profile, run.target, run.workload),
  });
  return { profile: run.profile.id, workload: run.workload.name, exec, ...metrics };
}
