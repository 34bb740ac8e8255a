/*
 * The schedule `kbench reproduce` gets from its worker pool, replayed from measured unit costs: every
 * experiment starts at once with one lane per worker, a lane sends its next batch when its last one
 * returns, and the pool hands batches to free workers in the order they were sent (piscina's queue).
 * Deterministic, so it says how well the batching balances the workers whatever the machine's load.
 */

/** An experiment's units, each with the host milliseconds it took. */
export interface CostedExperiment {
  readonly id: string;
  readonly unitMs: readonly number[];
}

/** How the units spread over the workers. */
export interface PoolSchedule {
  /** When the last batch returns. */
  readonly makespanMs: number;
  /** Milliseconds each worker computed. */
  readonly busyMs: readonly number[];
  /** Worker time left idle between a worker's last batch and the end. */
  readonly idleAtEndMs: number;
  /** When each experiment's last batch returned. */
  readonly finishMs: ReadonlyMap<string, number>;
}

interface Queued {
  readonly experiment: number;
  readonly costMs: number;
}

/** Replays the pool with `workers` workers, batching each experiment's units with `batchesOf`. */
export function simulatePool(experiments: readonly CostedExperiment[], workers: number, batchesOf: (indices: readonly number[], parallelism: number) => number[][]): PoolSchedule {
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers: must be a whole number >= 1, got ${workers}`);
  const batches = experiments.map((e) => batchesOf([...e.unitMs.keys()], workers).map((b) => b.reduce((sum, i) => sum + (e.unitMs[i] as number), 0)));
  const nextBatch = batches.map(() => 0);
  const queue: Queued[] = [];
  const send = (experiment: number): void => {
    const costMs = batches[experiment]?.[nextBatch[experiment] as number];
    if (costMs === undefined) return;
    nextBatch[experiment] = (nextBatch[experiment] as number) + 1;
    queue.push({ experiment, costMs });
  };
  experiments.forEach((_, e) => {
    for (let lane = 0; lane < workers; lane++) send(e);
  });
  const busyMs = Array.from({ length: workers }, () => 0);
  const lastEndMs = Array.from({ length: workers }, () => 0);
  const running: ({ endMs: number; job: Queued } | undefined)[] = Array.from({ length: workers }, () => undefined);
  const finishMs = new Map<string, number>();
  let now = 0;
  for (;;) {
    for (let w = 0; w < workers && queue.length > 0; w++) {
      if (running[w] === undefined) {
        const job = queue.shift() as Queued;
        running[w] = { endMs: now + job.costMs, job };
      }
    }
    let first = -1;
    running.forEach((r, w) => {
      if (r !== undefined && (first < 0 || r.endMs < (running[first]?.endMs as number))) first = w;
    });
    if (first < 0) break;
    const done = running[first] as { endMs: number; job: Queued };
    running[first] = undefined;
    now = done.endMs;
    busyMs[first] = (busyMs[first] as number) + done.job.costMs;
    lastEndMs[first] = now;
    finishMs.set(experiments[done.job.experiment]?.id as string, now);
    send(done.job.experiment);
  }
  return { makespanMs: now, busyMs, idleAtEndMs: lastEndMs.reduce((sum, end) => sum + (now - end), 0), finishMs };
}
