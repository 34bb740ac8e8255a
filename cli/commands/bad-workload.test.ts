import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemModel } from '../../kernels/system-model.ts';
import type { TaskSpec, Workload } from '../../workloads/types.ts';
import { ExitCode } from '../exit-codes.ts';
import { exitCodeOf } from '../kbench.ts';
import { registerAnalyzeCommand } from './analyze.ts';
import { registerRunCommand } from './run.ts';

/*
 * Issue 8, items 8 and 9: bad workloads once gave wrong answers with exit 0 or engine messages that
 * name no workload field. Each repro, as a tiny workload file, must make both `kbench analyze` and
 * `kbench run` exit 2 with the workload's field path and the rule, the same on both paths.
 */

function task(extra: Partial<TaskSpec> = {}): TaskSpec {
  return { name: 'a', priority: 0, trigger: { kind: 'periodic', periodUs: 10_000 }, body: [{ op: 'compute', cycles: 100 }], ...extra };
}

function workload(extra: Partial<Workload> = {}): Workload {
  return { name: 'repro', description: 'issue 8 repro', referenceTarget: 'avr', tickHz: 1000, tasks: [task()], ...extra };
}

interface Repro {
  readonly repro: string;
  readonly workload: Workload;
  readonly target: string;
  readonly field: string;
  readonly rule: string;
}

const REPROS: readonly Repro[] = [
  {
    repro: 'a period of 1e303 us (once WCRT 0 below BCRT 12.5, schedulable, exit 0)',
    workload: workload({ tasks: [task({ trigger: { kind: 'periodic', periodUs: 1e303 } })] }),
    target: 'avr',
    field: 'tasks[0].trigger.periodUs: 1e+303 us is 8e+303 cycles on avr',
    rule: 'above the largest exact integer (2^53 - 1)',
  },
  {
    repro: 'a cycle count of 2^53 (once "must be a whole number")',
    workload: workload({ tasks: [task({ body: [{ op: 'compute', cycles: 2 ** 53 }] })] }),
    target: 'avr',
    field: 'tasks[0].body[0].cycles',
    rule: 'must be at most 2^53 - 1 cycles (the largest exact integer)',
  },
  {
    repro: 'tickHz above the clock (once an engine message)',
    workload: workload({ tickHz: 10_000_000 }),
    target: 'avr',
    field: 'tickHz: 10000000 Hz',
    rule: 'above the avr clock of 8000000 Hz',
  },
  {
    repro: 'tickHz within the reference clock but above the run target clock',
    workload: workload({ referenceTarget: 'm4', tickHz: 10_000_000 }),
    target: 'avr',
    field: 'tickHz: 10000000 Hz',
    rule: 'above the avr clock of 8000000 Hz',
  },
  {
    repro: 'an inter-arrival below one cycle (once irq source: minInterArrivalCycles)',
    workload: workload({ tasks: [task({ trigger: { kind: 'sporadic', minInterArrivalUs: 0.01 } })] }),
    target: 'avr',
    field: 'tasks[0].trigger.minInterArrivalUs: 0.01 us is 0.08 cycles on avr',
    rule: 'below one cycle',
  },
  {
    repro: 'an I/O line whose mean inter-arrival is below one cycle',
    workload: workload({ ioLines: [{ name: 'uart', priority: 0, arrival: { kind: 'random', meanInterArrivalUs: 0.1 }, isrCycles: 10 }] }),
    target: 'avr',
    field: 'ioLines[0].arrival.meanInterArrivalUs: 0.1 us is 0.8 cycles on avr',
    rule: 'below one cycle',
  },
  {
    repro: 'maxExtraUs: 1e300 on m4 (once irq source: maxExtraCycles)',
    workload: workload({ referenceTarget: 'm4', tasks: [task({ trigger: { kind: 'sporadic', minInterArrivalUs: 1000, maxExtraUs: 1e300 } })] }),
    target: 'm4',
    field: 'tasks[0].trigger.maxExtraUs: 1e+300 us is 2e+302 cycles on m4',
    rule: 'above the largest exact integer (2^53 - 1)',
  },
  {
    repro: 'a period shorter than one tick (once refused by the kernel boot only)',
    workload: workload({ tasks: [task({ trigger: { kind: 'periodic', periodUs: 500 } })] }),
    target: 'avr',
    field: 'tasks[0].trigger.periodUs: 500 us',
    rule: 'shorter than one tick (1000 us at tickHz 1000)',
  },
  {
    repro: 'execution exact on the reference target that overflows once scaled to the run target',
    // 4e15 M4 cycles scale by about 5.33 to 2.1e16 AVR cycles; the 4e13 us period is exact on both.
    workload: workload({ referenceTarget: 'm4', tasks: [task({ trigger: { kind: 'periodic', periodUs: 4e13 }, body: [{ op: 'compute', cycles: 4e15 }] })] }),
    target: 'avr',
    field: 'tasks[0].body[0].cycles: worst case 4000000000000000 cycles on m4',
    rule: 'above the largest exact integer (2^53 - 1)',
  },
];

