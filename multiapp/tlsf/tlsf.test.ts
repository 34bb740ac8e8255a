import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../hardware/prng.ts';
import { m4, m4F407 } from '../../hardware/targets/index.ts';
import { pathCycles, tlsfWorstCycles, WORST_FREE_PATH, WORST_MALLOC_PATH } from './cost.ts';
import { replayTrace, syntheticTrace } from './trace.ts';
import { TlsfHeap, type HeapSpan } from './tlsf.ts';

const BASE = 0x2000_1000;
const POINTER = m4.pointerBytes;

/** The heap's blocks tile its region: each starts where the previous one's buffer ends, and no two free blocks touch. */
function checkTiling(heap: TlsfHeap, spans: readonly HeapSpan[]): void {
  let at = heap.base;
  let prevFree = false;
  for (const s of spans) {
    expect(s.addr).toBe(at);
    expect(s.free && prevFree).toBe(false);
    prevFree = s.free;
    at = s.addr + heap.headerBytes + s.size;
  }
  // The sentinel header ends the region.
  expect(at + heap.headerBytes).toBeLessThanOrEqual(heap.base + heap.bytes);
}

type Command = { kind: 'malloc'; bytes: number } | { kind: 'free'; pick: number };
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('malloc' as const), bytes: fc.integer({ min: 1, max: 1500 }) }),
  fc.record({ kind: fc.constant('free' as const), pick: fc.nat() }),
);

describe('TLSF heap', () => {
  it('against a naive walk of its blocks: no overlap, good fit, split remainders, and full coalescing', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 120 }), fc.integer({ min: 512, max: 16384 }), (commands, bytes) => {
        const heap = new TlsfHeap(BASE, bytes, POINTER);
        const initial = heap.spans();
        const live: { addr: number; bytes: number }[] = [];
        for (const c of commands) {
          if (c.kind === 'malloc') {
            // The naive reference: does any free block reach the size TLSF's search guarantees?
            const need = heap.searchSize(c.bytes);
            const fits = heap.spans().some((s) => s.free && s.size >= need);
            const r = heap.malloc(c.bytes);
            expect(r.addr !== undefined).toBe(fits);
            if (r.addr !== undefined) {
              const span = heap.spans().find((s) => s.addr + heap.headerBytes === r.addr);
              expect(span?.free).toBe(false);
              const size = span?.size ?? 0;
              expect(size).toBeGreaterThanOrEqual(heap.roundedSize(c.bytes));
              // A remainder big enough for a block would have been split off.
              expect(size - heap.roundedSize(c.bytes)).toBeLessThan(heap.headerBytes + heap.alignBytes);
              live.push({ addr: r.addr, bytes: c.bytes });
            }
          } else if (live.length > 0) {
            const [gone] = live.splice(c.pick % live.length, 1);
            heap.free((gone as { addr: number }).addr);
          }
          const spans = heap.spans();
          checkTiling(heap, spans);
          // Every live buffer is its own used block (no two allocations share memory).
          const used = new Set(spans.filter((s) => !s.free).map((s) => s.addr + heap.headerBytes));
          expect(live.every((l) => used.has(l.addr))).toBe(true);
          expect(used.size).toBe(live.length);
        }
        for (const l of live) heap.free(l.addr);
        expect(heap.spans()).toEqual(initial);
        expect(heap.fragmentation()).toBe(0);
      }),
      { seed: 13, numRuns: 200 },
    );
  });

  it('sets one bitmap bit per non-empty list: a fresh heap has one free block, so one bit at each level', () => {
    const heap = new TlsfHeap(BASE, 4096, POINTER);
    const { fl, sl } = heap.bitmaps();
    const bits = (x: number): number => x.toString(2).split('').filter((c) => c === '1').length;
    expect(bits(fl)).toBe(1);
    expect(sl.reduce((sum, row) => sum + bits(row), 0)).toBe(1);
  });

  it('takes its longest malloc path for a small request on a fresh heap, and never a longer one', () => {
    const heap = new TlsfHeap(BASE, 8192, POINTER);
    // The only free block sits in a high row: the search goes up a level, empties that list and splits.
    expect(heap.malloc(16).path).toEqual(WORST_MALLOC_PATH);
    const replay = replayTrace(new TlsfHeap(BASE, 8192, POINTER), syntheticTrace(new Prng(7), { operations: 2000, minBytes: 8, maxBytes: 600, maxLive: 12 }), m4);
    expect(replay.maxMallocCycles).toBeLessThanOrEqual(tlsfWorstCycles(m4).mallocCycles);
    expect(replay.maxFreeCycles).toBeLessThanOrEqual(tlsfWorstCycles(m4).freeCycles);
  });

  it('takes its longest free path when both neighbours are free, each alone in its list', () => {
    // x | y | z | guard: free x and z (40 and 96 bytes, each alone in its list), then y merges with both.
    const heap = new TlsfHeap(BASE, 8192, POINTER);
    const x = heap.malloc(40).addr as number;
    const y = heap.malloc(200).addr as number;
    const z = heap.malloc(96).addr as number;
    heap.malloc(8);
    heap.free(x);
    heap.free(z);
    expect(heap.free(y).path).toEqual(WORST_FREE_PATH);
  });

  it('costs the same worst case on every heap size: constant time on the M4', () => {
    const worst = tlsfWorstCycles(m4);
    expect(pathCycles(new TlsfHeap(BASE, 1024, POINTER).malloc(16).path, m4)).toBe(worst.mallocCycles);
    expect(pathCycles(new TlsfHeap(BASE, 65536, POINTER).malloc(16).path, m4)).toBe(worst.mallocCycles);
    expect(tlsfWorstCycles(m4F407)).toEqual(worst);
  });

  it('fails a request no free block can serve, and is left as it was', () => {
    const heap = new TlsfHeap(BASE, 1024, POINTER);
    const before = heap.spans();
    expect(heap.malloc(4096).addr).toBeUndefined();
    expect(heap.spans()).toEqual(before);
  });

  it('refuses to free what it did not hand out', () => {
    const heap = new TlsfHeap(BASE, 1024, POINTER);
    expect(() => heap.free(BASE + 3)).toThrow(/not a buffer this heap handed out/);
  });
});
