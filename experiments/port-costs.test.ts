import { describe, expect, it } from 'vitest';
import { PORT_BLOCKS } from '../hardware/target.ts';
import { portCosts } from './port-costs.ts';

describe('port-costs', () => {
  it('lists every port block of the AVR, with microseconds at 8 cycles per us', () => {
    const lines = portCosts.runUnit({ target: 'avr' });
    expect(lines.map((l) => l.block)).toEqual([...PORT_BLOCKS]);
    for (const l of lines) expect(l.us).toBe(l.cycles / 8);
  });

  it('adds the tail-chain only where the core has one (Cortex-M, not AVR)', () => {
    expect(portCosts.runUnit({ target: 'avr' }).some((l) => l.block === 'tail-chain')).toBe(false);
    expect(portCosts.runUnit({ target: 'm4' }).some((l) => l.block === 'tail-chain')).toBe(true);
  });
});
