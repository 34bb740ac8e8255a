import { describe, expect, it } from 'vitest';
import { memoByIdentity } from './identity-memo.ts';

describe('memoByIdentity', () => {
  it('derives once per combination of the same objects and strings, and again for an equal copy', () => {
    const calls: string[] = [];
    const memo = memoByIdentity((a: { id: string }, b: { id: string }, mode: string) => {
      calls.push(`${a.id}${b.id}${mode}`);
      return `${a.id}+${b.id}+${mode}`;
    });
    const x = { id: 'x' };
    const y = { id: 'y' };
    expect(memo(x, y, 'tick')).toBe('x+y+tick');
    expect(memo(x, y, 'tick')).toBe('x+y+tick');
    expect(memo(x, y, 'exact')).toBe('x+y+exact');
    expect(memo(y, x, 'tick')).toBe('y+x+tick');
    expect(memo({ ...x }, y, 'tick')).toBe('x+y+tick');
    expect(calls).toEqual(['xytick', 'xyexact', 'yxtick', 'xytick']);
  });

  it('stores nothing when the derivation throws, so the next call throws the same error', () => {
    let calls = 0;
    const memo = memoByIdentity((_: object) => {
      calls++;
      throw new RangeError('bad input');
    });
    const key = {};
    expect(() => memo(key)).toThrow('bad input');
    expect(() => memo(key)).toThrow('bad input');
    expect(calls).toBe(2);
  });
});
