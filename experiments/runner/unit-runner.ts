import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { computeBatch, type UnitBatch } from './compute.ts';

/** Computes batches of units somewhere: in this thread or on a pool of worker threads. */
export interface UnitRunner {
  /** How many batches can run at once (sizes the batches). */
  readonly parallelism: number;
  /** Each unit's result as JSON text, in `batch.indices` order. */
  run(batch: UnitBatch): Promise<string[]>;
  /** Stops the worker threads, if any. */
  close(): Promise<void>;
}

/** Runs units in the calling thread (tests, and `--workers 0`). */
export function inProcessRunner(): UnitRunner {
  return {
    parallelism: 1,
    // A batch blocks the thread; yielding to the event loop first lets a Ctrl-C between batches
    // reach its handler (signals are delivered as events, never in the middle of a computation).
    run: async (batch) => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      return computeBatch(batch);
    },
    close: () => Promise.resolve(),
  };
}

/**
 * The worker threads' script. Compiled (the CLI runs dist/), the worker is plain JavaScript beside
 * this module and starts at once; run from the TypeScript sources (tests), it goes through the entry
 * that registers the TypeScript loader first.
 */
const WORKER_SCRIPT = new URL(import.meta.url.endsWith('.ts') ? './worker-entry.mjs' : './worker.js', import.meta.url).href;

/** Runs units on `workers` worker threads (piscina). */
export function poolRunner(workers: number): UnitRunner {
  const pool = new Piscina<UnitBatch, string[]>({
    filename: WORKER_SCRIPT,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1000,
  });
  return {
    parallelism: workers,
    run: (batch) => pool.run(batch),
    close: () => pool.destroy(),
  };
}

/** The default worker count: the cores this machine offers. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** A runner for a worker count: 0 means in process. */
export function unitRunner(workers: number): UnitRunner {
  return workers === 0 ? inProcessRunner() : poolRunner(workers);
}
