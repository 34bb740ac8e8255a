import { block } from '../../hardware/block.ts';

/*
 * The loader's code (patent steps S301-S304) as basic blocks of micro-ops. Loops are one block per
 * iteration, executed N times; the last iteration's branch falls through, which the `*Last` blocks price.
 */

/** Looking at one zone's management block during the search for an APP. */
export const scanZone = block('xipfs-scan-zone', ['load32.idx', 'cmpbr32.fall', 'load32.idx', 'alu32', 'aluPtr', 'cmpbrPtr.taken'], 'zmb = zone; if (zmb->magic == ZONE_MAGIC) walk its AMBs; zone += zmb->blocks * ERASE_BLOCK');
/** Looking at one APP management block: state, name (four words) and length. */
export const scanRecord = block('xipfs-scan-record', ['load32.idx', 'cmpbr32.fall', ['load32.idx', 8], ['cmpbr32.fall', 4], 'load32.idx', 'aluPtr', 'cmpbrPtr.taken'], 'if (amb->flags == VALID && memcmp(amb->name, name, 16) == 0) found; amb = next(amb)');
/** Parsing the header: magic check, the size fields, ram_size = data + bss + stack + heap. */
export const parseHeader = block('app-parse-header', ['load32.idx', 'cmpbr32.fall', ['load32.idx', 10], ['alu32', 3], ['cmpbr32.fall', 2]], 'check magic; read the sizes; ram_size = data_size + bss + stack_size + heap_size; sanity checks');
/** One word of the .data copy from flash to RAM (memcpy's word loop). */
export const copyWord = block('app-copy-word', ['load32.idx', 'store32.idx', 'aluPtr', 'cmpbrPtr.taken'], '*dst++ = *src++ (post-increment addressing); loop');
/** One word of .bss cleared (memset's word loop). */
export const zeroWord = block('app-zero-word', ['store32.idx', 'cmpbrPtr.taken'], '*dst++ = 0; loop');
/** One GOT entry relocated: in .text it gets the flash base, else the RAM zone's base. */
export const relocateEntry = block('app-relocate-entry', ['load32.idx', 'cmpbr32.fall', 'alu32', 'store32.idx', 'aluPtr', 'cmpbrPtr.taken'], 'off = got[i]; base = off < text_size ? flash_base : ram_base - text_size; got[i] = base + off; loop');
/** A loop's back branch, taken on every iteration but the last ... */
export const loopBack = block('loop-back', ['cmpbrPtr.taken']);
/** ... where it falls through instead. */
export const loopExit = block('loop-exit', ['cmpbrPtr.fall']);
/** One loop's setup: pointers and the count. */
export const loopSetup = block('loop-setup', ['movePtr', 'movePtr', 'alu32', 'cmpbr32.fall'], 'dst, src, end; skip when empty');
/** TLSF's init_memory_pool for the APP's heap: clear the bitmaps, make the first block and the sentinel. */
export const heapInitHead = block('tlsf-init', ['call', ['push', 2], 'store32.idx', ['store32.idx', 2], ['storePtr.idx', 2], 'aluPtr', 'store32.idx', ['pop', 2], 'ret'], 'init_memory_pool (after the memset of its control block, priced as zeroed words): process_area writes the first block header and the sentinel');
