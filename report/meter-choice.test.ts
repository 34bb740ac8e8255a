import { describe, expect, it } from 'vitest';
import type { Row } from '../experiments/contract.ts';
import { meterChoiceSection } from './meter-choice.ts';

const row = (over: Partial<Record<string, string | number | null>>): Row => ({
  rank: 1, profile: 'ucos2', design: 'table-driven', target: 'm4', verdict: 'schedulable', minSlackPercent: 49, breakdownFactor: 1.66, deadlineMisses: 0, maxIrqOffUs: 2.95,
  cpuTaskPercent: 51, cpuKernelPercent: 0.1, cpuIsrPercent: 0.2, cpuIdlePercent: 48.7, codeBytes: 1670, ramBytes: 17956, adaptations: '', reason: '', ...over,
});

describe("the report's meter-choice section", () => {
  it('is absent until the experiment has run', () => {
    expect(meterChoiceSection(new Map())).toBe('');
  });

  it('names the first row as the answer, then lists every adaptation and every rejection with its reason', () => {
    const rows = [
      row({}),
      row({ rank: 2, profile: 'worix', design: 'round-robin', adaptations: 'mutex m: ceiling -> inheritance (worix offers inheritance)' }),
      row({ rank: 3, profile: 'idcx', target: 'avr', verdict: 'rejected', minSlackPercent: null, reason: 'tasks: 11 tasks exceed profile idcx\'s limit of 8 application tasks' }),
    ];
    const section = meterChoiceSection(new Map([['meter-choice', rows]]));
    expect(section).toMatch(/^## Choosing a kernel for a meter\n/);
    expect(section).toContain('**ucos2 (table-driven) on m4** ranks first: it meets every deadline by its own analysis with 49% minimum slack and a breakdown factor of 1.66');
    expect(section).toContain('- #2 worix on m4: mutex m: ceiling -> inheritance (worix offers inheritance)');
    expect(section).toContain("- #3 idcx on avr: tasks: 11 tasks exceed profile idcx's limit of 8 application tasks");
  });

  it('says that no kernel meets every deadline when the first row does not', () => {
    expect(meterChoiceSection(new Map([['meter-choice', [row({ verdict: 'misses' })]]]))).toContain('No kernel meets every deadline of the meter on these MCUs; the closest is ucos2 on m4 (misses)');
  });
});
