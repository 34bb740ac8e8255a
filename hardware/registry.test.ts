import { describe, expect, it } from 'vitest';
import { Registry } from './registry.ts';

describe('Registry', () => {
  const entry = (id: string, n: number) => ({ id, n });

  it('finds entries by id, lists them in registration order and refuses a taken id', () => {
    const r = new Registry('thing', [entry('a', 1), entry('b', 2)]);
    expect(r.get('b').n).toBe(2);
    expect(r.find('c')).toBeUndefined();
    expect(() => r.get('c')).toThrow('unknown thing "c": known things are a, b');
    expect(() => r.register(entry('a', 3))).toThrow('thing "a" is already registered');
    expect(r.ids()).toEqual(['a', 'b']);
  });

  it('forgets a removed entry, lets its id be registered again, and a second removal changes nothing', () => {
    const r = new Registry('thing', [entry('a', 1)]);
    const remove = r.register(entry('b', 2));
    remove();
    expect(r.find('b')).toBeUndefined();
    expect(r.ids()).toEqual(['a']);
    const again = r.register(entry('b', 5));
    remove();
    expect(r.get('b').n).toBe(5);
    again();
    expect(r.all()).toEqual([entry('a', 1)]);
  });
});
