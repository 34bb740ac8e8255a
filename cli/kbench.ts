import { Command, CommanderError } from 'commander';
import { InterruptedError } from '../experiments/runner/interrupt.ts';
import { registerAnalyzeCommand } from './commands/analyze.ts';
import { registerCompareCommand } from './commands/compare.ts';
import { registerDemoCommand } from './commands/demo.ts';
import { registerExperimentCommands } from './commands/experiments.ts';
import { registerHardwareCommands } from './commands/hardware.ts';
import { registerInitCommand } from './commands/init.ts';
import { registerKernelsCommand } from './commands/kernels.ts';
import { registerReportCommand } from './commands/report.ts';
import { registerRunCommand } from './commands/run.ts';
import { registerSchemaCommand } from './commands/schema.ts';
import { CheckFailedError, EXIT_CODES_HELP, ExitCode, isBadInput, type ExitCodeValue } from './exit-codes.ts';
import { kbenchVersion } from './version.ts';

/** What the command needs from the process it runs in. */
export interface KbenchEnvironment {
  /**
   * Called by the long commands (reproduce, sweep) when they start: the signal they stop on,
   * between units. The process wires it to Ctrl-C; tests abort it themselves.
   */
  readonly interruptSignal?: () => AbortSignal;
}

/**
 * The `kbench` command with every subcommand registered (a fresh one per run: commander keeps state).
 * Each command loads what it runs inside its action (a dynamic import), so starting kbench, and
 * `--help`, loads only the command definitions: the engine, zod and the report libraries load for
 * the commands that use them.
 */
export function buildProgram(env: KbenchEnvironment = {}): Command {
  const program = new Command()
    .name('kbench')
    .description('Which RTOS kernel design should a smart electricity meter run, and what does each design cost?')
    .version(kbenchVersion(), '--version', 'print the kbench version')
    .exitOverride()
    .showHelpAfterError()
    .addHelpText('after', EXIT_CODES_HELP);
  registerHardwareCommands(program);
  registerDemoCommand(program);
  registerAnalyzeCommand(program, async (profileId, target, workload) => (await import('../kernels/system-model.ts')).systemModel(profileId, target, workload));
  registerSchemaCommand(program);
  registerInitCommand(program);
  registerExperimentCommands(program, env.interruptSignal);
  registerReportCommand(program);
  registerRunCommand(program);
  registerCompareCommand(program);
  registerKernelsCommand(program);
  return program;
}

/** Prints what a failed command needs to say on stderr and returns its exit code. */
export function exitCodeOf(e: unknown): ExitCodeValue {
  // Commander already printed its message; help and version exit 0, usage errors are bad input.
  if (e instanceof CommanderError) return e.exitCode === 0 ? ExitCode.Ok : ExitCode.BadInput;
  const say = (message: string): void => void process.stderr.write(`kbench: ${message}\n`);
  // Errors caused by what the user gave: the message names the field and the rule.
  if (isBadInput(e)) {
    say(e.message);
    return ExitCode.BadInput;
  }
  if (e instanceof CheckFailedError) {
    say(e.message);
    return ExitCode.CheckFailed;
  }
  if (e instanceof InterruptedError) {
    say(e.message);
    return ExitCode.Interrupted;
  }
  process.stderr.write(`kbench: failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return ExitCode.Failure;
}

/** Runs `kbench <args>` in this process and returns its exit code (the library form of the command). */
export async function kbench(args: readonly string[], env: KbenchEnvironment = {}): Promise<ExitCodeValue> {
  try {
    await buildProgram(env).parseAsync([...args], { from: 'user' });
    return ExitCode.Ok;
  } catch (e) {
    return exitCodeOf(e);
  }
}
