import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { KernelOverheads } from '../../analysis/overheads.ts';
import type { SystemModel } from '../../system/model.ts';
import { loadWorkload } from '../../workloads/load.ts';
import { systemModel } from '../../kernels/system-model.ts';
import { ExitCode, InputError } from '../exit-codes.ts';
import { runKbench } from '../run-kbench.ts';
import { writePeriodicWorkload } from '../test-workloads.ts';
import { registerAnalyzeCommand } from './analyze.ts';

const kbench = (...args: string[]) => runKbench(args);
const scratch = mkdtempSync(join(tmpdir(), 'kbench-analyze-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Report {
  policy: string;
  schedulable: boolean;
  overheadAware: boolean;
  tasks: { task: string; wcrtCycles: number; schedulable: boolean }[];
}

/** Runs `kbench analyze <args>` in this process with `resolver` as its system model, and returns what it printed. */
async function analyzeInProcess(resolver: typeof systemModel, args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerAnalyzeCommand(program, resolver);
  const out: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  try {
    await program.parseAsync(['analyze', ...args], { from: 'user' });
  } finally {
    write.mockRestore();
  }
  return out.join('');
}

describe('kbench analyze and kbench schema', () => {
  it('prints per-task bounds of the meter as JSON', async () => {
    const run = await kbench('analyze', '--workload', 'meter', '--policy', 'edf', '--json');
    expect(run.status).toBe(ExitCode.Ok);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.policy).toBe('edf');
    expect(report.tasks.length).toBeGreaterThan(5);
    for (const row of report.tasks) expect(row.schedulable).toBe(true);
  });

  it('exits with code 2 and names the field for an invalid workload file', async () => {
    const file = join(scratch, 'bad.json');
    writeFileSync(file, JSON.stringify({ name: 'b', description: '', referenceTarget: 'avr', tickHz: 100, tasks: [{ name: 'a', priority: 0, trigger: { kind: 'periodic', periodUs: 0 }, body: [{ op: 'compute', cycles: 10 }] }] }));
    const run = await kbench('analyze', '--workload', file, '--policy', 'fp');
    expect(run.status).toBe(ExitCode.BadInput);
    expect(run.stderr).toMatch(/tasks\[0\]\.trigger\.periodUs: must be > 0 us/);
  });

  it('exits with code 2 for an unknown policy or an unavailable profile', async () => {
    const policy = await kbench('analyze', '--workload', 'meter', '--policy', 'rm');
    expect(policy.status).toBe(ExitCode.BadInput);
    expect(policy.stderr).toMatch(/--policy: must be fp or edf, got "rm"/);
    const unknown = await kbench('analyze', '--workload', 'meter', '--policy', 'fp', '--profile', 'ucos-ii');
    expect(unknown.status).toBe(ExitCode.BadInput);
    expect(unknown.stderr).toMatch(/--profile: unknown profile "ucos-ii"/);
  });

  it('folds the priced kernel costs of a registered profile into the bounds', async () => {
    const plain = JSON.parse((await kbench('analyze', '--workload', 'meter', '--policy', 'fp', '--json')).stdout) as Report;
    const withKernel = JSON.parse((await kbench('analyze', '--workload', 'meter', '--policy', 'fp', '--profile', 'ucos2', '--target', 'avr', '--json')).stdout) as Report;
    expect(withKernel.overheadAware).toBe(true);
    expect(withKernel.tasks[0]?.wcrtCycles).toBeGreaterThan(plain.tasks[0]?.wcrtCycles as number);
  });

  it('explains each worst case in text and JSON: the pulse task is 800 of its own, one of each ISR and metering-read holding energy-registers', async () => {
    // The hand derivation of analysis/analyze.test.ts: R = 2000 + 800 + 40 + 80 = 2920 cycles.
    const text = await kbench('analyze', '--workload', 'meter', '--policy', 'fp');
    expect(text.stdout).toContain('pulse-energy = 2920: own 800 + ISR energy-pulse 1 x 40 + ISR rs485-rx 1 x 80 + blocking 2000 (critical section of metering-read holding energy-registers)');
    const json = JSON.parse((await kbench('analyze', '--workload', 'meter', '--policy', 'fp', '--json')).stdout) as { tasks: { explanation: { blocking: { task: string; mutex: string }[] } }[] };
    expect(json.tasks[0]?.explanation.blocking[0]).toMatchObject({ task: 'metering-read', mutex: 'energy-registers' });
  });

  it('writes the JSON Schema of workload files', async () => {
    const run = await kbench('schema');
    expect(run.status).toBe(ExitCode.Ok);
    expect(JSON.parse(run.stdout)).toMatchObject({ type: 'object', required: expect.arrayContaining(['name', 'tasks']) });
  });
});

