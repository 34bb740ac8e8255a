import { describe, expect, it } from 'vitest';
import type { ComparedRow, HostedRow, RejectedRow } from './evaluate.ts';
import { verdictOf } from './compare.ts';
import { rankRows, recommendation } from './rank.ts';

function hosted(profile: string, over: Partial<HostedRow> = {}): HostedRow {
  return {
    hosted: true,
    profile,
    displayName: profile.toUpperCase(),
    design: 'table-driven',
    target: 'm4',
    adaptations: [],
    unprotectedMutexes: [],
    analysis: { schedulable: true, minSlackPercent: 40, unanalysable: null },
    breakdownFactor: 2,
    tasks: [],
    deadlineMisses: 0,
    boundExceededBy: [],
    maxIrqOffUs: 3,
    cpuPercent: { task: 50, kernel: 1, isr: 1, idle: 48 },
    codeBytes: 1000,
    ramBytes: 500,
    ...over,
  };
}

function rejected(profile: string): RejectedRow {
  return { hosted: false, profile, displayName: profile, design: 'mos', target: 'avr', adaptations: [], unprotectedMutexes: [], reason: `${profile} cannot` };
}

const order = (rows: ComparedRow[]): string[] => rankRows(rows).map((r) => r.profile);

describe('ranking the rows', () => {
  it('puts rows that meet every deadline first, then hosted rows that miss, then rejected rows in given order', () => {
    const rows = [rejected('r1'), hosted('misses', { deadlineMisses: 2 }), rejected('r2'), hosted('unschedulable', { analysis: { schedulable: false, minSlackPercent: null, unanalysable: null }, breakdownFactor: 0.8 }), hosted('meets')];
    // The two failing rows order by breakdown factor: 2 (misses) before 0.8.
    expect(order(rows)).toEqual(['meets', 'misses', 'unschedulable', 'r1', 'r2']);
  });

  it('prefers the larger breakdown factor, then the smaller interrupt-off time, then smaller code', () => {
    const rows = [hosted('less-headroom', { breakdownFactor: 1.5 }), hosted('more-irq-off', { maxIrqOffUs: 9 }), hosted('bigger', { codeBytes: 2000 }), hosted('best')];
    expect(order(rows)).toEqual(['best', 'bigger', 'more-irq-off', 'less-headroom']);
  });

  it('counts breakdown factors equal to two decimals as a tie', () => {
    expect(order([hosted('a', { breakdownFactor: 1.652, maxIrqOffUs: 5 }), hosted('b', { breakdownFactor: 1.648, maxIrqOffUs: 4 })])).toEqual(['b', 'a']);
  });

  it('ranks a row whose simulation exceeded its analysed bound with the rows that miss, whatever its headroom', () => {
    expect(order([hosted('contradicted', { boundExceededBy: ['t'], breakdownFactor: 9 }), hosted('misses', { deadlineMisses: 1 }), hosted('sound', { breakdownFactor: 1 })])).toEqual(['sound', 'contradicted', 'misses']);
  });

  it('ranks a row whose adaptation removed a mutex after every row that keeps its critical sections protected', () => {
    expect(order([hosted('unprotected', { unprotectedMutexes: ['m'], breakdownFactor: 9 }), hosted('protected')])).toEqual(['protected', 'unprotected']);
  });

  it('recommends the first row, saying its margin and whether its interrupt-off time is the smallest', () => {
    const ranked = rankRows([hosted('second', { breakdownFactor: 1, maxIrqOffUs: 1 }), hosted('first', { breakdownFactor: 3, maxIrqOffUs: 4 })]);
    const line = recommendation(ranked, 1000);
    expect(line).toMatch(/^Recommended: FIRST \(table-driven\) on m4: /);
    expect(line).toContain('40% minimum slack, breakdown factor 3');
    expect(line).toContain('interrupt-off 4 us (smallest of those meeting every deadline: 1 us)');
  });

  it('recommends nothing when no row meets every deadline, or none hosts the workload', () => {
    expect(recommendation(rankRows([hosted('a', { deadlineMisses: 1 })]), 500)).toMatch(/^No profile meets every deadline.*1 deadline misses in 500 ms/);
    expect(recommendation(rankRows([rejected('x')]), 500)).toMatch(/^No profile can host the workload.*x cannot/);
  });

  it('names a row whose simulation exceeded its bound as such, before its misses', () => {
    const [sound, contradicted, missing, out] = rankRows([hosted('a', { boundExceededBy: ['t'], deadlineMisses: 3 }), hosted('b', { deadlineMisses: 1 }), hosted('c'), rejected('d')]);
    expect([sound, contradicted, missing, out].map((r) => r && verdictOf(r))).toEqual(['schedulable', 'bound exceeded', 'misses', 'rejected']);
  });
});
