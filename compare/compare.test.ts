import { afterEach, describe, expect, it } from 'vitest';
import { analyzeWorkload } from '../analysis/analyze.ts';
import { scaleExecution } from '../experiments/breakdown.ts';
import { avr, m4 } from '../hardware/targets/index.ts';
import { bootSystem, footprint, getProfile, registerProfile } from '../kernels/registry.ts';
import { systemModel } from '../kernels/system-model.ts';
import { loadWorkload } from '../workloads/load.ts';
import { compare, comparisonRows, COMPARISON_COLUMNS } from './compare.ts';
import { BREAKDOWN_PRECISION, type HostedRow } from './evaluate.ts';

const meter = loadWorkload('workloads/meter/m4-management-module.json');
const DURATION_MS = 300;

/** The message `bootSystem` refuses `profile` on `target` with, or undefined when it boots. */
function bootRefusal(profile: string, target: typeof m4): string | undefined {
  try {
    bootSystem({ target, workload: meter, profile });
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

const removals: (() => void)[] = [];
afterEach(() => removals.splice(0).forEach((remove) => remove()));

describe('kbench compare as a library', () => {
  const plain = compare({ workload: meter, targets: [avr, m4], durationMs: DURATION_MS });
  const row = (profile: string, target: string) => plain.rows.find((r) => r.profile === profile && r.target === target);

  it("rejects a profile its kernel's boot refuses, giving the boot's own reason", () => {
    const refusal = bootRefusal('worix', m4);
    expect(refusal).toMatch(/^tasks\[\d+\]\.priority/);
    const worix = row('worix', 'm4');
    expect(worix?.hosted).toBe(false);
    expect(worix?.hosted === false && worix.reason.startsWith(refusal ?? '?')).toBe(true);
  });

  it("rejects a configuration over the part's RAM, naming what it needs and what the part has", () => {
    const need = footprint('ucos2', avr, meter).ramBytes;
    const ucos2 = row('ucos2', 'avr');
    expect(ucos2?.hosted === false && ucos2.reason).toContain(`needs ${need} bytes of ram, ${avr.ramBytes} available`);
  });

  it('gives every rejected row a reason and ranks it after every hosted row', () => {
    const firstRejected = plain.rows.findIndex((r) => !r.hosted);
    expect(firstRejected).toBeGreaterThan(0);
    expect(plain.rows.slice(firstRejected).every((r) => !r.hosted && r.reason.length > 0)).toBe(true);
    expect(plain.rows.map((r) => r.rank)).toEqual(plain.rows.map((_, i) => i + 1));
  });

  it('keeps every simulated worst response of a schedulable row within its analysed bound', () => {
    const adapted = compare({ workload: meter, targets: [m4], durationMs: DURATION_MS, adapt: true });
    const schedulable = adapted.rows.filter((r): r is typeof r & HostedRow => r.hosted && r.analysis.schedulable);
    expect(schedulable.length).toBeGreaterThan(2);
    for (const r of schedulable) for (const t of r.tasks) expect(t.simulatedWorstUs, `${r.profile} ${t.task}`).toBeLessThanOrEqual(t.wcrtUs ?? Infinity);
  });

  it('finds the breakdown factor: schedulable at it, not past it by twice the precision', () => {
    const best = plain.rows[0];
    if (best?.hosted !== true || best.breakdownFactor === null) throw new Error('expected a hosted first row');
    const at = (f: number): boolean => {
      const scaled = scaleExecution(meter, f);
      return analyzeWorkload(scaled, { target: m4, system: systemModel(best.profile, m4, scaled) }).schedulable;
    };
    expect(at(best.breakdownFactor)).toBe(true);
    expect(at(best.breakdownFactor * (1 + 2 * BREAKDOWN_PRECISION))).toBe(false);
  });

  it('includes a profile registered later with no change to compare', () => {
    removals.push(registerProfile({ ...getProfile('ucos2'), id: 'ucos2-later', displayName: 'later' }));
    const withLater = compare({ workload: meter, targets: [m4], durationMs: DURATION_MS });
    expect(withLater.rows.some((r) => r.profile === 'ucos2-later' && r.hosted)).toBe(true);
  });

  it('gives the same comparison for the same inputs', () => {
    expect(JSON.stringify(compare({ workload: meter, targets: [avr, m4], durationMs: DURATION_MS }))).toBe(JSON.stringify(plain));
  });

  it('flattens to one row per profile and target with exactly the stated columns', () => {
    const flat = comparisonRows(plain);
    expect(flat).toHaveLength(plain.rows.length);
    for (const r of flat) expect(Object.keys(r)).toEqual([...COMPARISON_COLUMNS]);
  });
});