describe('kbench analyze exit codes', () => {
  // Two tasks each computing 6 ms every 10 ms ask for 120% of the CPU: no policy meets every
  // deadline (over any 10k ms the demand 12k ms exceeds the supply 10k ms).
  const overloaded = writePeriodicWorkload(scratch, 'overloaded', [
    { periodMs: 10, computeMs: 6 },
    { periodMs: 10, computeMs: 6 },
  ]);
  // One task computing 1 ms every 10 ms: alone on the CPU, it ends 1 ms after each release.
  const light = writePeriodicWorkload(scratch, 'light', [{ periodMs: 10, computeMs: 1 }]);

  for (const policy of ['fp', 'edf']) {
    it(`exits 3 with the report still printed, as JSON too, when a task set needs more than the whole CPU (${policy})`, async () => {
      const json = await kbench('analyze', '--workload', overloaded, '--policy', policy, '--json');
      expect(json.status).toBe(ExitCode.CheckFailed);
      const report = JSON.parse(json.stdout) as Report;
      expect(report.schedulable).toBe(false);
      // Under either policy t2 cannot finish: under fp its response is 6 + 2 x 6 = 18 ms > 10 ms.
      expect(json.stderr).toMatch(/not schedulable: (t1, )?t2/);
      const text = await kbench('analyze', '--workload', overloaded, '--policy', policy);
      expect(text.status).toBe(ExitCode.CheckFailed);
      expect(text.stdout).toMatch(/NOT schedulable/);
    });

    it(`exits 0 when every task is schedulable (${policy})`, async () => {
      const run = await kbench('analyze', '--workload', light, '--policy', policy, '--json');
      expect(run.status).toBe(ExitCode.Ok);
      expect((JSON.parse(run.stdout) as Report).schedulable).toBe(true);
      expect(run.stderr).toBe('');
    });
  }

  it('says in its help that it exits 3 when a task is not schedulable', async () => {
    const run = await kbench('analyze', '--help');
    expect(run.status).toBe(ExitCode.Ok);
    expect(run.stdout).toMatch(/Exits 3 when any task is not schedulable/);
  });
});

describe('kbench analyze --profile', () => {
  it('analyses the system an injected resolver derives for the profile and target', async () => {
    const overheads: KernelOverheads = { tickCycles: 100, releaseCycles: 50, switchCycles: 80, jobEndCycles: 40, isrEntryCycles: 12, isrExitCycles: 12, longestCriticalSectionCycles: 200, mutexLockCycles: 0, mutexUnlockCycles: 0, tickPeriodCycles: 200_000 };
    const meter = loadWorkload('meter');
    const system: SystemModel = {
      profile: 'ucos-ii',
      design: 'table-driven',
      target: 'm4',
      policy: 'fp',
      tasks: meter.tasks.map((t) => ({ name: t.name, priority: t.priority, threshold: t.priority, runToCompletion: false, jobsBackToBack: false, timeSliced: false })),
      timeSliceCycles: null,
      mutexProtocols: {},
      releases: { kind: 'tick', tickUs: 1000, tickPeriodCycles: 200_000 },
      messageReleases: [],
      messageServices: null,
      edfDeadlineKeysUs: null,
      overheads,
      notes: [],
    };
    const resolver = vi.fn(() => system);
    const printed = await analyzeInProcess(resolver, ['--workload', 'meter', '--policy', 'fp', '--target', 'm4', '--profile', 'ucos-ii', '--json']);
    expect(resolver).toHaveBeenCalledWith('ucos-ii', expect.objectContaining({ id: 'm4' }), expect.objectContaining({ name: 'meter' }));
    expect(JSON.parse(printed)).toMatchObject({ target: 'm4', overheadAware: true, system: 'ucos-ii', policy: 'fp' });
  });

  it('refuses a --policy the profile does not run, saying why, and takes the kernel\'s own when none is given', async () => {
    const analyze = (workload: string, ...args: string[]): Promise<string> => analyzeInProcess(systemModel, ['--workload', workload, '--target', 'm4', ...args]);
    await expect(analyze('meter', '--profile', 'edf', '--policy', 'fp')).rejects.toThrow(InputError);
    await expect(analyze('meter', '--profile', 'edf', '--policy', 'fp')).rejects.toThrow(/--policy: edf .* schedules by earliest deadline first/);
    // MOS has no mutexes, so a lock-free set: the policy is what is refused.
    await expect(analyze('uunifast-n3-u0.5-s1', '--profile', 'mos', '--policy', 'edf')).rejects.toThrow(/--policy: mos .* schedules by fixed priorities/);
    expect(JSON.parse(await analyze('meter', '--profile', 'edf', '--json'))).toMatchObject({ policy: 'edf', system: 'edf' });
  });

  it('refuses a workload the profile cannot run, as run does (exit 2 naming the field)', async () => {
    const program = new Command().exitOverride();
    registerAnalyzeCommand(program, systemModel);
    // The meter's priorities go past WORIX's six.
    await expect(program.parseAsync(['analyze', '--workload', 'meter', '--profile', 'worix', '--target', 'avr'], { from: 'user' })).rejects.toThrow(/--workload: tasks\[\d+\]\.priority/);
  });
});
