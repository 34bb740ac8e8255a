import { describe, expect, it } from 'vitest';
import { A_LITTLE, PARTLY_AGREEING_PAIRS } from './claims.ts';
import { CLAIM_DELAY, CROSSOVER, JITTER_CONTROL_VARIANT } from './io-claims.ts';
import { READING_SUPPORTED_SHARE } from './io-reading.ts';
import { methodsSection } from './methods.ts';
import { MIN_PAIRS, PAIRED_CONFIDENCE } from './paired.ts';
import { FLAT_WITHIN, pct } from './prose.ts';

describe('the methods section', () => {
  it('states every threshold the claims are judged by, from the constants the code uses', () => {
    const text = methodsSection().replace(/\s+/g, ' ');
    expect(text).toContain(`two-sided ${pct(PAIRED_CONFIDENCE)} Student t-interval`);
    expect(text).toContain(`at least ${MIN_PAIRS} sets`);
    expect(text).toContain(`"A at most ${A_LITTLE} times B" is the difference ${A_LITTLE} B - A`);
    expect(text).toContain(`partly when at least ${pct(PARTLY_AGREEING_PAIRS)} of its pairs agree`);
    expect(text).toContain(`The claims read the ${CLAIM_DELAY.name} delay`);
    expect(text).toContain(`'${JITTER_CONTROL_VARIANT}' variant`);
    expect(text).toContain(`"past payload ${CROSSOVER}"`);
    expect(text).toContain(`more than ${pct(READING_SUPPORTED_SHARE)} of kbench's mean delays`);
    expect(text).toContain(`flat: within ${pct(FLAT_WITHIN)}`);
  });
});
