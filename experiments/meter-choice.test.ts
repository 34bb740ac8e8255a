import { describe, expect, it } from 'vitest';
import { compare, comparisonRows } from '../compare/compare.ts';
import { loadWorkload } from '../workloads/load.ts';
import { getExperiment } from './registry.ts';
import { runExperiment } from './runner/run-experiment.ts';
import { METER_CHOICE_WORKLOAD } from './meter-choice.ts';

describe('the meter-choice experiment', () => {
  it('is `kbench compare --adapt` on the M4 management module over every real MCU, row for row', async () => {
    const experiment = getExperiment('meter-choice');
    const settings = experiment.settings('quick');
    const result = await runExperiment('meter-choice', 'quick');
    const direct = compare({ workload: loadWorkload(METER_CHOICE_WORKLOAD), durationMs: settings.durationMs ?? 0, seed: 1, adapt: true });
    expect(direct.targets).toEqual(settings.targets);
    expect(result.rows).toEqual(comparisonRows(direct));
  });
});
