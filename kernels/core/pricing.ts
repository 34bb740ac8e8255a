import { price, type Block } from '../../hardware/block.ts';
import type { Target } from '../../hardware/target.ts';
import type { Cycles } from '../../hardware/units.ts';

/** Cycles of one execution of `b` on `target` (memoised by the hardware model). */
export function cyclesOf(b: Block, target: Target): Cycles {
  return price(b, target).cycles;
}

/** Prices every block of a record once, into plain numbers for the hot path. */
export function priceAll<K extends string>(blocks: Readonly<Record<K, Block>>, target: Target): Record<K, Cycles> {
  const out = {} as Record<K, Cycles>;
  for (const key of Object.keys(blocks) as K[]) out[key] = cyclesOf(blocks[key], target);
  return out;
}
