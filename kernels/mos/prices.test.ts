import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { avr, m4 } from '../../hardware/targets/index.ts';
import { dispatchCycles, findFirstCycles, mosPrices } from './prices.ts';

/*
 * Hand counts. M4: CLZ 1 cycle (DDI 0439). AVR (doc 2467): a zero byte skipped = CP 1 + BRNE taken 2
 * = 3; the hit = CP 1 + BRNE 1 + OSUnMapTbl lookup (LDI 1 + LDI 1 + ADD 1 + ADC 1 + LPM 3) + ADD 1 = 10.
 */
const AVR_SKIP = 3;
const AVR_HIT = 10;
const M4_CLZ = 1;

const nonzeroWord = fc.integer({ min: 1, max: 0xffffffff });

describe('MOS pick cost: bitmap lookups, never a walk over pending tasks', () => {
  it('finds the first set bit with one CLZ on the M4 whatever the bitmap', () => {
    fc.assert(
      fc.property(nonzeroWord, (w) => {
        expect(findFirstCycles(mosPrices(m4), w)).toBe(M4_CLZ);
      }),
    );
  });

  it('finds it on the AVR in 3 cycles per zero byte below it plus a 10-cycle lookup', () => {
    for (let bit = 0; bit < 32; bit++) {
      expect(findFirstCycles(mosPrices(avr), 2 ** bit)).toBe(AVR_SKIP * Math.floor(bit / 8) + AVR_HIT);
    }
  });

  it('does not change the dispatch cost when more, less urgent, tasks are pending', () => {
    fc.assert(
      fc.property(nonzeroWord, nonzeroWord, fc.integer({ min: 0, max: 0xffffffff }), (modRdy, msg, more) => {
        // Bits above the lowest set one (less urgent) are added to both bitmaps.
        const above = (w: number): number => {
          const lowest = (w & -w) >>> 0;
          const upToLowest = lowest === 0x80000000 ? 0xffffffff : lowest * 2 - 1;
          return (w | (more & ~upToLowest)) >>> 0;
        };
        for (const target of [avr, m4]) {
          const p = mosPrices(target);
          expect(dispatchCycles(p, above(modRdy), above(msg))).toBe(dispatchCycles(p, modRdy, msg));
        }
      }),
    );
  });
});
