import { describe, expect, it } from 'vitest';
import type { Row } from '../experiments/contract.ts';
import { magnitudeLines, targetSummaryTable } from './comparison.ts';

const fig1 = (maxIrqOffUs: (tasks: number) => number): Row[] =>
  ['webit', 'ucos2'].flatMap((profile) => [1, 8].map((tasks) => ({ target: 'avr', profile, tasks, maxIrqOffUs: maxIrqOffUs(tasks) })));

describe('magnitudes against the paper', () => {
  it("says a range inside the paper's plotted range is inside", () => {
    const [line] = magnitudeLines(new Map([['fig1', fig1((n) => 20 + n)]]));
    expect(line).toMatch(/kbench 21-28 against the paper's 10-60, inside the paper's plotted range/);
  });

  it('says how far above the range a kbench value lies, and ignores other targets and non-paper profiles', () => {
    const rows = [...fig1(() => 120), { target: 'm4', profile: 'webit', tasks: 8, maxIrqOffUs: 999 }, { target: 'avr', profile: 'mos', tasks: 8, maxIrqOffUs: 999 }];
    const [line] = magnitudeLines(new Map([['fig1', rows]]));
    expect(line).toMatch(/kbench 120-120 against the paper's 10-60, above the paper's plotted range \(up to 2x its top\)/);
  });

  it("states the AVR's clock and its port's context save and restore from the target data", () => {
    const rows: Row[] = ['webit', 'ucos2'].map((profile) => ({ target: 'avr', profile, tasks: 8, switchMeanUs: 30 }));
    const [line] = magnitudeLines(new Map([['fig2', rows]]));
    // FreeRTOS ATMega323 portSAVE_CONTEXT pushes the 32 registers and SREG: 33 pushes, popped again on restore.
    expect(line).toMatch(/context save \(33 pushes\), the design's pick-next and the restore \(33 pops\)/);
    const [irqOff] = magnitudeLines(new Map([['fig1', fig1(() => 30)]]));
    // The ATmega128L's default clock (its datasheet's 8 MHz, the paper's board).
    expect(irqOff).toMatch(/priced instruction by instruction at 8 MHz\./);
  });

  /** fig3 per-set rows: six seeds at two payloads for iDCX and Webit, delays given in us. */
  const fig3 = (inputUs: number, resultUs: number, jitterUs: number): Row[] =>
    ['idcx', 'webit'].flatMap((profile) =>
      [0.1, 0.8].flatMap((payload) =>
        [1, 2, 3, 4, 5, 6].map((seed) => ({
          target: 'avr', profile, framing: 'fixed-priority', variant: 'plain', payload, seed,
          inputDelayMeanUs: inputUs, inputDelayMaxUs: inputUs, inputJitterUs: jitterUs, resultDelayMeanUs: resultUs, resultDelayMaxUs: resultUs, resultJitterUs: jitterUs, silentTasks: 0, thresholdsAssigned: false,
        })),
      ),
    );

  it('reads the I/O axes in the unit the data supports and compares on it only, with no ratio against the unitless jitter axis', () => {
    // Delays of 500 and 2000 us: outside 0-35 read as us (0 of 4 means), inside read as ms (4 of 4).
    const lines = magnitudeLines(new Map([['fig3', fig3(500, 2000, 40_000)]]));
    expect(lines[0]).toMatch(/0% fall inside the paper's delay axes read as microseconds and 100% read as milliseconds: the data supports the millisecond reading/);
    expect(lines[1]).toMatch(/Fig\. 3 \(delay\).*the paper's 0-35 ms; kbench input to output 0\.5-0\.5 ms, inside; release to result 2-2 ms, inside/);
    // Jitter of 40 ms is above the 0-7 axis read as ms, said without a ratio.
    expect(lines[2]).toMatch(/Fig\. 3 \(jitter\).*no ratio is drawn\); kbench input to output 40-40 ms, above; release to result 40-40 ms, above\./);
  });

  it('compares no I/O magnitude when neither reading holds most of the delays', () => {
    // 100 ms means: outside 0-35 both as us and as ms.
    const lines = magnitudeLines(new Map([['fig3', fig3(100_000, 100_000, 1)]]));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('the data supports neither reading, so no magnitude is compared');
  });

  it('writes nothing for a figure without results', () => {
    expect(magnitudeLines(new Map())).toEqual([]);
  });
});

describe('the AVR-to-M4 summary', () => {
  it('puts each profile on both targets in one row each, with nulls where an experiment has no value', () => {
    const results = new Map<string, readonly Row[]>([
      ['table2', [{ target: 'avr', profile: 'ucos2', codeBytes: 2268, ramBytes: 1253, paperKB: 3.91 }, { target: 'm4', profile: 'ucos2', codeBytes: 1670, ramBytes: 1832, paperKB: null }]],
      ['fig1', [{ target: 'avr', profile: 'ucos2', tasks: 8, maxIrqOffUs: 32.5 }]],
    ]);
    const table = targetSummaryTable(results);
    expect(table).toMatch(/\| uC\/OS-II 128 \| avr \| 32.5 \|  \| 2268 \| 1253 \|  \|/);
    expect(table).toMatch(/\| uC\/OS-II 128 \| m4 \|  \|  \| 1670 \| 1832 \|  \|/);
  });
});
