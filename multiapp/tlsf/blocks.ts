import { block } from '../../hardware/block.ts';

/*
 * TLSF's code as basic blocks of micro-ops, one per step of tlsf.c 2.4 (Masmano, Ripoll, Crespo:
 * malloc_ex / free_ex and their macros). On the M4 `fls`/`ffs` are CLZ plus arithmetic, which is
 * what makes both operations constant time: no step loops over lists or sizes.
 */

/** Entry and exit of malloc/free: call, save two registers, argument check, return. */
export const tlsfCall = block('tlsf-call', ['call', 'push', 'push', 'cmpbrPtr.fall', 'pop', 'pop', 'ret'], 'malloc_ex/free_ex: call, save, NULL check, return');
/** ROUNDUP_SIZE and MAPPING_SEARCH: round the request up to the start of the next list, then (fl, sl). */
export const tlsfMappingSearch = block('tlsf-mapping-search', ['cmpbr32.fall', 'alu32', 'alu32', 'clz', 'alu32', ['alu32', 4], 'clz', 'alu32', ['alu32', 3], 'alu32'], 'size = ROUNDUP_SIZE; if (r >= SMALL_BLOCK) { t = (1 << (ms_bit(r) - MAX_LOG2_SLI)) - 1; r += t; fl = ms_bit(r); sl = (r >> (fl - MAX_LOG2_SLI)) - MAX_SLI; fl -= FLI_OFFSET; r &= ~t; }');
/** MAPPING_INSERT: (fl, sl) of a block's size. */
export const tlsfMappingInsert = block('tlsf-mapping-insert', ['cmpbr32.fall', 'clz', 'alu32', ['alu32', 3], 'alu32'], 'fl = ms_bit(r); sl = (r >> (fl - MAX_LOG2_SLI)) - MAX_SLI; fl -= FLI_OFFSET');
/** FIND_SUITABLE_BLOCK when the request's own second-level row has a block. */
export const tlsfFindInRow = block('tlsf-find-in-row', ['load32.idx', 'alu32', 'alu32', 'cmpbr32.fall', 'alu32', 'alu32', 'clz', 'alu32', 'loadPtr.idx'], 'tmp = sl_bitmap[fl] & (~0 << sl); sl = ls_bit(tmp); b = matrix[fl][sl]');
/** FIND_SUITABLE_BLOCK when it must go up to the next non-empty first-level row. */
export const tlsfFindAbove = block('tlsf-find-above', ['load32.idx', 'alu32', 'alu32', 'cmpbr32.taken', 'load32.abs', 'alu32', 'alu32', 'alu32', 'alu32', 'clz', 'alu32', 'cmpbr32.fall', 'load32.idx', 'alu32', 'clz', 'alu32', 'loadPtr.idx'], 'tmp = 0: fl = ls_bit(fl_bitmap & (~0 << (fl + 1))); sl = ls_bit(sl_bitmap[fl]); b = matrix[fl][sl]');
/** EXTRACT_BLOCK_HDR / EXTRACT_BLOCK: unlink a free block; clear the bitmap bits when its list empties. */
export const tlsfExtract = block('tlsf-extract', ['loadPtr.idx', 'loadPtr.idx', 'cmpbrPtr.fall', 'storePtr.idx', 'cmpbrPtr.fall', 'storePtr.idx', 'loadPtr.idx', 'cmpbrPtr.fall', 'storePtr.idx']);
/** The extra work when the extracted block was the last of its list: clear its second-level bit, and the first-level bit if the row empties. */
export const tlsfClearBits = block('tlsf-clear-bits', ['load32.idx', 'alu32', 'alu32', 'store32.idx', 'cmpbr32.fall', 'load32.abs', 'alu32', 'alu32', 'store32.abs'], 'clear_bit(sl, &sl_bitmap[fl]); if (!sl_bitmap[fl]) clear_bit(fl, &fl_bitmap)');
/** INSERT_BLOCK: push a free block at the head of its list and set both bitmap bits. */
export const tlsfInsert = block('tlsf-insert', ['loadPtr.idx', 'storePtr.idx', 'storePtr.idx', 'cmpbrPtr.fall', 'storePtr.idx', 'storePtr.idx', 'load32.idx', 'alu32', 'alu32', 'store32.idx', 'load32.abs', 'alu32', 'alu32', 'store32.abs'], 'b->next = matrix[fl][sl]; ...; matrix[fl][sl] = b; set_bit(sl, &sl_bitmap[fl]); set_bit(fl, &fl_bitmap)');
/** malloc's split: the remainder becomes a free block header after the allocated part. */
export const tlsfSplit = block('tlsf-split', ['load32.idx', 'alu32', 'cmpbr32.fall', 'alu32', 'aluPtr', 'store32.idx', 'storePtr.idx', 'aluPtr', 'storePtr.idx', 'load32.idx', 'alu32', 'store32.idx'], 'tmp_size = b->size - size; if (tmp_size >= sizeof(bhdr_t)) { b2 = GET_NEXT_BLOCK(b->ptr.buffer, size); b2->size = tmp_size | FREE_BLOCK | PREV_USED; b->size = size | ...; }');
/** malloc without a split: mark the next block's previous-is-used bit. */
export const tlsfNoSplit = block('tlsf-no-split', ['load32.idx', 'alu32', 'cmpbr32.taken', 'aluPtr', 'load32.idx', 'alu32', 'store32.idx'], 'b2 = GET_NEXT_BLOCK(b); b2->size &= ~PREV_FREE');
/** Marking the allocated block used and returning its buffer. */
export const tlsfMarkUsed = block('tlsf-mark-used', ['load32.idx', 'alu32', 'store32.idx', 'aluPtr'], 'b->size &= ~FREE_BLOCK; return b->ptr.buffer');
/** free's start: find the header, mark it free, look at the physical next block. */
export const tlsfFreeHead = block('tlsf-free-head', ['aluPtr', 'load32.idx', 'alu32', 'store32.idx', ['storePtr.idx', 2], 'aluPtr', 'load32.idx', 'alu32', 'cmpbr32.fall'], 'b = buffer - BHDR_OVERHEAD; b->size |= FREE_BLOCK; b->ptr.free_ptr = {0, 0}; tmp_b = GET_NEXT_BLOCK(b); if (tmp_b->size & FREE_BLOCK)');
/** Merging with a free neighbour (after its extract): add its size and header. */
export const tlsfMerge = block('tlsf-merge', ['load32.idx', 'alu32', 'alu32', 'store32.idx'], 'b->size += (tmp_b->size & BLOCK_SIZE) + BHDR_OVERHEAD');
/** free's look at the physical previous block. */
export const tlsfCheckPrev = block('tlsf-check-prev', ['load32.idx', 'alu32', 'cmpbr32.fall', 'loadPtr.idx'], 'if (b->size & PREV_FREE) tmp_b = b->prev_hdr');
/** free's end: tell the next block its previous is free. */
export const tlsfFreeTail = block('tlsf-free-tail', ['aluPtr', 'load32.idx', 'alu32', 'store32.idx', 'storePtr.idx'], 'tmp_b = GET_NEXT_BLOCK(b); tmp_b->size |= PREV_FREE; tmp_b->prev_hdr = b');

/** Every TLSF block, for its code size. */
export const TLSF_BLOCKS = [tlsfCall, tlsfMappingSearch, tlsfMappingInsert, tlsfFindInRow, tlsfFindAbove, tlsfExtract, tlsfClearBits, tlsfInsert, tlsfSplit, tlsfNoSplit, tlsfMarkUsed, tlsfFreeHead, tlsfMerge, tlsfCheckPrev, tlsfFreeTail] as const;
