import { MemoryBudgetError } from '../hardware/memory.ts';
import { ProfileLimitError } from '../kernels/core/validate.ts';
import { WorkloadError } from '../workloads/errors.ts';

/**
 * Process exit codes of the kbench command, for a CI job to gate on: 0 and 3 are answers (yes and
 * no), 1 and 2 say there is no answer (kbench broke, or the input was wrong), 130 that the user
 * stopped it.
 */
export const ExitCode = {
  /** The command did its work and, where it checks something, the answer is yes. */
  Ok: 0,
  /** kbench failed: a bug or a broken invariant (the message says which). */
  Failure: 1,
  /** Bad usage or invalid input: the message names the option or field and the rule. */
  BadInput: 2,
  /** The answer is no: `analyze` found a task not schedulable, `run --check` saw a deadline missed. */
  CheckFailed: 3,
  /** Interrupted by Ctrl-C (128 + SIGINT); `reproduce` resumes from where it stopped. */
  Interrupted: 130,
} as const;

/** One of the exit codes above. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** The exit codes as `--help` prints them. */
export const EXIT_CODES_HELP = `
Exit codes:
  ${ExitCode.Ok}    ok (every task schedulable, no deadline missed)
  ${ExitCode.Failure}    failure: a bug or a broken invariant
  ${ExitCode.BadInput}    bad usage or input: the message names the option or field and the rule
  ${ExitCode.CheckFailed}    not met: analyze found a task not schedulable, or run --check saw a deadline missed
  ${ExitCode.Interrupted}  interrupted (Ctrl-C); rerun reproduce to resume`;

/** An error caused by the user's input; the CLI prints its message and exits with code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/**
 * The command ran and its output is printed, but what it checks does not hold (a task not
 * schedulable, a deadline missed): the CLI prints the message and exits with code 3.
 */
export class CheckFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckFailedError';
  }
}

/** True for errors the user's input caused (an option, a workload field, a workload the profile cannot run, a memory budget): exit code 2. */
export function isBadInput(error: unknown): error is Error {
  return error instanceof InputError || error instanceof WorkloadError || error instanceof ProfileLimitError || error instanceof MemoryBudgetError;
}
