import { describe, expect, it } from 'vitest';
import { avr } from '../hardware/targets/index.ts';
import { fitLine } from './calibrate.ts';
import { parseHarnessOutput } from './harness-output.ts';
import { METHOD_ROUTINES, routineCycles } from './method-routines.ts';

describe('calibration plumbing', () => {
  it('fits a + b*k exactly through points on a line, and flat through one point', () => {
    // 7 + 3k at k = 0, 2, 4.
    expect(fitLine([[0, 7], [2, 13], [4, 19]])).toEqual({ a: 7, b: 3 });
    expect(fitLine([[1, 42]])).toEqual({ a: 42, b: 0 });
  });

  it('reads the harness lines through the simulator colour codes and refuses failed checks', () => {
    const run = parseHarnessOutput('\u001b[32mtick-scan/tick,4,154.\n\u001b[0m\u001b[32mDONE.\n');
    expect(run.cycles.get('tick-scan/tick,4')).toBe(154);
    expect(() => parseHarnessOutput('ERR,edf/insert,2\nDONE\n')).toThrow(/edf\/insert at k=2/);
    expect(() => parseHarnessOutput('edf/insert,2,100\n')).toThrow(/did not finish/);
  });

  it('prices the method routines from the AVR instruction table as the manual gives them', () => {
    // AVR instruction set manual: NOP 1; LDS 2 + STS 2; CALL 4 + RET 4 (16-bit PC);
    // CLR 1 + CPI 1 + BREQ 2 taken / 1 not taken.
    const expected: Record<string, number> = { nops10: 10, 'lds-sts': 4, 'call-ret': 8, 'branch-taken': 4, 'branch-fall': 3 };
    expect(Object.fromEntries(METHOD_ROUTINES.map((r) => [r.name, routineCycles(r, avr)]))).toEqual(expected);
  });
});
