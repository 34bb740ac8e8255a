import { readFileSync } from 'node:fs';
import { CommanderError } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InterruptedError } from '../experiments/runner/interrupt.ts';
import { MemoryBudgetError } from '../hardware/memory.ts';
import { ProfileLimitError } from '../kernels/core/validate.ts';
import { WorkloadError } from '../workloads/schema.ts';
import { CheckFailedError, ExitCode, InputError } from './exit-codes.ts';
import { exitCodeOf } from './kbench.ts';
import { runKbench } from './run-kbench.ts';

afterEach(() => vi.restoreAllMocks());

/** The stderr `exitCodeOf` writes while mapping `e`, with the code. */
function mapped(e: unknown): { code: number; stderr: string } {
  const written: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => written.push(String(chunk)) > 0);
  return { code: exitCodeOf(e), stderr: written.join('') };
}

describe('kbench exit codes', () => {
  it('are 0 ok, 1 failure, 2 bad input, 3 check failed and 130 interrupted', () => {
    expect(ExitCode).toEqual({ Ok: 0, Failure: 1, BadInput: 2, CheckFailed: 3, Interrupted: 130 });
  });

  it('map input errors of every layer to 2 with their message', () => {
    const errors = [new InputError('--seed: bad'), new WorkloadError('tasks[0].priority: bad'), new ProfileLimitError('priority: 6 is outside'), new MemoryBudgetError('avr', 'ram', 5000, 4096, 'the meter')];
    for (const e of errors) {
      const { code, stderr } = mapped(e);
      expect(code).toBe(ExitCode.BadInput);
      expect(stderr).toBe(`kbench: ${e.message}\n`);
    }
  });

  it('map a failed check to 3 and an interruption to 130, each with its message', () => {
    expect(mapped(new CheckFailedError('not schedulable: t2'))).toEqual({ code: ExitCode.CheckFailed, stderr: 'kbench: not schedulable: t2\n' });
    expect(mapped(new InterruptedError())).toMatchObject({ code: ExitCode.Interrupted, stderr: expect.stringMatching(/^kbench: interrupted; /) });
  });

  it('map any other error to 1 (a failure) with its stack, naming where it broke', () => {
    const { code, stderr } = mapped(new TypeError('x is undefined'));
    expect(code).toBe(ExitCode.Failure);
    expect(stderr).toMatch(/^kbench: failure: TypeError: x is undefined\n\s+at /);
  });

  it('map a commander usage error to 2, and help to 0', () => {
    expect(mapped(new CommanderError(1, 'commander.unknownOption', "error: unknown option '--nope'")).code).toBe(ExitCode.BadInput);
    expect(mapped(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)')).code).toBe(ExitCode.Ok);
  });

  it('exit 2 for an unknown command or option, as a user types them', async () => {
    const command = await runKbench(['frobnicate']);
    expect(command.status).toBe(ExitCode.BadInput);
    expect(command.stderr).toMatch(/unknown command 'frobnicate'/);
    const option = await runKbench(['analyze', '--workload', 'meter', '--policy', 'fp', '--nope']);
    expect(option.status).toBe(ExitCode.BadInput);
    expect(option.stderr).toMatch(/unknown option '--nope'/);
  });

  it('are listed by --help, each with its meaning', async () => {
    const help = await runKbench(['--help']);
    expect(help.status).toBe(ExitCode.Ok);
    const listed = help.stdout.slice(help.stdout.indexOf('Exit codes:'));
    for (const code of Object.values(ExitCode)) expect(listed).toMatch(new RegExp(`^  ${code} +\\S`, 'm'));
  });

  it('are all stated in the README', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf('Exit codes');
    const sentence = readme.slice(start, readme.indexOf('\n\n', start));
    for (const code of Object.values(ExitCode)) expect(sentence).toMatch(new RegExp(`[ ;:]${code}\\s`));
  });
});
