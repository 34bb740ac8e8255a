import { describe, expect, it } from 'vitest';
import { BOUND_OUTCOMES, boundsShares } from './bounds-shares.ts';

describe('the bounds shares', () => {
  it("splits each profile's task sets into the shares that exceed and stay within the bound, summing to 1", () => {
    const shares = boundsShares([
      { target: 'avr', profile: 'idcx', variant: 'paper', taskSets: 215, violations: 202 },
      { target: 'avr', profile: 'idcx', variant: 'corrected', taskSets: 215, violations: 0 },
      { target: 'avr', profile: 'webit', variant: 'paper', taskSets: 4, violations: 1 },
    ]);
    expect(shares.map((s) => [s.profile, s.outcome, s.share])).toEqual([
      ['idcx', BOUND_OUTCOMES.exceeded, 202 / 215],
      ['idcx', BOUND_OUTCOMES.held, 13 / 215],
      ['idcx', BOUND_OUTCOMES.exceeded, 0],
      ['idcx', BOUND_OUTCOMES.held, 1],
      ['webit', BOUND_OUTCOMES.exceeded, 0.25],
      ['webit', BOUND_OUTCOMES.held, 0.75],
    ]);
  });

  it('draws nothing for a profile that ran no sets, and refuses more violations than sets', () => {
    expect(boundsShares([{ target: 'm4', profile: 'mos', variant: 'paper', taskSets: 0, violations: 0 }])).toEqual([]);
    expect(() => boundsShares([{ target: 'm4', profile: 'mos', variant: 'paper', taskSets: 3, violations: 4 }])).toThrow(/violations \(4\) must lie in 0..taskSets \(3\)/);
  });
});
