import { TraceMetricsCollector, type TraceMetrics } from '../analysis/trace-metrics.ts';
import { Engine } from '../hardware/engine.ts';
import type { Target } from '../hardware/target.ts';
import { msToCycles } from '../hardware/units.ts';
import type { Footprint, KernelSystem, ReleaseQuantisation } from '../kernels/types.ts';

/*
 * One measured run: a kernel system booted on a fresh engine, run for a simulated duration, and
 * its metrics read from the probe. The plumbing of `kbench run` and of every experiment unit that
 * runs a kernel (fig1, fig2, fig3, fig4, bounds, indicators, breakdown).
 */

/** What to run. */
export interface RunRequest {
  readonly target: Target;
  readonly seed: number;
  readonly durationMs: number;
  /** Let interrupts nest, as the profile's kernel-aware ISRs do (`OsProfile.nestedInterrupts`). */
  readonly nestedInterrupts?: boolean;
  /** Boots the system on the engine (e.g. `(engine) => bootSystem(design, workload, engine)`). */
  readonly boot: (engine: Engine) => KernelSystem;
  /**
   * For each task (by index), the engine line id of the interrupt that triggers it, or undefined
   * for a timed task. Called after boot, when the kernel has added its interrupt lines.
   */
  readonly lineOfTask?: (engine: Engine) => readonly (number | undefined)[];
  /** Code and RAM of the configuration, when the kernel reports them. */
  readonly footprint?: Footprint;
}

/** `kbench run`'s output: the trace metrics with the run's inputs and the footprint. */
export interface RunMetrics extends TraceMetrics {
  readonly target: string;
  readonly seed: number;
  readonly durationMs: number;
  readonly codeBytes: number | null;
  readonly ramBytes: number | null;
  /** How the kernel quantised periodic releases (responses count from the true arrival either way); null when it does not say. */
  readonly releaseQuantisation: ReleaseQuantisation | null;
}

/** Boots, runs and measures one system. Pure and deterministic for a given request. */
export function runAndMeasure(request: RunRequest): RunMetrics {
  const engine = new Engine({ target: request.target, seed: request.seed, nestedInterrupts: request.nestedInterrupts ?? false });
  // Attached before boot to see releases at time 0; the line ids are filled in once boot assigns them.
  const lines: (number | undefined)[] = [];
  const collector = new TraceMetricsCollector(engine, lines);
  const system = request.boot(engine);
  lines.push(...(request.lineOfTask?.(engine) ?? []));
  system.run(msToCycles(request.target, request.durationMs));
  return {
    target: request.target.id,
    seed: request.seed,
    durationMs: request.durationMs,
    ...collector.collect(system.taskNames),
    codeBytes: request.footprint?.codeBytes ?? null,
    ramBytes: request.footprint?.ramBytes ?? null,
    releaseQuantisation: system.releaseQuantisation ?? null,
  };
}
