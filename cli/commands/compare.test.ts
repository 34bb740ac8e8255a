import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../exit-codes.ts';
import { runKbench } from '../run-kbench.ts';

const METER = 'workloads/meter/m4-management-module.json';
const kbench = (...args: string[]) => runKbench(['compare', '--workload', METER, '--duration-ms', '200', ...args]);
const scratch = mkdtempSync(join(tmpdir(), 'kbench-compare-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('kbench compare', () => {
  it('prints the recommendation first, the rule, a row per profile and target, and every rejection with its reason', async () => {
    const run = await kbench('--targets', 'avr,m4,m4-f407');
    expect(run.status).toBe(ExitCode.Ok);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^Recommended: .+ on (m4|m4-f407): meets every deadline .*margin: [\d.]+% minimum slack, breakdown factor [\d.]+/);
    expect(lines.some((l) => l.startsWith('ranked by: '))).toBe(true);
    const json = JSON.parse((await kbench('--targets', 'avr,m4,m4-f407', '--json')).stdout) as { rows: { profile: string; target: string; hosted: boolean; reason?: string }[] };
    const rejected = json.rows.filter((r) => !r.hosted);
    expect(rejected.length).toBeGreaterThan(0);
    for (const r of rejected) expect(run.stdout).toContain(`${r.profile} on ${r.target}: ${r.reason}`);
    for (const target of ['avr', 'm4', 'm4-f407']) expect(json.rows.filter((r) => r.target === target).length).toBe(json.rows.length / 3);
  });

  it('with --adapt lists every change made for a profile', async () => {
    const json = JSON.parse((await kbench('--targets', 'm4', '--adapt', '--json')).stdout) as { adapt: boolean; rows: { profile: string; hosted: boolean; adaptations: string[] }[] };
    expect(json.adapt).toBe(true);
    const worix = json.rows.find((r) => r.profile === 'worix');
    expect(worix?.hosted).toBe(true);
    expect(worix?.adaptations.some((a) => a.startsWith("priorities folded into worix's 6 levels"))).toBe(true);
    const text = (await kbench('--targets', 'm4', '--adapt')).stdout;
    for (const a of worix?.adaptations ?? []) expect(text).toContain(a);
  });

  it('stamps its JSON, prints CSV with a header, and is byte-identical run to run', async () => {
    const first = await kbench('--targets', 'm4', '--json');
    expect(JSON.parse(first.stdout)).toMatchObject({ format: 'compare', formatVersion: 1, workload: 'm4-management-module', durationMs: 200, seed: 1 });
    expect((await kbench('--targets', 'm4', '--json')).stdout).toBe(first.stdout);
    const csv = (await kbench('--targets', 'm4', '--csv')).stdout.trimEnd().split('\n');
    expect(csv[0]).toBe('rank,profile,design,target,verdict,minSlackPercent,breakdownFactor,deadlineMisses,maxIrqOffUs,cpuTaskPercent,cpuKernelPercent,cpuIsrPercent,cpuIdlePercent,codeBytes,ramBytes,adaptations,reason');
    expect(csv.length - 1).toBe((JSON.parse(first.stdout) as { rows: unknown[] }).rows.length);
  });

  it('writes --html as one self-contained page: the recommendation, the table, nothing loaded from elsewhere', async () => {
    const file = join(scratch, 'compare.html');
    const run = await kbench('--targets', 'm4', '--html', file);
    expect(run.stderr).toContain(`comparison written to ${file}`);
    const page = readFileSync(file, 'utf8');
    const recommendation = run.stdout.split('\n')[0] ?? '';
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain(recommendation.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;'));
    expect(page).toContain('<table>');
    expect(page).not.toMatch(/<script|<link|src=|href=/);
  });

  it.each([
    [['--targets', 'avr,nope'], '--targets'],
    [['--targets', 'm4,m4'], '--targets: "m4" is named twice'],
    [['--targets', 'm4,'], '--targets'],
    [['--duration-ms', '0'], '--duration-ms'],
    [['--seed', '-1'], '--seed'],
    [['--json', '--csv'], '--csv'],
  ])('refuses %j with exit 2 naming the option', async (args, named) => {
    const run = await kbench(...args);
    expect(run.status).toBe(ExitCode.BadInput);
    expect(run.stderr).toContain(named);
  });

  it('refuses a workload file that does not exist with exit 2 naming --workload', async () => {
    const run = await runKbench(['compare', '--workload', join(scratch, 'missing.json')]);
    expect(run.status).toBe(ExitCode.BadInput);
    expect(run.stderr).toContain('--workload');
  });

  it('refuses a workload with a bad field with exit 2 naming the field', async () => {
    const file = join(scratch, 'bad.json');
    const task = { name: 't', priority: 0, trigger: { kind: 'periodic', periodUs: -5 }, body: [{ op: 'compute', cycles: 10 }] };
    writeFileSync(file, JSON.stringify({ name: 'bad', description: 'd', referenceTarget: 'm4', tickHz: 1000, tasks: [task] }));
    const run = await runKbench(['compare', '--workload', file]);
    expect(run.status).toBe(ExitCode.BadInput);
    expect(run.stderr).toContain('tasks[0].trigger.periodUs');
  });
});
