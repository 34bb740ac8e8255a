import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { studiedTargets } from '../../hardware/targets/index.ts';
import { parseWorkload } from '../../workloads/schema.ts';
import { ExitCode } from '../exit-codes.ts';
import { runKbench } from '../run-kbench.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kbench-init-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('kbench init', () => {
  it('writes a template workload that analyze accepts and finds schedulable, on each studied target', async () => {
    for (const target of studiedTargets()) {
      const file = join(scratch, `${target.id}.json`);
      const init = await runKbench(['init', '--target', target.id, '--out', file]);
      expect(init.status, target.id).toBe(ExitCode.Ok);
      const analyzed = await runKbench(['analyze', '--workload', file, '--policy', 'fp']);
      expect(analyzed.status, analyzed.stderr).toBe(ExitCode.Ok);
      expect(analyzed.stdout).toMatch(/^kbench analyze: my-meter on /);
    }
  });

  it('explains every task and interrupt line in its source and cites the reference target in its description', async () => {
    const init = await runKbench(['init', '--target', 'm4']);
    expect(init.status).toBe(ExitCode.Ok);
    const workload = parseWorkload(JSON.parse(init.stdout), 'stdout');
    expect(workload.referenceTarget).toBe('m4');
    expect(workload.description).toMatch(/cycles on m4 at 200 MHz/);
    for (const item of [...workload.tasks, ...(workload.ioLines ?? [])]) expect(item.source, item.name).toMatch(/\S/);
  });

  it('prices the same microseconds of work in each target clock: cycles scale with the clock', async () => {
    const cyclesOn = async (id: string): Promise<number> => {
      const w = parseWorkload(JSON.parse((await runKbench(['init', '--target', id])).stdout), id);
      return w.ioLines?.[0]?.isrCycles ?? Number.NaN;
    };
    // The AVR runs at 8 MHz and the M4 at 200 MHz: 25 times the cycles for the same time.
    expect(await cyclesOn('m4')).toBe(25 * (await cyclesOn('avr')));
  });

  it('refuses to overwrite a file without --force, and a target at another clock, each with exit 2', async () => {
    const file = join(scratch, 'mine.json');
    writeFileSync(file, 'my own workload');
    const kept = await runKbench(['init', '--out', file]);
    expect(kept.status).toBe(ExitCode.BadInput);
    expect(kept.stderr).toContain(`--out: ${file} exists; give --force`);
    expect(readFileSync(file, 'utf8')).toBe('my own workload');
    expect((await runKbench(['init', '--out', file, '--force'])).status).toBe(ExitCode.Ok);
    const clocked = await runKbench(['init', '--target', 'avr@7.3728MHz']);
    expect(clocked.status).toBe(ExitCode.BadInput);
    expect(clocked.stderr).toMatch(/--target: give a target id without a clock/);
  });
});