const dir = mkdtempSync(join(tmpdir(), 'kbench-bad-workload-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileOf(w: Workload, name: string): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(w));
  return file;
}

/** Runs a kbench command in process as `main.ts` does: its exit code and the message a user reads. */
async function kbench(...args: string[]): Promise<{ code: number; message: string }> {
  const program = new Command().exitOverride();
  registerAnalyzeCommand(program, systemModel);
  registerRunCommand(program);
  try {
    await program.parseAsync(args, { from: 'user' });
    return { code: ExitCode.Ok, message: '' };
  } catch (e) {
    return { code: exitCodeOf(e), message: (e as Error).message };
  }
}

describe('bad workloads exit 2 naming the field and the rule, on analyze and on run', () => {
  beforeEach(() => {
    // A repro that is wrongly accepted prints a report; keep it off the test output.
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(() => vi.restoreAllMocks());

  it.each(REPROS.map((r, i) => [r.repro, r, i] as const))('%s', async (_name, r, i) => {
    const file = fileOf(r.workload, `repro-${i}`);
    const analyze = await kbench('analyze', '--workload', file, '--policy', 'fp', '--target', r.target);
    const run = await kbench('run', '--profile', 'ucos2', '--target', r.target, '--workload', file, '--duration-ms', '1');
    for (const result of [analyze, run]) {
      expect(result.code).toBe(ExitCode.BadInput);
      expect(result.message).toContain(r.field);
      expect(result.message).toContain(r.rule);
      expect(result.message).not.toMatch(/irq source|periodCycles|config\.modules/);
    }
    // One rule, one message: the lines naming fields are the same on both paths.
    const fields = (m: string): string[] => m.split('\n').filter((l) => l.startsWith('  '));
    expect(fields(run.message)).toEqual(fields(analyze.message));
  });

  it('exits 2 naming the task priority when MOS cannot map the workload (once config.modules[0] (prio0).tasks)', async () => {
    const tasks = Array.from({ length: 33 }, (_, i) => task({ name: `t${i}`, trigger: { kind: 'periodic', periodUs: 100_000 } }));
    const run = await kbench('run', '--profile', 'mos', '--target', 'm4', '--workload', fileOf(workload({ tasks }), 'mos-33'), '--duration-ms', '1');
    expect(run.code).toBe(ExitCode.BadInput);
    expect(run.message).toContain('tasks[32].priority: 33 tasks share priority 0');
    expect(run.message).not.toContain('config.modules');
  });

  it('still runs and analyses a workload that fits (the checks refuse only bad input)', async () => {
    const file = fileOf(workload(), 'fits');
    expect((await kbench('analyze', '--workload', file, '--policy', 'fp', '--target', 'avr', '--json')).code).toBe(ExitCode.Ok);
    expect((await kbench('run', '--profile', 'ucos2', '--target', 'avr', '--workload', file, '--duration-ms', '1', '--json')).code).toBe(ExitCode.Ok);
  });
});
