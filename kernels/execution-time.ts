import type { Prng } from '../hardware/prng.ts';

/*
 * The execution-time model: how long each job's compute steps run, between the workload's
 * `bestCycles` and `cycles`. `worst` runs every step for its worst case (the bound checks' default,
 * and what every run did before the model existed); `best` for its best case; `uniform` draws each
 * step's cycles uniformly from [best, worst], seeded, from a stream of the task's own so that no
 * other seeded source (sporadic arrivals, random I/O) draws differently.
 */

/** The execution-time modes, in the order the CLI lists them. */
export const EXEC_MODES = ['worst', 'uniform', 'best'] as const;

/** How long a job's compute steps run. */
export type ExecMode = (typeof EXEC_MODES)[number];

/** The cycles one compute piece runs in one job, given its best and worst case. */
export type CyclesDraw = (bestCycles: number, worstCycles: number) => number;

/** True when `text` names an execution-time mode. */
export function isExecMode(text: string): text is ExecMode {
  return (EXEC_MODES as readonly string[]).includes(text);
}

/**
 * The draw of a mode, or undefined for `worst` (the runners then use the worst case directly, so a
 * worst-case run draws nothing and stays as it always was). `rng` is called once, only by `uniform`.
 */
export function cyclesDraw(mode: ExecMode, rng: () => Prng): CyclesDraw | undefined {
  if (mode === 'worst') return undefined;
  if (mode === 'best') return (best) => best;
  const stream = rng();
  return (best, worst) => (best >= worst ? worst : stream.intBetween(best, worst));
}
