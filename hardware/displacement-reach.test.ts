import { describe, expect, it } from 'vitest';
import { at, block, listing, price, type FieldRef } from './block.ts';
import type { MicroOp } from './microops.ts';
import type { Target } from './target.ts';
import { avr, m4 } from './targets/index.ts';

/** A field at the same offset on every target. */
function fieldAt(offset: number): FieldRef {
  return { name: `f${offset}`, offsetOn: (_: Target) => offset };
}

function mnemonics(op: MicroOp, offset: number, target: Target): string[] {
  return listing(block('probe', [at(op, fieldAt(offset))]), target).lines.map((l) => l.text.split(' ')[0] ?? '');
}

describe('Cortex-M4: the 16-bit encoding while imm5 scaled by the access size reaches the field (ARMv7-M LDR/STR (immediate) T1)', () => {
  // imm5 is 0-31; the offset is imm5 * size, so the last reachable offset is 31 * size.
  const lastNear = (size: number): number => 31 * size;
  const cases: readonly (readonly [MicroOp, number, string])[] = [
    ['load8.idx2', 1, 'LDRB'], ['store8.idx', 1, 'STRB'],
    ['load16.idx', 2, 'LDRH'], ['store16.idx2', 2, 'STRH'],
    ['loadPtr.idx', 4, 'LDR'], ['storePtr.idx2', 4, 'STR'], ['followPtr', 4, 'LDR'],
  ];
  for (const [op, size, short] of cases) {
    it(`${op}: ${short} up to offset ${lastNear(size)}, ${short}.W beyond, two bytes more and the same cycles`, () => {
      expect(mnemonics(op, lastNear(size), m4)).toEqual([short]);
      expect(mnemonics(op, lastNear(size) + size, m4)).toEqual([`${short}.W`]);
      const near = price(block('near', [at(op, fieldAt(lastNear(size)))]), m4);
      const far = price(block('far', [at(op, fieldAt(lastNear(size) + size))]), m4);
      expect(far).toEqual({ cycles: near.cycles, bytes: near.bytes + 2 });
    });
  }

  it('prices an op that names no field as written, whatever lies where', () => {
    expect(price(block('plain', ['load8.idx2']), m4)).toEqual(price(block('named', [at('load8.idx2', fieldAt(0))]), m4));
  });
});

describe('AVR: LDD/STD reach q = 0-63 (AVR Instruction Set Manual); beyond, ADIW/SBIW around the access', () => {
  it('reaches a byte at 63 with one LDD and a byte at 64 with ADIW, LDD, SBIW', () => {
    expect(mnemonics('load8.idx', 63, avr)).toEqual(['LDD']);
    expect(mnemonics('load8.idx', 64, avr)).toEqual(['ADIW', 'LDD', 'SBIW']);
  });

  it('stops a 16-bit access one byte earlier: both LDDs must reach (q and q+1 <= 63)', () => {
    expect(mnemonics('load16.idx', 62, avr)).toEqual(['LDD', 'LDD']);
    expect(mnemonics('load16.idx', 63, avr)).toEqual(['ADIW', 'LDD', 'LDD', 'SBIW']);
  });

  it('refuses a field the second pointer cannot reach (X moves by ADIW, K <= 63) rather than misprice it', () => {
    expect(() => price(block('x-far', [at('load8.idx2', fieldAt(64))]), avr)).toThrow(/beyond what its lowering encodes/);
  });
});
