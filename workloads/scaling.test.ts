import { describe, expect, it } from 'vitest';
import { avr, ideal, m4, m4F407 } from '../hardware/targets/index.ts';
import { scaleCycles } from './scaling.ts';

describe('scaleCycles', () => {
  it('keeps cycles unchanged between targets with the same core', () => {
    expect(scaleCycles(12_345, 'm4', m4F407)).toBe(12_345);
    expect(scaleCycles(12_345, 'avr', avr)).toBe(12_345);
  });

  it('divides AVR work by the CoreMark-per-MHz ratio on the M4', () => {
    // (7.03 / 16) / (168.62 / 72) = 0.18761..., so 10 000 AVR cycles become 1877 M4 cycles.
    expect(scaleCycles(10_000, 'avr', m4)).toBe(1877);
  });

  it('round-trips within rounding', () => {
    const there = scaleCycles(50_000, 'avr', m4);
    expect(Math.abs(scaleCycles(there, 'm4', avr) - 50_000)).toBeLessThan(10);
  });

  it('keeps the duration of work moved to or from the ideal machine (1 cycle = 1 us), rounded up', () => {
    // 8000 AVR cycles at 8 MHz are 1000 us; 100 M4 cycles at 200 MHz are 0.5 us, at least one cycle.
    expect(scaleCycles(8000, 'avr', ideal)).toBe(1000);
    expect(scaleCycles(100, 'm4', ideal)).toBe(1);
    expect(scaleCycles(1000, 'ideal', avr)).toBe(8000);
    expect(scaleCycles(7, 'ideal', ideal)).toBe(7);
  });

  it('names the unknown reference target', () => {
    expect(() => scaleCycles(1, 'pic', avr)).toThrow(/unknown target "pic"/);
  });
});
