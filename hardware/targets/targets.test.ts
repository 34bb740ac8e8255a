import { describe, expect, it } from 'vitest';
import { portPrice } from '../block.ts';
import { cyclesToUs } from '../units.ts';
import { allTargets, avr, getTarget, withClock } from './index.ts';

describe('targets', () => {
  it('lists avr, m4, m4-f407 and the ideal machine with their clocks', () => {
    expect(allTargets().map((t) => [t.id, t.clockHz])).toEqual([
      ['avr', 8_000_000],
      ['m4', 200_000_000],
      ['m4-f407', 168_000_000],
      ['ideal', 1_000_000],
    ]);
  });

  it('names the known targets when asked for an unknown one', () => {
    expect(() => getTarget('pic16')).toThrow(/unknown target "pic16": known targets are avr, m4, m4-f407/);
  });

  it('runs the AVR on its 7.3728 MHz crystal with the same cycles and longer microseconds', () => {
    const slow = withClock(avr, 7_372_800);
    expect(slow.clockHz).toBe(7_372_800);
    expect(portPrice('context-save', slow)).toEqual(portPrice('context-save', avr));
    expect(cyclesToUs(slow, 79)).toBeGreaterThan(cyclesToUs(avr, 79));
  });

  it('refuses a clock the part is not offered at', () => {
    expect(() => withClock(avr, 16_000_000)).toThrow(/clockHz 16000000 is not offered; use one of 8000000, 7372800/);
  });
});
