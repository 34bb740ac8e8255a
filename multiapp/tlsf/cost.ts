import { price, type Block } from '../../hardware/block.ts';
import type { Target } from '../../hardware/target.ts';
import type { Cycles } from '../../hardware/units.ts';
import * as B from './blocks.ts';

/** Cycles of a path of TLSF blocks on `target`. */
export function pathCycles(path: readonly Block[], target: Target): Cycles {
  let cycles = 0;
  for (const b of path) cycles += price(b, target).cycles;
  return cycles;
}

/**
 * malloc's longest path: the request's row is empty so the search goes up a level, the block taken
 * empties its list, and the split remainder is inserted. No step depends on how many blocks the
 * heap holds, so this bound is the same for every heap state.
 */
export const WORST_MALLOC_PATH: readonly Block[] = [B.tlsfCall, B.tlsfMappingSearch, B.tlsfFindAbove, B.tlsfMappingInsert, B.tlsfExtract, B.tlsfClearBits, B.tlsfSplit, B.tlsfMappingInsert, B.tlsfInsert, B.tlsfMarkUsed];

/** free's longest path: both neighbours free, each the last of its list, then the merged block inserted. */
export const WORST_FREE_PATH: readonly Block[] = [
  B.tlsfCall, B.tlsfFreeHead, B.tlsfMappingInsert, B.tlsfExtract, B.tlsfClearBits, B.tlsfMerge, B.tlsfCheckPrev,
  B.tlsfMappingInsert, B.tlsfExtract, B.tlsfClearBits, B.tlsfMerge, B.tlsfMappingInsert, B.tlsfInsert, B.tlsfFreeTail,
];

/** Worst-case malloc and free of a TLSF heap on `target`, in cycles (constant: independent of the heap's state). */
export function tlsfWorstCycles(target: Target): { readonly mallocCycles: Cycles; readonly freeCycles: Cycles } {
  return { mallocCycles: pathCycles(WORST_MALLOC_PATH, target), freeCycles: pathCycles(WORST_FREE_PATH, target) };
}

/** Flash bytes of the allocator's code on `target`. */
export function tlsfCodeBytes(target: Target): number {
  return B.TLSF_BLOCKS.reduce((sum, b) => sum + price(b, target).bytes, 0);
}
