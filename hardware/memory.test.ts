import { describe, expect, it } from 'vitest';
import { MemoryBudgetError, checkMemoryBudget } from './memory.ts';
import { avr, m4 } from './targets/index.ts';

describe('memory budgets', () => {
  it('fails an overfull AVR configuration with the numbers needed and available', () => {
    const need = { ramBytes: 5000, flashBytes: 10_000 };
    expect(() => checkMemoryBudget(avr, need, '64 tasks with 128-byte stacks')).toThrow(
      /64 tasks with 128-byte stacks does not fit on avr: needs 5000 bytes of ram, 4096 available \(904 over\)/,
    );
    try {
      checkMemoryBudget(avr, need);
    } catch (e) {
      expect(e).toBeInstanceOf(MemoryBudgetError);
      expect((e as MemoryBudgetError).neededBytes).toBe(5000);
      expect((e as MemoryBudgetError).availableBytes).toBe(4096);
    }
  });

  it('fails on flash as well as RAM', () => {
    expect(() => checkMemoryBudget(avr, { ramBytes: 10, flashBytes: 200_000 })).toThrow(/131072 available/);
  });

  it('passes a configuration that fits exactly', () => {
    expect(() => checkMemoryBudget(m4, { ramBytes: m4.ramBytes, flashBytes: m4.flashBytes })).not.toThrow();
  });
});
