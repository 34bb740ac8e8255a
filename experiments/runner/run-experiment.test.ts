import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runKbench } from '../../cli/run-kbench.ts';
import { runExperiment } from './run-experiment.ts';

describe('runExperiment', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'kbench-run-experiment-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('returns the rows `kbench reproduce` writes for the experiment, writing nothing itself', async () => {
    const resultsDir = join(scratch, 'results');
    const reproduced = await runKbench(['reproduce', '--quick', '--only', 'port-costs', '--workers', '0', '--no-report', '--json', '--results-dir', resultsDir]);
    expect(reproduced.status).toBe(0);
    const written = JSON.parse(readFileSync(join(resultsDir, 'port-costs.json'), 'utf8')) as { rows: unknown[] };
    const result = await runExperiment('port-costs', 'quick');
    expect(result.experiment).toBe('port-costs');
    expect(result.rows.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(result.rows))).toEqual(written.rows);
  });

  it('refuses an unknown experiment, naming the known ones', async () => {
    await expect(runExperiment('no-such-study')).rejects.toThrow(/unknown experiment "no-such-study": known experiments are .*port-costs/);
  });
});
