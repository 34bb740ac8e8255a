import type { Cycles } from '../../hardware/units.ts';
import type { Kernel } from './kernel.ts';
import type { Semaphore } from './objects.ts';

/** One periodic task released by the exact timer: its release signal and when each job is released. */
export interface TimedRelease {
  /** The task's index: simultaneous releases are posted in task order. */
  readonly task: number;
  readonly signal: Semaphore;
  /** When job j (0-based) is released: its arrival plus its release jitter. Called once per job, in order. */
  readonly releaseCycles: (job: number) => Cycles;
}

/**
 * Exact (tickless) releases: an engine timer per task fires at each job's release, and a release
 * interrupt posts the release signals of every task due. Timers due at one cycle all fire before
 * the interrupt runs (the engine's rule), so simultaneous releases meet one scheduling decision, as
 * in a textbook schedule; they are posted in task order, so equal keys (EDF's equal deadlines)
 * queue by task index, the textbook's tie-break. The line is registered after every other line, so the engine's seeded
 * sources keep the streams they had. Returns the line's id.
 */
export function addReleaseTimers(kernel: Kernel, releases: readonly TimedRelease[]): number {
  const engine = kernel.engine;
  const due: TimedRelease[] = [];
  const id = engine.addInterrupt({
    name: 'release',
    priority: 0,
    source: { kind: 'manual' },
    ...kernel.isrHandler((isr, exit) => {
      let cycles = 0;
      due.sort((a, b) => a.task - b.task);
      for (const r of due) cycles += kernel.isrGive(r.signal);
      due.length = 0;
      kernel.isrTail(isr, cycles, exit);
    }),
  });
  for (const r of releases) {
    let job = 0;
    const fire = (): void => {
      // One request covers every release due before the handler drains the list.
      if (due.length === 0) engine.raise(id);
      due.push(r);
      // Jitter never exceeds the period, so releases come in order; the max absorbs rounding to cycles.
      engine.at(Math.max(engine.now, r.releaseCycles(++job)), fire);
    };
    engine.at(r.releaseCycles(0), fire);
  }
  return id;
}
