import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../exit-codes.ts';
import { runKbench } from '../run-kbench.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kbench-report-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('kbench report', () => {
  it('exits 2 naming a results folder that does not exist, and writes no report', async () => {
    const missing = join(scratch, 'no-such-results');
    const paper = join(scratch, 'paper');
    const run = await runKbench(['report', '--results-dir', missing, '--paper-dir', paper]);
    expect(run.status).toBe(ExitCode.BadInput);
    expect(run.stderr).toContain(`--results-dir: the results folder ${missing} does not exist`);
    expect(existsSync(paper)).toBe(false);
  });

  it('exits 2 when the results folder is a file', async () => {
    const file = join(scratch, 'results.json');
    writeFileSync(file, '{}');
    const run = await runKbench(['report', '--results-dir', file, '--paper-dir', join(scratch, 'paper')]);
    expect(run.status).toBe(ExitCode.BadInput);
    expect(run.stderr).toContain(`--results-dir: ${file} is not a folder`);
  });
});
