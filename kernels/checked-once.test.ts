import { describe, expect, it } from 'vitest';
import { avr, m4 } from '../hardware/targets/index.ts';
import { passedBefore, rememberPassed } from './checked-once.ts';
import { periodic, workload } from './core/test-workloads.ts';
import { getProfile } from './registry.ts';

describe('boot checks passed once', () => {
  it('remembers a passing combination for that workload, profile, target and release mode only', () => {
    const w = workload([periodic('a', 1, 10_000, [])]);
    const ucos2 = getProfile('ucos2');
    expect(passedBefore(w, ucos2, avr, 'tick')).toBe(false);
    rememberPassed(w, ucos2, avr, 'tick');
    expect(passedBefore(w, ucos2, avr, 'tick')).toBe(true);
    expect(passedBefore(w, ucos2, avr, 'exact')).toBe(false);
    expect(passedBefore(w, ucos2, m4, 'tick')).toBe(false);
    expect(passedBefore(w, getProfile('webit'), avr, 'tick')).toBe(false);
    // A copy is another workload: it is checked on its own.
    expect(passedBefore({ ...w }, ucos2, avr, 'tick')).toBe(false);
  });
});
