import type { Block } from '../../hardware/block.ts';
import * as B from './blocks.ts';

/*
 * TLSF, the two-level segregated-fit allocator of Masmano, Ripoll, Crespo and Real ("TLSF: a new
 * dynamic memory allocator for real-time systems", ECRTS 2004), after tlsf.c 2.4: free blocks sit in
 * lists indexed by (first level = most significant bit of the size, second level = the next
 * MAX_LOG2_SLI bits); a first-level bitmap and one second-level bitmap per row say which lists are
 * non-empty, so malloc finds a good-fit block with two find-first-set operations, and free merges
 * with both physical neighbours at once. Both are constant time.
 *
 * The heap is modelled, not backed by bytes: blocks carry their address (inside the APP's region),
 * size and links. Every operation also returns the basic blocks it went through (`path`), which a
 * target prices (`pathCycles`): semantics here, cycles in the target tables.
 */

/** tlsf.c 2.4's parameters: 32 second-level lists per row, sizes below 128 bytes in row 0. */
export const MAX_LOG2_SLI = 5;
const MAX_SLI = 1 << MAX_LOG2_SLI;
export const SMALL_BLOCK = 128;
const FLI_OFFSET = 6;

/** One physical block of the heap. */
interface HeapBlock {
  /** Address of the block's header. */
  readonly addr: number;
  /** Bytes of its buffer (after the header). */
  size: number;
  free: boolean;
  /** The physically previous block (tlsf's prev_hdr), undefined for the first. */
  prevPhys: HeapBlock | undefined;
  nextFree: HeapBlock | undefined;
  prevFree: HeapBlock | undefined;
}

/** An allocation: the buffer's address, or undefined when the heap has no block that fits; with the path taken. */
export interface TlsfResult {
  readonly addr: number | undefined;
  readonly path: readonly Block[];
}

/** A free block as the heap's walk reports it. */
export interface HeapSpan {
  readonly addr: number;
  readonly size: number;
  readonly free: boolean;
}

/** Most significant set bit. */
function msBit(x: number): number {
  return 31 - Math.clz32(x);
}

/** Least significant set bit. */
function lsBit(x: number): number {
  return 31 - Math.clz32(x & -x);
}

/** A TLSF heap over [base, base + bytes). */
export class TlsfHeap {
  /** Bytes of a block header (prev_hdr pointer and size word). */
  readonly headerBytes: number;
  /** Alignment of every size, and the smallest buffer (room for the two free-list links). */
  readonly alignBytes: number;
  private flBitmap = 0;
  private readonly slBitmap: number[];
  private readonly matrix: (HeapBlock | undefined)[][];
  /** Every block by its header address (the physical chain; the heap's memory in a real TLSF). */
  private readonly blocks = new Map<number, HeapBlock>();
  private readonly first: HeapBlock;

  /** The smallest region a heap fits in: two headers (the block's and the sentinel's) and the smallest buffer. */
  static minimumBytes(pointerBytes: number): number {
    return 3 * 2 * pointerBytes;
  }

  /** A heap over `bytes` at `base`, for a core whose pointers are `pointerBytes` wide. */
  constructor(readonly base: number, readonly bytes: number, pointerBytes: number) {
    this.headerBytes = 2 * pointerBytes;
    this.alignBytes = 2 * pointerBytes;
    const rows = Math.max(1, msBit(Math.max(bytes, SMALL_BLOCK)) - FLI_OFFSET + 1);
    this.slBitmap = new Array<number>(rows).fill(0);
    this.matrix = Array.from({ length: rows }, () => new Array<HeapBlock | undefined>(MAX_SLI).fill(undefined));
    // One free block, then a used zero-size sentinel header that stops merging at the end (as tlsf.c does).
    const usable = Math.floor((bytes - 2 * this.headerBytes) / this.alignBytes) * this.alignBytes;
    if (usable < this.alignBytes) throw new RangeError(`a TLSF heap of ${bytes} bytes has no room for a block`);
    this.first = { addr: base, size: usable, free: true, prevPhys: undefined, nextFree: undefined, prevFree: undefined };
    const sentinel: HeapBlock = { addr: base + this.headerBytes + usable, size: 0, free: false, prevPhys: this.first, nextFree: undefined, prevFree: undefined };
    this.blocks.set(this.first.addr, this.first);
    this.blocks.set(sentinel.addr, sentinel);
    this.insert(this.first, []);
  }

  /** Bytes a request of `size` is served as: aligned, at least the smallest buffer. */
  roundedSize(size: number): number {
    return Math.max(this.alignBytes, Math.ceil(size / this.alignBytes) * this.alignBytes);
  }

  /** The smallest size every block of the list malloc searches for `size` has (tlsf's MAPPING_SEARCH). */
  searchSize(size: number): number {
    const r = this.roundedSize(size);
    if (r < SMALL_BLOCK) return r;
    const t = (1 << (msBit(r) - MAX_LOG2_SLI)) - 1;
    return (r + t) & ~t;
  }

  /** malloc: a good-fit block of at least `size` bytes, split when the rest can hold a block. */
  malloc(size: number): TlsfResult {
    const path: Block[] = [B.tlsfCall, B.tlsfMappingSearch];
    const r = this.roundedSize(size);
    const search = this.searchSize(size);
    if (search > this.bytes) return { addr: undefined, path };
    const [fl, sl] = this.mapping(search);
    const b = this.findSuitable(fl, sl, path);
    if (b === undefined) return { addr: undefined, path };
    this.extract(b, path);
    const rest = b.size - r;
    if (rest >= this.headerBytes + this.alignBytes) {
      path.push(B.tlsfSplit);
      const next = this.nextPhys(b);
      const b2: HeapBlock = { addr: b.addr + this.headerBytes + r, size: rest - this.headerBytes, free: true, prevPhys: b, nextFree: undefined, prevFree: undefined };
      b.size = r;
      next.prevPhys = b2;
      this.blocks.set(b2.addr, b2);
      this.insert(b2, path);
    } else {
      path.push(B.tlsfNoSplit);
    }
    b.free = false;
    path.push(B.tlsfMarkUsed);
    return { addr: b.addr + this.headerBytes, path };
  }

