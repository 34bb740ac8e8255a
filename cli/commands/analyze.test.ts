import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import type { KernelOverheads } from '../../analysis/overheads.ts';
import { runKbench } from '../run-kbench.ts';
import { registerAnalyzeCommand } from './analyze.ts';

const kbench = runKbench;

describe('kbench analyze and kbench schema', () => {
  it('prints per-task bounds of the meter as JSON', () => {
    const run = kbench('analyze', '--workload', 'meter', '--policy', 'edf', '--json');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { policy: string; tasks: { task: string; wcrtUs: number; bcrtUs: number; jitterUs: number; schedulable: boolean }[] };
    expect(report.policy).toBe('edf');
    expect(report.tasks.length).toBeGreaterThan(5);
    for (const row of report.tasks) expect(row.schedulable).toBe(true);
  });

  it('exits with code 2 and names the field for an invalid workload file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kbench-cli-')), 'bad.json');
    writeFileSync(file, JSON.stringify({ name: 'b', description: '', referenceTarget: 'avr', tickHz: 100, tasks: [{ name: 'a', priority: 0, trigger: { kind: 'periodic', periodUs: 0 }, body: [{ op: 'compute', cycles: 10 }] }] }));
    const run = kbench('analyze', '--workload', file, '--policy', 'fp');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/tasks\[0\]\.trigger\.periodUs: must be > 0 us/);
  });

  it('exits with code 2 for an unknown policy or an unavailable profile', () => {
    expect(kbench('analyze', '--workload', 'meter', '--policy', 'rm').status).toBe(2);
    const unknown = kbench('analyze', '--workload', 'meter', '--policy', 'fp', '--profile', 'ucos-ii');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/--profile: unknown profile "ucos-ii"/);
  });

  it('folds the priced kernel costs of a registered profile into the bounds', () => {
    const plain = JSON.parse(kbench('analyze', '--workload', 'meter', '--policy', 'fp', '--json').stdout);
    const withKernel = JSON.parse(kbench('analyze', '--workload', 'meter', '--policy', 'fp', '--profile', 'ucos2', '--target', 'avr', '--json').stdout);
    expect(withKernel.overheadAware).toBe(true);
    expect(withKernel.tasks[0].wcrtCycles).toBeGreaterThan(plain.tasks[0].wcrtCycles);
  });

  it('writes the JSON Schema of workload files', () => {
    const run = kbench('schema');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ type: 'object', required: expect.arrayContaining(['name', 'tasks']) });
  });
});

describe('kbench analyze --profile', () => {
  it('folds in the overheads an injected resolver prices for the profile and target', async () => {
    const costs: KernelOverheads = { tickCycles: 100, releaseCycles: 50, switchCycles: 80, jobEndCycles: 40, isrEntryCycles: 12, isrExitCycles: 12, longestCriticalSectionCycles: 200, tickPeriodCycles: 200_000 };
    const resolver = vi.fn(() => costs);
    const program = new Command().exitOverride();
    registerAnalyzeCommand(program, resolver);
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    try {
      await program.parseAsync(['analyze', '--workload', 'meter', '--policy', 'fp', '--target', 'm4', '--profile', 'ucos-ii', '--json'], { from: 'user' });
    } finally {
      write.mockRestore();
    }
    expect(resolver).toHaveBeenCalledWith('ucos-ii', expect.objectContaining({ id: 'm4' }), expect.objectContaining({ name: 'meter' }));
    expect(JSON.parse(out.join(''))).toMatchObject({ target: 'm4', overheadAware: true });
  });
});
