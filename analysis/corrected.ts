import { edfBestCaseCycles, fpBestCaseCycles } from './best-case.ts';
import { edfWorstCase } from './edf.ts';
import { fpWorstCaseCycles } from './fp.ts';
import type { Policy } from './analyze.ts';
import type { ModelBounds, TaskSetModel } from './model.ts';

/** The corrected (safe) worst case, best case and jitter of every task; `exact: false` marks a coarser EDF fallback. */
export function correctedBounds(model: TaskSetModel, policy: Policy): ModelBounds[] {
  return model.tasks.map((t, i) => {
    if (policy === 'fp') {
      const wcrtCycles = fpWorstCaseCycles(model, i);
      const bcrtCycles = fpBestCaseCycles(model, i, wcrtCycles);
      return { name: t.name, wcrtCycles, bcrtCycles, jitterCycles: wcrtCycles - bcrtCycles };
    }
    const worst = edfWorstCase(model, i);
    const bcrtCycles = edfBestCaseCycles(model, i);
    return { name: t.name, wcrtCycles: worst.cycles, bcrtCycles, jitterCycles: worst.cycles - bcrtCycles, ...(worst.exact ? {} : { exact: false }) };
  });
}
