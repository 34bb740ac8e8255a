import { describe, expect, it } from 'vitest';
import { block, listing, price, type MicroStep } from '../../hardware/block.ts';
import { avr, m4 } from '../../hardware/targets/index.ts';
import { readyTable } from '../table-driven/ready-table.ts';
import { layoutBytes } from './layout.ts';
import { CORE_TCB_FIELDS } from './tcb.ts';
import { TCB } from './tcb-fields.ts';

/*
 * Hand layout of uC/OS-II 2.86's OS_TCB in kbench's configuration (calibration/c/os.h, OS_FLAGS 16
 * bits): six pointers, OSTCBFlagsRdy and OSTCBDly (2 bytes each), then nine bytes Stat, StatPend,
 * Prio, X, Y, BitX, BitY, DelReq. arm-none-eabi-gcc and avr-gcc give the same offsetof values.
 */
function handOffsets(pointerBytes: number): { y: number; bitX: number; bitY: number; delReq: number; size: number } {
  const afterPointers = 6 * pointerBytes;
  const prio = afterPointers + 2 + 2 + 2; // FlagsRdy, Dly, Stat and StatPend
  const delReq = prio + 5;
  const unpadded = delReq + 1;
  const size = Math.ceil(unpadded / pointerBytes) * pointerBytes;
  return { y: prio + 2, bitX: prio + 3, bitY: prio + 4, delReq, size };
}

describe('the TCB layout is the C kernel\'s OS_TCB', () => {
  for (const target of [avr, m4]) {
    it(`places OSTCBY/BitX/BitY/DelReq and sizes the TCB as the compiler does on ${target.id}`, () => {
      const hand = handOffsets(target.pointerBytes);
      expect({
        y: TCB.OSTCBY.offsetOn(target),
        bitX: TCB.OSTCBBitX.offsetOn(target),
        bitY: TCB.OSTCBBitY.offsetOn(target),
        delReq: TCB.OSTCBDelReq.offsetOn(target),
        size: layoutBytes(CORE_TCB_FIELDS, target),
      }).toEqual(hand);
    });
  }
});

describe('OS_MakeReady reads OSTCBY/BitX/BitY in the encoding that reaches them', () => {
  const insert = (target: typeof m4) => {
    const b = readyTable(target, 64).blocks.find((x) => x.name === 'rdy-insert');
    if (b === undefined) throw new Error('no rdy-insert block');
    return listing(b, target).lines.map((l) => l.text.split(' ')[0]);
  };

  it('takes three 32-bit LDRB.W on the M4, where the fields lie past LDRB T1\'s 31 (as the compiled C does)', () => {
    expect(handOffsets(m4.pointerBytes).y).toBeGreaterThan(31);
    expect(insert(m4).filter((m) => m === 'LDRB.W')).toHaveLength(3);
  });

  it('prices the AVR\'s insert as if no field were named: every field lies within X\'s ADIW reach of 63', () => {
    expect(handOffsets(avr.pointerBytes).size).toBeLessThanOrEqual(63);
    const b = readyTable(avr, 64).blocks.find((x) => x.name === 'rdy-insert');
    if (b === undefined) throw new Error('no rdy-insert block');
    const unnamed = block('rdy-insert-unnamed', b.ops.map((s): MicroStep => (typeof s === 'string' ? s : [s[0], s[1]])));
    expect(b.ops.some((s) => typeof s !== 'string' && s[2] !== undefined)).toBe(true);
    expect(price(b, avr)).toEqual(price(unnamed, avr));
  });
});
