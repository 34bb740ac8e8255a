import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { block, listing, portListing, portPrice, price } from './block.ts';
import { MICRO_OPS } from './microops.ts';
import { PORT_BLOCKS } from './target.ts';
import { allTargets, avr, ideal, m4 } from './targets/index.ts';

describe('AVR port code, counted by hand from FreeRTOS portable/GCC/ATMega323/port.c', () => {
  it('prices portSAVE_CONTEXT at 79 cycles and 88 bytes', () => {
    // 33 PUSH (2 cy, 2 B) + 3 IN (1, 2) + CLI (1, 2) + CLR (1, 2) + 2 LDS (2, 4) + 2 ST (2, 2)
    const cycles = 33 * 2 + 3 * 1 + 1 + 1 + 2 * 2 + 2 * 2;
    const bytes = 33 * 2 + 3 * 2 + 2 + 2 + 2 * 4 + 2 * 2;
    expect({ cycles, bytes }).toEqual({ cycles: 79, bytes: 88 });
    expect(portPrice('context-save', avr)).toEqual({ cycles, bytes });
    const mnemonics = portListing('context-save', avr).lines.map((l) => l.text.split(' ')[0]);
    expect(mnemonics.filter((m) => m === 'PUSH')).toHaveLength(33);
  });

  it('prices portRESTORE_CONTEXT at 77 cycles and 84 bytes', () => {
    // 2 LDS (2, 4) + 2 LD (2, 2) + 3 OUT (1, 2) + 33 POP (2, 2)
    expect(portPrice('context-restore', avr)).toEqual({ cycles: 2 * 2 + 2 * 2 + 3 + 33 * 2, bytes: 2 * 4 + 2 * 2 + 3 * 2 + 33 * 2 });
  });

  it('takes 7 cycles from request to the first ISR instruction and 4 to return', () => {
    expect(portPrice('irq-entry', avr).cycles).toBe(4 + 3);
    expect(portPrice('irq-exit', avr).cycles).toBe(4);
  });
});

describe('Cortex-M4 port code, from the TRM and FreeRTOS ARM_CM4F xPortPendSVHandler', () => {
  it('prices STMDB of r4-r11 and lr as 1 + 9 cycles', () => {
    const line = portListing('context-save', m4).lines.find((l) => l.text.startsWith('STMDB'));
    expect(line?.cycles).toBe(10);
  });

  it('takes 12 cycles to enter an exception and 10 to return', () => {
    expect(portPrice('irq-entry', m4).cycles).toBe(12);
    expect(portPrice('irq-exit', m4).cycles).toBe(10);
  });
});

describe('micro-op lowering', () => {
  it('loads a pointer on the AVR with two LDS: 4 cycles, 8 bytes', () => {
    const l = listing(block('p', ['loadPtr.abs']), avr);
    expect(l.lines.map((x) => x.text.split(' ')[0])).toEqual(['LDS', 'LDS']);
    expect([l.cycles, l.bytes]).toEqual([4, 8]);
  });

  it('compares 32 bits on the AVR with CP + 3 CPC, on the M4 with one CMP', () => {
    const cmp = block('c', ['cmpbr32.fall']);
    expect(listing(cmp, avr).lines.map((x) => x.text.split(' ')[0])).toEqual(['CP', 'CPC', 'CPC', 'CPC', 'BRNE']);
    expect(listing(cmp, m4).lines.map((x) => x.text.split(' ')[0])).toEqual(['CMP', 'BNE']);
  });

  it('costs a taken branch more cycles than a fall-through, in the same bytes', () => {
    for (const target of allTargets().filter((t) => t.zeroCost !== true)) {
      const taken = price(block('t', ['cmpbr8.taken']), target);
      const fall = price(block('f', ['cmpbr8.fall']), target);
      expect(taken.cycles).toBeGreaterThan(fall.cycles);
      expect(taken.bytes).toBe(fall.bytes);
    }
  });

  it('finds the first set bit with the OSUnMapTbl lookup on the AVR and one CLZ on the M4', () => {
    expect(listing(block('c', ['clz']), avr).lines.some((l) => l.text.startsWith('LPM'))).toBe(true);
    expect(listing(block('c', ['clz']), m4).lines.map((l) => l.text.split(' ')[0])).toEqual(['CLZ']);
    expect(avr.hasClz).toBe(false);
    expect(m4.hasClz).toBe(true);
  });

  it('lowers every micro-op and every port block on every target to instructions in its table', () => {
    for (const target of allTargets()) {
      // globalBase alone may lower to nothing: a core that addresses globals absolutely (the AVR's LDS/STS) needs no base.
      for (const op of MICRO_OPS) if (op !== 'globalBase') expect(listing(block(op, [op]), target).lines.length).toBeGreaterThan(0);
      if (target.zeroCost !== true) for (const name of PORT_BLOCKS) expect(portListing(name, target).cycles).toBeGreaterThan(0);
    }
  });

  it('prices every micro-op and port block at 0 cycles and 0 bytes on the ideal target', () => {
    for (const op of MICRO_OPS) expect(price(block(op, [[op, 3]]), ideal)).toEqual({ cycles: 0, bytes: 0 });
    for (const name of PORT_BLOCKS) expect(portListing(name, ideal)).toMatchObject({ cycles: 0, bytes: 0 });
  });

  it('gives every instruction a source', () => {
    for (const target of allTargets()) {
      for (const [mnemonic, spec] of Object.entries(target.instructions)) {
        expect(spec.source.length, `${target.id} ${mnemonic}`).toBeGreaterThan(5);
      }
    }
  });

  it('prices a block as the sum of its steps, repeats included', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allTargets()),
        fc.array(fc.tuple(fc.constantFrom(...MICRO_OPS), fc.integer({ min: 0, max: 5 })), { maxLength: 12 }),
        (target, steps) => {
          const whole = price(block('whole', steps), target);
          let cycles = 0;
          let bytes = 0;
          for (const [op, n] of steps) {
            const one = price(block(op, [op]), target);
            cycles += one.cycles * n;
            bytes += one.bytes * n;
          }
          expect(whole).toEqual({ cycles, bytes });
        },
      ),
    );
  });

  it('rejects a repeat count that is not a whole number', () => {
    expect(() => price(block('bad', [['push', 1.5]]), avr)).toThrow(/whole number/);
  });
});
