import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../exit-codes.ts';
import { runKbench } from '../run-kbench.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kbench-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const kbench = (...args: string[]) => runKbench(args);

describe('kbench experiment commands', () => {
  it('exit 2 naming the option and the rule on bad input', async () => {
    const cases: [string[], RegExp][] = [
      [['reproduce', '--only', 'nope'], /--only: unknown experiment "nope"/],
      [['sweep', '--experiment', 'port-costs', '--shard', '3/2', '--out', scratch], /--shard: must be i\/n/],
      [['reproduce', '--workers', 'many'], /--workers: must be a whole number/],
      [['merge', join(scratch, 'missing')], /merge: .*missing: no such file/],
    ];
    for (const [args, message] of cases) {
      const r = await kbench(...args);
      expect(r.status).toBe(ExitCode.BadInput);
      expect(r.stderr).toMatch(message);
    }
  });

  it('sweep two shards and merge them into the results a single reproduce writes', async () => {
    const shards = join(scratch, 'shards');
    for (const shard of ['0/2', '1/2']) expect((await kbench('sweep', '--experiment', 'port-costs', '--quick', '--workers', '0', '--shard', shard, '--out', shards)).status).toBe(ExitCode.Ok);
    const merged = await kbench('merge', shards, '--results-dir', join(scratch, 'merged'), '--json');
    expect(merged.status).toBe(ExitCode.Ok);
    // 8 port blocks on each of 3 targets, plus the tail-chain on the two Cortex-M4 targets: 26 rows.
    expect((JSON.parse(merged.stdout) as { merged: unknown }).merged).toEqual([{ id: 'port-costs', shards: 2, units: 3, rows: 26 }]);
    const single = await kbench('reproduce', '--quick', '--only', 'port-costs', '--workers', '0', '--no-report', '--json', '--results-dir', join(scratch, 'single'));
    expect(single.status).toBe(ExitCode.Ok);
    expect(JSON.parse(single.stdout)).toMatchObject({ wallMs: expect.any(Number), cpuMs: expect.any(Number) });
    expect(readFileSync(join(scratch, 'merged', 'port-costs.json'), 'utf8')).toBe(readFileSync(join(scratch, 'single', 'port-costs.json'), 'utf8'));
  });

  it('reproduce without a terminal prints one line per experiment, with its name, and no progress display', async () => {
    const tty = Object.getOwnPropertyDescriptor(process.stdout, 'isTTY');
    Object.defineProperty(process.stdout, 'isTTY', { value: false, configurable: true });
    try {
      const r = await kbench('reproduce', '--quick', '--only', 'port-costs', '--workers', '0', '--no-report', '--results-dir', join(scratch, 'plain'));
      expect(r.status).toBe(ExitCode.Ok);
      const lines = r.stdout.trim().split('\n');
      expect(lines.filter((l) => l.includes('port-costs'))).toEqual(['experiments (quick, 0 workers): port-costs', expect.stringMatching(/^port-costs \(Port code per target.*\): 26 rows from 3 units in [\d.]+ s$/)]);
      expect(lines).toHaveLength(3);
      // The summary gives the wall time and the process's CPU time (every thread), which a busy machine cannot stretch.
      expect(lines[2]).toMatch(/^reproduce \(quick, 0 workers\): [\d.]+ s \(CPU [\d.]+ s\)$/);
    } finally {
      if (tty === undefined) delete (process.stdout as { isTTY?: boolean }).isTTY;
      else Object.defineProperty(process.stdout, 'isTTY', tty);
    }
  });

  it('merge of a truncated shard file exits 2 naming the file, and writes no results', async () => {
    const shards = join(scratch, 'truncated');
    expect((await kbench('sweep', '--experiment', 'port-costs', '--quick', '--workers', '0', '--shard', '0/1', '--out', shards)).status).toBe(ExitCode.Ok);
    const file = join(shards, 'port-costs.shard-0-of-1.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, text.length / 2));
    const r = await kbench('merge', shards, '--results-dir', join(scratch, 'truncated-results'));
    expect(r.status).toBe(ExitCode.BadInput);
    expect(r.stderr).toContain(`merge: ${file}: not valid JSON, so cut short or damaged`);
    expect(existsSync(join(scratch, 'truncated-results'))).toBe(false);
  });

  it('reproduce and sweep exit 130 when interrupted, leaving no results or shard file', async () => {
    const interrupted = AbortSignal.abort();
    const env = { interruptSignal: () => interrupted };
    const reproduce = await runKbench(['reproduce', '--quick', '--only', 'port-costs', '--workers', '0', '--no-report', '--json', '--results-dir', join(scratch, 'stopped')], env);
    expect(reproduce.status).toBe(ExitCode.Interrupted);
    expect(reproduce.stderr).toMatch(/interrupted; every file written is whole: rerun the same command \(reproduce resumes where it stopped/);
    expect(existsSync(join(scratch, 'stopped', 'port-costs.json'))).toBe(false);
    const sweep = await runKbench(['sweep', '--experiment', 'port-costs', '--quick', '--workers', '0', '--shard', '0/1', '--out', join(scratch, 'stopped-shards')], env);
    expect(sweep.status).toBe(ExitCode.Interrupted);
    expect(sweep.stderr).toMatch(/sweep starts its shard again/);
    expect(existsSync(join(scratch, 'stopped-shards'))).toBe(false);
  });
});
