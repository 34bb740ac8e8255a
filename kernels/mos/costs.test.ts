import { describe, expect, it } from 'vitest';
import { avr, m4 } from '../../hardware/targets/index.ts';
import { mosCosts, mosSwitchCosts } from './costs.ts';

describe('MOS kernel costs', () => {
  it('saves and restores a context only when a higher level preempts (M4, hand counts as in schedule.test.ts)', () => {
    // Same level: return 6 + dispatch 45 + two CLZ 2 = 53. Preempt: leave 6 + check 17 + epilogue 3
    // + level switch 9 + save 23 + exception return 10 + restore 22 + dispatch 47 = 137.
    // Resume: return 6 + empty check 4 + level switch 9 + restore 22 = 41 (globals one LDR/STR off a base).
    expect(mosSwitchCosts(m4)).toEqual({ sameLevelCycles: 53, preemptCycles: 137, resumeCycles: 41 });
  });

  it('prices a release as a post: call 13 + masked bit setting 58 cycles on the AVR', () => {
    // Call: LDI 1 + 4 LDI 4 + CALL 4 + RET 4 = 13. Critical: IN+CLI 2, 2 LDI 2, ADD+ADC 2, 4 LDD 8,
    // 2 MOVW 2, 4 ALU 4, 4 STD 8, CP+3 CPC+BRNE 5, 4 LDS 8, 4 LDI 4, 4 ALU 4, 4 STS 8, OUT 1 = 58.
    expect(mosCosts(avr, 8).releaseCycles).toBe(13 + 58);
  });

  it('grows the tick by one timer step (20 cycles on the AVR) per periodic task', () => {
    // 2 LDD 4, ADD+ADC 2, 2 STD 4, CP+CPC+BRNE taken 4, ADD+ADC 2, ADD 1, CP+BRNE taken 3 = 20.
    for (let n = 0; n < 40; n += 7) expect(mosCosts(avr, n + 1).tickCycles - mosCosts(avr, n).tickCycles).toBe(20);
  });

  it('costs a preemptive switch more than a release, and more on the AVR than on the M4', () => {
    const a = mosCosts(avr, 8);
    const b = mosCosts(m4, 8);
    expect(a.switchCycles).toBeGreaterThan(a.releaseCycles);
    expect(a.switchCycles).toBeGreaterThan(b.switchCycles);
    expect(a.longestCriticalSectionCycles).toBeGreaterThanOrEqual(a.tickCycles);
  });
});
