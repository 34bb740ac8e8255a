import { describe, expect, it } from 'vitest';
import { fig1, runFig1Unit, sweepProfiles, sweepTargets, SWEEP_TASKS, type Fig1Result } from './fig1.ts';
import { fig2 } from './fig2.ts';
import { CLAIMS } from '../report/claims.ts';
import { table2 } from './table2.ts';
import { unportedPairs } from '../kernels/registry.ts';

function result(target: string, profile: string, tasks: number): Fig1Result {
  return { target, profile, tasks, maxIrqOffUs: tasks * 10, switchMinUs: 1, switchMeanUs: 2, switchMaxUs: 3, switches: 5, nesting: 'off', nestingBasis: 'cited', irqOffNestingOnUs: 5, irqOffNestingOffUs: tasks * 10 };
}

describe('fig1 and fig2', () => {
  it('have one unit per ported target x profile x task count ((2 x 8 - 1) x 8 = 120: LiteOS-M has no AVR port), every one distinct', () => {
    for (const e of [fig1, fig2]) {
      const units = e.units('quick');
      expect(units.length).toBe((sweepTargets().length * sweepProfiles().length - unportedPairs(sweepTargets(), sweepProfiles()).length) * SWEEP_TASKS.length);
      expect(units.length).toBe(120);
      expect(new Set(units.map((u) => `${u.target}/${u.profile}/${u.tasks}`)).size).toBe(120);
      expect(units.some((u) => u.target === 'avr' && u.profile === 'liteos-m')).toBe(false);
      expect(e.settings('quick')['notRun']).toEqual([expect.stringMatching(/^profile liteos-m has no port for avr/)]);
    }
  });

  it('write rows with exactly the issue\'s keys, in column order, one per unit', () => {
    const units = fig1.units('quick').slice(0, 3);
    const results = units.map((u) => result(u.target, u.profile, u.tasks));
    const rows1 = fig1.reduce(results, units, 'quick');
    const rows2 = fig2.reduce(results, units, 'quick');
    expect(rows1.map((r) => Object.keys(r))).toEqual(units.map(() => fig1.columns));
    expect(rows2.map((r) => Object.keys(r))).toEqual(units.map(() => ['target', 'profile', 'tasks', 'switchMeanUs', 'switchMinUs', 'switchMaxUs']));
    expect(rows1[2]).toEqual({ target: 'avr', profile: 'webit', tasks: 3, maxIrqOffUs: 30, nesting: 'off', nestingBasis: 'cited', irqOffNestingOnUs: 5, irqOffNestingOffUs: 30 });
  });
});

describe('the claim verdicts on fig1, fig2 and table2 rows', () => {
  it('judge claims 1-8 from these experiments\' rows, and find uKernel switching exactly as uC/OS-II does (same table-driven blocks)', () => {
    const units = fig1.units('quick').filter((u) => u.target === 'avr');
    const results = units.map((u) => fig1.runUnit({ ...u, durationMs: 5 }));
    const t2 = table2.units('quick');
    const set = new Map([
      ['fig1', fig1.reduce(results, units, 'quick')],
      ['fig2', fig2.reduce(results, units, 'quick')],
      ['table2', t2.map((u) => table2.runUnit(u))],
    ]);
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) expect(CLAIMS.find((c) => c.n === n)?.judge(set), `claim ${n}`).toBeDefined();
    expect(CLAIMS.find((c) => c.n === 7)?.judge(set)?.text).toContain('1.00-1.00');
  });
});

describe('the nesting variant of fig1', () => {
  it('masks no longer with nesting on than off, for every kernel, and reports the port\'s value as maxIrqOffUs', () => {
    for (const unit of fig1.units('quick').filter((u) => u.tasks === 8 && u.target === 'avr')) {
      const r = runFig1Unit({ ...unit, durationMs: 5 });
      expect(r.irqOffNestingOnUs, unit.profile).toBeLessThanOrEqual(r.irqOffNestingOffUs);
      expect(r.maxIrqOffUs).toBe(r.nesting === 'on' ? r.irqOffNestingOnUs : r.irqOffNestingOffUs);
    }
  });

  it('shortens uC/OS-II\'s masked time at 8 tasks when its tick scan may be interrupted between TCBs', () => {
    // With nesting on, only one TCB's update or the switch masks; with it off the whole scan of 8 TCBs does.
    const r = runFig1Unit({ target: 'avr', profile: 'ucos2', tasks: 8, durationMs: 5 });
    expect(r.irqOffNestingOnUs).toBeLessThan(r.irqOffNestingOffUs);
  });
});
