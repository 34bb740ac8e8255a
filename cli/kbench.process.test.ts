import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExitCode } from './exit-codes.ts';
import { startKbench } from './run-kbench.ts';
import { writePeriodicWorkload } from './test-workloads.ts';

/*
 * The only tests that start `kbench` as a process: what a process alone shows (the bin script sets
 * the exit code; Ctrl-C). Everything else runs in process through `runKbench`. The process runs the
 * compiled CLI, which starts in a fraction of a second, so the suite's timeout holds under load.
 */

const scratch = mkdtempSync(join(tmpdir(), 'kbench-process-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const entries: Dirent[] = readdirSync(dir, { recursive: true, withFileTypes: true });
  return entries.filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
}

/** Resolves once `found()` is true, checking every 20 ms. */
async function until(found: () => boolean): Promise<void> {
  while (!found()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('the kbench process', () => {
  it('exits 3 after printing the JSON report when a task set needs more than the whole CPU', async () => {
    // Two tasks each computing 6 ms every 10 ms: 120% of the CPU.
    const overloaded = writePeriodicWorkload(scratch, 'overloaded', [
      { periodMs: 10, computeMs: 6 },
      { periodMs: 10, computeMs: 6 },
    ]);
    const run = await startKbench(['analyze', '--workload', overloaded, '--policy', 'fp', '--json']).finished;
    expect(run.status).toBe(ExitCode.CheckFailed);
    expect((JSON.parse(run.stdout) as { schedulable: boolean }).schedulable).toBe(false);
  });

  it('exits 130 on Ctrl-C during reproduce, leaving whole files from which a rerun resumes', async () => {
    // fig1's 96 quick units run in 8 batches on --workers 0; Ctrl-C once the first batch is checkpointed.
    const args = ['reproduce', '--quick', '--only', 'fig1', '--workers', '0', '--no-report', '--json', '--results-dir', 'results'];
    const state = join(scratch, '.kbench-tmp');
    const chunks = (): string[] => filesUnder(state).filter((f) => /chunk-.*\.json$/.test(f));
    const stopped = startKbench(args, scratch);
    await until(() => chunks().length > 0 || stopped.child.exitCode !== null);
    stopped.child.kill('SIGINT');
    const first = await stopped.finished;
    expect([first.status, first.signal]).toEqual([ExitCode.Interrupted, null]);
    expect(first.stderr).toMatch(/interrupted; every file written is whole/);
    expect(existsSync(join(scratch, 'results', 'fig1.json'))).toBe(false);
    expect(filesUnder(scratch).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const chunk of chunks()) expect(() => JSON.parse(readFileSync(chunk, 'utf8'))).not.toThrow();

    const rerun = await startKbench(args, scratch).finished;
    expect(rerun.status).toBe(ExitCode.Ok);
    const outcome = (JSON.parse(rerun.stdout) as { experiments: { id: string; status: string; resumedUnits: number }[] }).experiments[0];
    expect(outcome).toMatchObject({ id: 'fig1', status: 'computed' });
    expect(outcome?.resumedUnits).toBeGreaterThan(0);
    expect(chunks()).toEqual([]);
  });
});
