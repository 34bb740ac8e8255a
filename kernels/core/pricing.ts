import { price, type Block } from '../../hardware/block.ts';
import type { Target } from '../../hardware/target.ts';
import type { Cycles } from '../../hardware/units.ts';

/** Cycles of one execution of `b` on `target` (memoised by the hardware model). */
export function cyclesOf(b: Block, target: Target): Cycles {
  return price(b, target).cycles;
}

/** Priced records by block record and target: a boot prices its paths once per target, not once per run. */
const priced = new WeakMap<object, WeakMap<Target, Readonly<Record<string, Cycles>>>>();

/** Prices every block of a record once per target, into plain numbers for the hot path (shared: read only). */
export function priceAll<K extends string>(blocks: Readonly<Record<K, Block>>, target: Target): Readonly<Record<K, Cycles>> {
  let byTarget = priced.get(blocks);
  if (byTarget === undefined) {
    byTarget = new WeakMap();
    priced.set(blocks, byTarget);
  }
  const known = byTarget.get(target);
  if (known !== undefined) return known as Readonly<Record<K, Cycles>>;
  const out = {} as Record<K, Cycles>;
  for (const key of Object.keys(blocks) as K[]) out[key] = cyclesOf(blocks[key], target);
  byTarget.set(target, Object.freeze(out));
  return out;
}
