import { describe, expect, it } from 'vitest';
import { COINCIDENT_SHARE_OF_AXIS, coincidenceNotes, coincidences, coincidenceTolerance, type SeriesPoint } from './coincidence.ts';

const TASKS = [1, 2, 3, 4, 5, 6, 7, 8];

function series(name: string, y: (x: number) => number): SeriesPoint[] {
  return TASKS.map((x) => ({ series: name, x, y: y(x) }));
}

const WORDS = { every: 'at every task count', range: (a: number, b: number) => `at ${a}-${b} tasks` };

describe('the coincidence finder', () => {
  it('finds two equal series at every x, the later drawn over the earlier, with a gap of 0', () => {
    const found = coincidences([...series('uKernel', () => 31.38), ...series('uC/OS-II', () => 31.38), ...series('WORIX', (x) => 40 + 10 * x)], 0.5);
    expect(found).toEqual([{ hidden: 'uKernel', over: 'uC/OS-II', xs: TASKS, everywhere: true, maxGap: 0 }]);
  });

  it('takes a crossing for no coincidence: lines that meet at one x, or along one segment, are told apart', () => {
    // A rises 10 per task, B falls 10 per task: they meet at x = 4.5 only, never within 1 at a point.
    expect(coincidences([...series('A', (x) => 10 * x), ...series('B', (x) => 90 - 10 * x)], 1)).toEqual([]);
    // C meets D at x = 4 and 5 (one segment), then parts: two points are still a crossing.
    const d = (x: number): number => (x === 4 || x === 5 ? 50 : 10 * x);
    expect(coincidences([...series('C', () => 50), ...series('D', d)], 1)).toEqual([]);
  });

  it('reports a stretch of three or more points within the tolerance, with the largest gap over it', () => {
    // E = F + 0.3 at tasks 5-8 and far apart before: one run, 5-8, not everywhere.
    const found = coincidences([...series('E', (x) => (x >= 5 ? 20.3 : 2 * x)), ...series('F', () => 20)], 0.5);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ hidden: 'E', over: 'F', xs: [5, 6, 7, 8], everywhere: false });
    expect(found[0]?.maxGap).toBeCloseTo(0.3, 10);
  });

  it("sets the tolerance from the chart's y extent, from 0 to the largest value", () => {
    // Values 30..120 on an axis from 0: the extent is 120.
    const points = [...series('A', () => 30), ...series('B', (x) => 15 * x)];
    expect(coincidenceTolerance(points)).toBeCloseTo(120 * COINCIDENT_SHARE_OF_AXIS, 12);
  });

  it('writes each coincidence as a sentence from rows with named fields, and can keep only those at every x', () => {
    const rows = [
      ...TASKS.map((tasks) => ({ profileName: 'uKernel', tasks, us: 31.38 })),
      ...TASKS.map((tasks) => ({ profileName: 'uC/OS-II 128', tasks, us: 31.38 })),
      // Within 1% of the 0-100 axis of uC/OS-II at 6-8 tasks only.
      ...TASKS.map((tasks) => ({ profileName: 'WORIX', tasks, us: tasks >= 6 ? 31.9 : 100 })),
    ];
    const fields = { series: 'profileName', x: 'tasks', y: 'us' };
    expect(coincidenceNotes(rows, fields, WORDS, 'us')).toEqual([
      'uKernel coincides with uC/OS-II 128 at every task count',
      'uKernel lies within 0.52 us of WORIX at 6-8 tasks',
      'uC/OS-II 128 lies within 0.52 us of WORIX at 6-8 tasks',
    ]);
    expect(coincidenceNotes(rows, fields, WORDS, 'us', { everywhereOnly: true })).toEqual(['uKernel coincides with uC/OS-II 128 at every task count']);
  });
});
