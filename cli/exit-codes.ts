import { CommanderError } from 'commander';
import { ProfileLimitError } from '../kernels/core/validate.ts';
import { WorkloadError } from '../workloads/errors.ts';

/** Process exit codes of the kbench command. */
export const ExitCode = {
  Ok: 0,
  Failure: 1,
  /** Bad usage or invalid input: the message names the field and the rule. */
  BadInput: 2,
} as const;

/** An error caused by the user's input; the CLI prints its message and exits with code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** True for errors the user's input caused (an option, a workload field, a workload the profile cannot run): exit code 2. */
export function isBadInput(error: unknown): error is Error {
  return error instanceof InputError || error instanceof WorkloadError || error instanceof ProfileLimitError;
}

/** The exit code for an error that ended a command: usage and input errors 2 (help and version 0), anything else 1. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.Ok : ExitCode.BadInput;
  return isBadInput(error) ? ExitCode.BadInput : ExitCode.Failure;
}
