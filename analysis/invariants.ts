import type { ModelBounds, TaskSetModel } from './model.ts';

/*
 * Relations every analysis result must satisfy: C^b_i <= BCRT_i <= WCRT_i, C_i <= WCRT_i, and
 * jitter = WCRT_i - BCRT_i >= 0. A result that breaks one is a bug (or an input the analysis does
 * not cover); it must stop the run loudly rather than reach a report as a number.
 */

/** A broken relation between a task's execution times and its analysed bounds. */
export class AnalysisInvariantError extends Error {
  constructor(
    readonly task: string,
    readonly relation: string,
  ) {
    super(`analysis invariant broken for task "${task}": ${relation}`);
    this.name = 'AnalysisInvariantError';
  }
}

/** Returns `bounds` unchanged, or throws an AnalysisInvariantError naming the first task and relation broken. */
export function checkedBounds(model: TaskSetModel, bounds: readonly ModelBounds[]): ModelBounds[] {
  bounds.forEach((b, i) => {
    const t = model.tasks[i];
    if (t === undefined) throw new AnalysisInvariantError(b.name, `no task at index ${i} for this result`);
    const fail = (relation: string): never => {
      throw new AnalysisInvariantError(t.name, relation);
    };
    if (Number.isNaN(b.wcrtCycles) || Number.isNaN(b.bcrtCycles) || Number.isNaN(b.jitterCycles)) fail(`a bound is NaN (WCRT ${b.wcrtCycles}, BCRT ${b.bcrtCycles}, jitter ${b.jitterCycles})`);
    if (!(t.bcetCycles <= b.bcrtCycles)) fail(`C^b ${t.bcetCycles} <= BCRT ${b.bcrtCycles}`);
    if (!(b.bcrtCycles <= b.wcrtCycles)) fail(`BCRT ${b.bcrtCycles} <= WCRT ${b.wcrtCycles}`);
    if (!(t.wcetCycles <= b.wcrtCycles)) fail(`C ${t.wcetCycles} <= WCRT ${b.wcrtCycles}`);
    if (!(b.jitterCycles >= 0)) fail(`jitter ${b.jitterCycles} >= 0`);
  });
  return [...bounds];
}