  /** free: give the buffer back, merged with whichever physical neighbours are free. */
  free(buffer: number): TlsfResult {
    const path: Block[] = [B.tlsfCall, B.tlsfFreeHead];
    let b = this.blocks.get(buffer - this.headerBytes);
    if (b === undefined || b.free || b.size === 0) throw new RangeError(`free of ${buffer}: not a buffer this heap handed out`);
    b.free = true;
    const next = this.nextPhys(b);
    if (next.free) {
      this.extract(next, path);
      path.push(B.tlsfMerge);
      b.size += next.size + this.headerBytes;
      this.blocks.delete(next.addr);
      this.nextPhys(b).prevPhys = b;
    }
    path.push(B.tlsfCheckPrev);
    const prev = b.prevPhys;
    if (prev?.free === true) {
      this.extract(prev, path);
      path.push(B.tlsfMerge);
      prev.size += b.size + this.headerBytes;
      this.blocks.delete(b.addr);
      b = prev;
      this.nextPhys(b).prevPhys = b;
    }
    this.insert(b, path);
    path.push(B.tlsfFreeTail);
    return { addr: buffer, path };
  }

  /** Every physical block from the first to the sentinel (excluded), in address order. */
  spans(): HeapSpan[] {
    const out: HeapSpan[] = [];
    for (let b: HeapBlock = this.first; b.size > 0 || b.free; b = this.nextPhys(b)) out.push({ addr: b.addr, size: b.size, free: b.free });
    return out;
  }

  /** Fragmentation: 1 - largest free block / all free bytes (0 when the free memory is one block or none). */
  fragmentation(): number {
    const free = this.spans().filter((s) => s.free);
    const total = free.reduce((sum, s) => sum + s.size, 0);
    return total === 0 ? 0 : 1 - Math.max(...free.map((s) => s.size)) / total;
  }

  /** Words of tlsf_t, the control block a real TLSF keeps at the start of its pool: the first-level bitmap, one second-level bitmap per row and a list head per (row, column). */
  controlWords(): number {
    const rows = this.slBitmap.length;
    return 1 + rows + rows * MAX_SLI;
  }

  /** The first-level bitmap and every row's second-level bitmap (for tests of the index). */
  bitmaps(): { readonly fl: number; readonly sl: readonly number[] } {
    return { fl: this.flBitmap, sl: [...this.slBitmap] };
  }

  private nextPhys(b: HeapBlock): HeapBlock {
    const next = this.blocks.get(b.addr + this.headerBytes + b.size);
    if (next === undefined) throw new Error(`TLSF heap corrupt: no block after ${b.addr}`);
    return next;
  }

  /** (first level, second level) of a size (tlsf's MAPPING_INSERT). */
  private mapping(size: number): [number, number] {
    if (size < SMALL_BLOCK) return [0, Math.floor(size / (SMALL_BLOCK / MAX_SLI))];
    const fl = msBit(size);
    return [fl - FLI_OFFSET, (size >>> (fl - MAX_LOG2_SLI)) - MAX_SLI];
  }

  private findSuitable(fl: number, sl: number, path: Block[]): HeapBlock | undefined {
    const row = fl < this.slBitmap.length ? ((this.slBitmap[fl] as number) & (~0 << sl)) >>> 0 : 0;
    if (row !== 0) {
      path.push(B.tlsfFindInRow);
      return this.matrix[fl]?.[lsBit(row)];
    }
    path.push(B.tlsfFindAbove);
    const rows = fl + 1 >= 32 ? 0 : (this.flBitmap & (~0 << (fl + 1))) >>> 0;
    if (rows === 0) return undefined;
    const f = lsBit(rows);
    return this.matrix[f]?.[lsBit(this.slBitmap[f] as number)];
  }

  private insert(b: HeapBlock, path: Block[]): void {
    path.push(B.tlsfMappingInsert, B.tlsfInsert);
    const [fl, sl] = this.mapping(b.size);
    const row = this.matrix[fl] as (HeapBlock | undefined)[];
    const head = row[sl];
    b.prevFree = undefined;
    b.nextFree = head;
    if (head !== undefined) head.prevFree = b;
    row[sl] = b;
    this.slBitmap[fl] = ((this.slBitmap[fl] as number) | (1 << sl)) >>> 0;
    this.flBitmap = (this.flBitmap | (1 << fl)) >>> 0;
  }

  private extract(b: HeapBlock, path: Block[]): void {
    path.push(B.tlsfMappingInsert, B.tlsfExtract);
    const [fl, sl] = this.mapping(b.size);
    const row = this.matrix[fl] as (HeapBlock | undefined)[];
    if (b.nextFree !== undefined) b.nextFree.prevFree = b.prevFree;
    if (b.prevFree !== undefined) b.prevFree.nextFree = b.nextFree;
    else row[sl] = b.nextFree;
    b.nextFree = undefined;
    b.prevFree = undefined;
    if (row[sl] === undefined) {
      path.push(B.tlsfClearBits);
      this.slBitmap[fl] = ((this.slBitmap[fl] as number) & ~(1 << sl)) >>> 0;
      if (this.slBitmap[fl] === 0) this.flBitmap = (this.flBitmap & ~(1 << fl)) >>> 0;
    }
  }
}
