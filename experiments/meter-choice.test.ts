import { describe, expect, it } from 'vitest';
import { compare, comparisonRows, type Comparison } from '../compare/compare.ts';
import { loadWorkload } from '../workloads/load.ts';
import { getExperiment } from './registry.ts';
import { runExperiment } from './runner/run-experiment.ts';
import { METER_CHOICE_WORKLOADS } from './meter-choice.ts';

describe('the meter-choice experiment', () => {
  const experiment = getExperiment('meter-choice');
  const settings = experiment.settings('quick');
  const result = runExperiment('meter-choice', 'quick');
  // Each workload's `kbench compare --adapt`, run once for both tests that hold the rows against it.
  const comparisons = new Map<string, Comparison>();
  const directCompare = (workload: string): Comparison => {
    let direct = comparisons.get(workload);
    if (direct === undefined) {
      direct = compare({ workload: loadWorkload(workload), durationMs: settings.durationMs ?? 0, seed: 1, adapt: true });
      comparisons.set(workload, direct);
    }
    return direct;
  };

  it.each(METER_CHOICE_WORKLOADS)('is `kbench compare --adapt` on %s over every real MCU, row for row', async (workload) => {
    const rows = (await result).rows.filter((r) => r.workload === workload);
    const direct = directCompare(workload);
    expect(direct.targets).toEqual(settings.targets);
    expect(rows.map(({ workload: _w, appWorstResponseUs: _a, ...flat }) => flat)).toEqual(comparisonRows(direct));
  });

  it("gives each hosted row the longest simulated response of the isolated workload's APP tasks, by task name in both workloads", async () => {
    const rows = (await result).rows;
    const isolated = loadWorkload('m4-multi-app-meter');
    const appTasks = isolated.tasks.filter((t) => t.app !== undefined).map((t) => t.name);
    expect(appTasks).toEqual(['app-tariff', 'app-load-monitor']);
    for (const workload of METER_CHOICE_WORKLOADS) {
      const direct = directCompare(workload);
      for (const ranked of direct.rows) {
        const row = rows.find((r) => r.workload === workload && r.profile === ranked.profile && r.target === ranked.target);
        const expected = ranked.hosted ? Math.max(...ranked.tasks.filter((t) => appTasks.includes(t.task)).map((t) => t.simulatedWorstUs)) : null;
        expect(row?.appWorstResponseUs, `${workload} ${ranked.profile} ${ranked.target}`).toBe(expected);
      }
    }
  });

  it('has every column it declares, in order, on every row', async () => {
    for (const row of (await result).rows) expect(Object.keys(row)).toEqual([...experiment.columns]);
  });
});
