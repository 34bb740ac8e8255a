import type { Target } from '../hardware/target.ts';

/*
 * Routines of known cost that validate the timing method before any path is trusted (each mirrors
 * a naked routine of calibration/harness/avr_main.c). Their expected cycles come from the target's
 * instruction table, so they check the harness and the table together.
 */
export interface MethodRoutine {
  readonly name: string;
  /** The routine's instructions without its RET; `(taken)` marks a branch that jumps. */
  readonly instructions: readonly string[];
}

export const METHOD_ROUTINES: readonly MethodRoutine[] = [
  { name: 'nops10', instructions: Array.from({ length: 10 }, () => 'NOP') },
  { name: 'lds-sts', instructions: ['LDS', 'STS'] },
  { name: 'call-ret', instructions: ['CALL', 'RET'] },
  { name: 'branch-taken', instructions: ['CLR', 'CPI', 'BREQ (taken)'] },
  { name: 'branch-fall', instructions: ['CLR', 'CPI', 'BREQ'] },
];

/** A routine's cycles from `target`'s instruction table. */
export function routineCycles(r: MethodRoutine, target: Target): number {
  return r.instructions.reduce((sum, text) => {
    const taken = text.endsWith('(taken)');
    const spec = target.instructions[text.split(' ')[0] ?? ''];
    if (spec === undefined) throw new Error(`target ${target.id}: no instruction ${text}`);
    return sum + (taken ? (spec.takenCycles ?? spec.cycles) : spec.cycles);
  }, 0);
}
