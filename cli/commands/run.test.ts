import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { avr } from '../../hardware/targets/index.ts';
import { ExitCode } from '../exit-codes.ts';
import { runKbench } from '../run-kbench.ts';
import { writePeriodicWorkload } from '../test-workloads.ts';

const kbench = (...args: string[]) => runKbench(args);
const scratch = mkdtempSync(join(tmpdir(), 'kbench-run-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Metrics {
  tasks: { task: string; deadlineMisses: number }[];
}

describe('kbench run', () => {
  it('runs the meter on uC/OS-II on the AVR and prints metrics from the probe as JSON', async () => {
    const r = await kbench('run', '--profile', 'ucos2', '--target', 'avr', '--workload', 'meter', '--duration-ms', '300', '--json');
    expect(r.status).toBe(ExitCode.Ok);
    const m = JSON.parse(r.stdout);
    expect(m).toMatchObject({ profile: 'ucos2', target: 'avr', workload: 'meter', durationMs: 300, seed: 1 });
    expect(m.maxIrqOffUs).toBeGreaterThan(0);
    expect(m.taskSwitch.count).toBeGreaterThan(0);
    expect(m.codeBytes).toBeGreaterThan(0);
    expect(m.tasks.map((t: { task: string }) => t.task)).toContain('pulse-energy');
    const cpu = m.cpuPercent;
    expect(cpu.task + cpu.kernel + cpu.isr + cpu.idle).toBeCloseTo(100, 0);
  });

  it('gives the same output for the same seed', async () => {
    const args = ['run', '--design', 'sorted-list', '--target', 'm4', '--workload', 'meter', '--duration-ms', '200', '--seed', '7', '--json'];
    expect((await kbench(...args)).stdout).toBe((await kbench(...args)).stdout);
  });

  it('exits 2 naming the field when a workload exceeds the profile', async () => {
    const r = await kbench('run', '--profile', 'worix', '--target', 'avr', '--workload', 'meter', '--duration-ms', '100');
    expect(r.status).toBe(ExitCode.BadInput);
    expect(r.stderr).toMatch(/priority: 6 is outside profile worix's 6 priorities/);
  });

  it('exits 2 on an unknown profile or a missing choice of kernel', async () => {
    const unknown = await kbench('run', '--profile', 'vxworks', '--target', 'avr', '--workload', 'meter');
    expect(unknown.status).toBe(ExitCode.BadInput);
    expect(unknown.stderr).toMatch(/--profile: unknown profile "vxworks"/);
    const neither = await kbench('run', '--target', 'avr', '--workload', 'meter');
    expect(neither.status).toBe(ExitCode.BadInput);
    expect(neither.stderr).toMatch(/give exactly one of --profile <id> or --design <id>/);
  });
});

describe('kbench run --check', () => {
  // Two tasks each computing 6 ms every 10 ms: 120% of the CPU, so jobs must end late. Under fixed
  // priority t2 gets at most 4 ms of every 10, and its first job ends near 18 ms, past its 10 ms deadline.
  const overloaded = writePeriodicWorkload(scratch, 'overloaded', [
    { periodMs: 10, computeMs: 6 },
    { periodMs: 10, computeMs: 6 },
  ]);
  // One task computing 1 ms every 10 ms: 9 ms of slack per job, far more than any kernel cost.
  const light = writePeriodicWorkload(scratch, 'light', [{ periodMs: 10, computeMs: 1 }]);

  it('exits 3 when a job missed its deadline, after printing the metrics (text and JSON)', async () => {
    const json = await kbench('run', '--profile', 'ucos2', '--target', 'avr', '--workload', overloaded, '--duration-ms', '100', '--check', '--json');
    expect(json.status).toBe(ExitCode.CheckFailed);
    const metrics = JSON.parse(json.stdout) as Metrics;
    expect(metrics.tasks.find((t) => t.task === 't2')?.deadlineMisses).toBeGreaterThan(0);
    expect(json.stderr).toMatch(/deadline missed: .*t2 \(\d+ jobs/);
    const text = await kbench('run', '--profile', 'ucos2', '--target', 'avr', '--workload', overloaded, '--duration-ms', '100', '--check');
    expect(text.status).toBe(ExitCode.CheckFailed);
    expect(text.stdout).toMatch(/kbench run: overloaded on ucos2/);
  });

  it('exits 3 for a job still unfinished past its deadline when the run ends, which never reports a miss itself', async () => {
    // t1 takes 9 ms of every 10; t2 needs 20 ms by its 40 ms deadline but gets under 1 ms in 10, so
    // at 60 ms its first job (due at 40 ms) is still running and its second (due at 80 ms) is not late yet.
    const starved = writePeriodicWorkload(scratch, 'starved', [
      { periodMs: 10, computeMs: 9 },
      { periodMs: 40, computeMs: 20 },
    ]);
    const r = await kbench('run', '--profile', 'ucos2', '--target', 'avr', '--workload', starved, '--duration-ms', '60', '--check', '--json');
    expect(r.status).toBe(ExitCode.CheckFailed);
    const t2 = (JSON.parse(r.stdout) as { tasks: { task: string; deadlineMisses: number; overdueAtEnd: number }[] }).tasks.find((t) => t.task === 't2');
    expect(t2).toMatchObject({ deadlineMisses: 0, overdueAtEnd: 1 });
    expect(r.stderr).toMatch(/deadline missed: t2 \(0 jobs, 1 unfinished past it at the end\)/);
  });

  it('exits 0 when no job missed its deadline', async () => {
    const r = await kbench('run', '--profile', 'ucos2', '--target', 'avr', '--workload', light, '--duration-ms', '100', '--check', '--json');
    expect(r.status).toBe(ExitCode.Ok);
    expect((JSON.parse(r.stdout) as Metrics).tasks.map((t) => t.deadlineMisses)).toEqual([0]);
  });

  it('exits 0 without --check even when jobs miss their deadlines', async () => {
    const r = await kbench('run', '--profile', 'ucos2', '--target', 'avr', '--workload', overloaded, '--duration-ms', '100', '--json');
    expect(r.status).toBe(ExitCode.Ok);
  });

  it('exits 2 naming --exec when the execution-time mode is not worst, uniform or best', async () => {
    const r = await kbench('run', '--profile', 'ucos2', '--target', 'avr', '--workload', 'meter', '--duration-ms', '50', '--exec', 'fast');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--exec: must be one of worst, uniform, best, got "fast"/);
  });

  it('states the execution mode and the release quantisation: a tick on the AVR, exact on the ideal target', async () => {
    const onAvr = JSON.parse((await kbench('run', '--profile', 'ucos2', '--target', 'avr', '--workload', 'meter', '--duration-ms', '50', '--json')).stdout);
    expect(onAvr).toMatchObject({ exec: 'worst', releaseQuantisation: { kind: 'tick', tickUs: 1e6 / 1000, tickPeriodCycles: 8e6 / 1000 } });
    const onIdeal = JSON.parse((await kbench('run', '--profile', 'ucos2', '--target', 'ideal', '--workload', 'meter', '--duration-ms', '50', '--exec', 'best', '--json')).stdout);
    expect(onIdeal).toMatchObject({ exec: 'best', releaseQuantisation: { kind: 'exact' }, codeBytes: 0 });
  });
});

describe('kbench run on a target at another clock, and over its memory', () => {
  it('runs the AVR at its 7.3728 MHz option: the same masked cycles last 8 / 7.3728 times as long', async () => {
    const path = writePeriodicWorkload(scratch, 'one-task', [{ periodMs: 10, computeMs: 1 }]);
    const at = async (target: string) => JSON.parse((await kbench('run', '--profile', 'ucos2', '--target', target, '--workload', path, '--duration-ms', '100', '--json')).stdout);
    const fast = await at('avr');
    const slow = await at('avr@7.3728MHz');
    // The longest masked section is the tick ISR, the same instructions at either clock.
    const [optionHz = avr.clockHz] = avr.clockOptionsHz;
    expect(fast.maxIrqOffUs).toBeGreaterThan(0);
    expect(slow.maxIrqOffUs).toBeCloseTo((fast.maxIrqOffUs * avr.clockHz) / optionHz, 1);
    expect(slow.codeBytes).toBe(fast.codeBytes);
  });

  it('exits 2 naming --target when the part does not offer the clock', async () => {
    const r = await kbench('run', '--profile', 'ucos2', '--target', 'avr@16MHz', '--workload', 'meter', '--duration-ms', '10');
    expect(r.status).toBe(ExitCode.BadInput);
    expect(r.stderr).toMatch(/--target: target avr: clockHz 16000000 is not offered; use one of 8000000, 7372800/);
  });

  it("exits 2 naming the AVR's RAM when the configuration does not fit it", async () => {
    const path = join(scratch, 'big-stacks.json');
    const task = (i: number) => ({ name: `big${i}`, priority: i, trigger: { kind: 'periodic', periodUs: 10_000 }, body: [{ op: 'compute', cycles: 100 }], stackBytes: avr.ramBytes });
    writeFileSync(path, JSON.stringify({ name: 'big-stacks', description: 'stacks beyond the SRAM', referenceTarget: 'avr', tickHz: 1000, tasks: [0, 1].map(task) }));
    const r = await kbench('run', '--profile', 'ucos2', '--target', 'avr', '--workload', path, '--duration-ms', '10');
    expect(r.status).toBe(ExitCode.BadInput);
    expect(r.stderr).toMatch(new RegExp(`big-stacks on ucos2 does not fit on avr: needs \\d+ bytes of ram, ${avr.ramBytes} available`));
  });
});
