import { describe, expect, it } from 'vitest';
import { computeBatch } from './compute.ts';

describe('computing a batch', () => {
  it('returns each unit result as JSON text, in the order asked', () => {
    const [m4, avr] = computeBatch({ experimentId: 'port-costs', mode: 'quick', indices: [1, 0] }).map((j) => JSON.parse(j) as { target: string }[]);
    expect([m4?.[0]?.target, avr?.[0]?.target]).toEqual(['m4', 'avr']);
  });

  it('names the experiment and the unit when a unit does not exist', () => {
    expect(() => computeBatch({ experimentId: 'port-costs', mode: 'quick', indices: [99] })).toThrow(/port-costs: unit 99 does not exist/);
  });
});
