import { describe, expect, it } from 'vitest';
import { portPrice } from '../block.ts';
import { cyclesToUs } from '../units.ts';
import { avr, m4 } from './index.ts';
import { resolveTarget } from './resolve.ts';

describe('resolving a target named with its clock', () => {
  it('gives the registered target for a bare id', () => {
    expect(resolveTarget('m4')).toBe(m4);
  });

  it('runs the AVR at its 7.3728 MHz option however the clock is written, with the same cycles', () => {
    // The option is in the AVR's data file; 7.3728 MHz = 7372.8 kHz = 7 372 800 Hz.
    const [option] = avr.clockOptionsHz;
    for (const spec of ['avr@7.3728MHz', 'avr@7372.8kHz', 'avr@7372800Hz', 'avr@7.3728mhz']) {
      const slow = resolveTarget(spec);
      expect(slow.clockHz, spec).toBe(option);
      expect(portPrice('context-save', slow), spec).toEqual(portPrice('context-save', avr));
    }
    // One second of the option's cycles is a million microseconds.
    expect(cyclesToUs(resolveTarget('avr@7.3728MHz'), option ?? 0)).toBe(1e6);
  });

  it('gives the default clock back as the registered target', () => {
    expect(resolveTarget('avr@8MHz')).toBe(avr);
  });

  it('refuses a clock the part does not offer, and a clock that is not a frequency, naming the choices', () => {
    expect(() => resolveTarget('avr@16MHz')).toThrow(/target avr: clockHz 16000000 is not offered; use one of 8000000, 7372800/);
    expect(() => resolveTarget('avr@fast')).toThrow(/target avr: clock "fast" is not a frequency; write it as <number>MHz, kHz or Hz \(e\.g\. avr@8MHz\)/);
    expect(() => resolveTarget('pic16@4MHz')).toThrow(/unknown target "pic16"/);
  });
});
