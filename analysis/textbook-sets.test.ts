import { describe, expect, it } from 'vitest';
import { analyzeModel } from './analyze.ts';
import { simulateResponses } from './reference-schedule.ts';
import { textbookModel } from './textbook-model.ts';
import { TEXTBOOK_SETS } from './textbook-sets.ts';

/** Least common multiple of the periods: the schedule of strictly periodic releases repeats with it. */
const hyperperiod = (periods: readonly number[]): number => {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  return periods.reduce((l, p) => (l * p) / gcd(l, p), 1);
};

/** Largest simulated response per task over every combination of release offsets (small sets only). */
function worstOverAllOffsets(set: (typeof TEXTBOOK_SETS)[number]): number[] {
  const model = textbookModel(set);
  const horizon = 3 * hyperperiod(model.tasks.map((t) => t.periodCycles)) + Math.max(...model.tasks.map((t) => t.deadlineCycles));
  const worst = model.tasks.map(() => 0);
  const visit = (offsets: number[]): void => {
    if (offsets.length === model.tasks.length) {
      simulateResponses(model.tasks, offsets, horizon, set.policy).worst.forEach((w, i) => (worst[i] = Math.max(worst[i] ?? 0, w)));
      return;
    }
    // Only relative phasing matters (the schedule repeats each hyperperiod): the first task stays at 0.
    const last = offsets.length === 0 ? 1 : (model.tasks[offsets.length]?.periodCycles ?? 0);
    for (let o = 0; o < last; o++) visit([...offsets, o]);
  };
  visit([]);
  return worst;
}

describe('textbook vectors: the corrected analysis reproduces each WCRT exactly', () => {
  for (const set of TEXTBOOK_SETS) {
    it(`${set.id} (${set.provenance}): ${JSON.stringify(set.wcrt)}`, () => {
      const model = textbookModel(set);
      const bounds = analyzeModel(model, set.policy, 'corrected');
      expect(Object.fromEntries(bounds.map((b) => [b.name, b.wcrtCycles]))).toEqual(set.wcrt);
      expect(bounds.every((b) => b.exact !== false)).toBe(true);
    });
  }
});

describe('textbook vectors: the reference scheduler reaches each WCRT at its witness offsets and never exceeds it', () => {
  for (const set of TEXTBOOK_SETS.filter((s) => s.witnessOffsets !== undefined)) {
    it(set.id, () => {
      const model = textbookModel(set);
      const horizon = 3 * hyperperiod(model.tasks.map((t) => t.periodCycles));
      const reached = (name: string): number | undefined => set.periodicWorst?.[name] ?? set.wcrt[name];
      model.tasks.forEach((t, i) => {
        const offsets = set.witnessOffsets?.[t.name] ?? [];
        expect(simulateResponses(model.tasks, offsets, horizon, set.policy).worst[i]).toBe(reached(t.name));
      });
      expect(worstOverAllOffsets(set)).toEqual(model.tasks.map((t) => reached(t.name)));
    });
  }
});
