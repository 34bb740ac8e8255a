import { resolveTarget } from '../hardware/targets/resolve.ts';
import { EXEC_MODES, isExecMode, type ExecMode } from '../kernels/execution-time.ts';
import type { Target } from '../hardware/target.ts';
import { InputError } from './exit-codes.ts';

/** Looks up `--target` (`<id>` or `<id>@<clock>`, e.g. avr@7.3728MHz); an unknown id or clock is bad input naming the choices. */
export function targetOption(spec: string): Target {
  try {
    return resolveTarget(spec);
  } catch (e) {
    throw new InputError(`--target: ${(e as Error).message}`);
  }
}

/** Parses `--duration-ms`: a number > 0. */
export function durationMsOption(text: string): number {
  const ms = Number(text);
  if (!Number.isFinite(ms) || ms <= 0) throw new InputError(`--duration-ms: must be a number > 0, got "${text}"`);
  return ms;
}

/** Parses `--seed`: a whole number >= 0. */
export function seedOption(text: string): number {
  const seed = Number(text);
  if (!Number.isInteger(seed) || seed < 0) throw new InputError(`--seed: must be a whole number >= 0, got "${text}"`);
  return seed;
}

/** Parses `--exec`: one of the execution-time modes. */
export function execOption(text: string): ExecMode {
  if (!isExecMode(text)) throw new InputError(`--exec: must be one of ${EXEC_MODES.join(', ')}, got "${text}"`);
  return text;
}

/** Parses `--trace-limit`: a whole number >= 1 of span and instant events. */
export function traceLimitOption(text: string): number {
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1) throw new InputError(`--trace-limit: must be a whole number >= 1, got "${text}"`);
  return limit;
}
