import { describe, expect, it } from 'vitest';
import type { Row } from '../experiments/contract.ts';
import { meterChoiceSection } from './meter-choice.ts';

const SINGLE = 'm4-management-module';
const ISOLATED = 'm4-multi-app-meter';

const row = (over: Partial<Record<string, string | number | null>>): Row => ({
  workload: SINGLE, rank: 1, profile: 'ucos2', design: 'table-driven', target: 'm4', verdict: 'schedulable', minSlackPercent: 49, breakdownFactor: 1.66, deadlineMisses: 0, maxIrqOffUs: 2.95,
  cpuTaskPercent: 51, cpuKernelPercent: 0.1, cpuIsrPercent: 0.2, cpuIdlePercent: 48.7, codeBytes: 1670, ramBytes: 17956, appWorstResponseUs: 65000, adaptations: '', reason: '', ...over,
});

const section = (rows: readonly Row[]): string => meterChoiceSection(new Map([['meter-choice', rows]]));

describe("the report's meter-choice section", () => {
  it('is absent until the experiment has run', () => {
    expect(meterChoiceSection(new Map())).toBe('');
  });

  it('names the first row as the answer, then lists every adaptation and every rejection with its reason', () => {
    const text = section([
      row({}),
      row({ rank: 2, profile: 'worix', design: 'round-robin', adaptations: 'mutex m: ceiling -> inheritance (worix offers inheritance)' }),
      row({ rank: 3, profile: 'idcx', target: 'avr', verdict: 'rejected', minSlackPercent: null, reason: 'tasks: 11 tasks exceed profile idcx\'s limit of 8 application tasks' }),
    ]);
    expect(text).toMatch(/^## Choosing a kernel for a meter\n/);
    expect(text).toContain('For the single image, **ucos2 (table-driven) on m4** ranks first: it meets every deadline by its own analysis with 49% minimum slack and a breakdown factor of 1.66');
    expect(text).toContain('- #2 worix on m4: mutex m: ceiling -> inheritance (worix offers inheritance)');
    expect(text).toContain("- #3 idcx on avr: tasks: 11 tasks exceed profile idcx's limit of 8 application tasks");
  });

  it('says that no kernel meets every deadline when the first row does not', () => {
    expect(section([row({ verdict: 'misses' })])).toContain('For the single image no kernel meets every deadline of the meter on these MCUs; the closest is ucos2 on m4 (misses)');
  });

  it('reads rows without a workload column, written before the isolated design, as the single image', () => {
    const { workload: _w, ...old } = row({});
    expect(section([old])).toContain('For the single image, **ucos2 (table-driven) on m4** ranks first');
  });

  describe('with both designs', () => {
    // Two kernels on m4 host both; mos hosts only the single image; on avr nothing hosts the isolated APPs.
    const rows = [
      row({ rank: 1, profile: 'edf', design: 'edf', minSlackPercent: 50.6, breakdownFactor: 1.859, maxIrqOffUs: 2.57, appWorstResponseUs: 65321.645, codeBytes: 6800, ramBytes: 17692 }),
      row({ rank: 2, profile: 'ucos2' }),
      row({ rank: 3, profile: 'mos', design: 'mos', codeBytes: 602, ramBytes: 581 }),
      row({ rank: 4, profile: 'ucos2', target: 'avr', verdict: 'rejected', minSlackPercent: null, reason: 'ram: needs more' }),
      row({ workload: ISOLATED, rank: 1, profile: 'ucos2', minSlackPercent: 48.8, appWorstResponseUs: 65001.5, codeBytes: 2296, ramBytes: 28708 }),
      row({ workload: ISOLATED, rank: 2, profile: 'edf', design: 'edf', minSlackPercent: 50.6, breakdownFactor: 1.859, maxIrqOffUs: 2.57, appWorstResponseUs: 65322.685, codeBytes: 7426, ramBytes: 28444 }),
      row({ workload: ISOLATED, rank: 3, profile: 'mos', design: 'mos', verdict: 'rejected', reason: 'mos: tasks[7].app: MOS runs no isolated APPs' }),
      row({ workload: ISOLATED, rank: 4, profile: 'ucos2', target: 'avr', verdict: 'rejected', reason: 'tasks[7].app: target avr has no SVC gate' }),
    ];
    const text = section(rows);

    it('gives per target the first row of each design as its answer', () => {
      expect(text).toContain('For the isolated APPs, **ucos2 (table-driven) on m4** ranks first');
      expect(text).toContain('on m4 edf for the single image, ucos2 with isolated APPs; on avr neither design has a kernel that meets every deadline');
      expect(text).toContain('| m4 | edf (#1): 50.6% slack, factor 1.859, 2.57 us irq-off | ucos2 (#1): 48.8% slack, factor 1.66, 2.95 us irq-off |');
      expect(text).toContain('| avr | none hosts it | none hosts it |');
    });

    it('sets each measure of a kernel hosting both side by side, in the isolated ranking order', () => {
      const ucos2 = text.indexOf('| m4 | ucos2 | 49 -> 48.8 | 1.66 -> 1.66 | 2.95 -> 2.95 | 65000 -> 65001.5 | 1670 -> 2296 | 17956 -> 28708 |');
      const edf = text.indexOf('| m4 | edf | 50.6 -> 50.6 | 1.859 -> 1.859 | 2.57 -> 2.57 | 65321.645 -> 65322.685 | 6800 -> 7426 | 17692 -> 28444 |');
      expect(ucos2).toBeGreaterThan(0);
      expect(edf).toBeGreaterThan(ucos2);
      expect(text).not.toMatch(/\| m4 \| mos \| .* -> /);
    });

    it('sums up the cost per target in prose from the rows: unchanged measures, the range of each change, and the kernels lost to isolation', () => {
      // By hand: slack 48.8-49 = -0.2 (ucos2) and 0 (edf); worst response +1.5 and +1.04; code +626 both; RAM +10752 both.
      expect(text).toContain(
        'On m4, 2 kernels (ucos2 and edf) host both designs; for them isolating the APPs leaves breakdown factor and max interrupt-off unchanged and changes minimum slack by -0.2 to 0 points, ' +
          "the APP tasks' worst response by +1.04 to +1.5 us, code by +626 B and RAM by +10752 B (isolated minus single image). mos hosts the single image but not the isolated APPs (reasons below).",
      );
      expect(text).toContain('On avr, no kernel hosts both designs.');
      expect(text).toContain('- #3 mos on m4: mos: tasks[7].app: MOS runs no isolated APPs');
    });
  });
});
