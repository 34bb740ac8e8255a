import { Prng } from '../hardware/prng.ts';
import { getTarget } from '../hardware/targets/index.ts';
import { tlsfWorstCycles } from '../multiapp/tlsf/cost.ts';
import { TlsfHeap } from '../multiapp/tlsf/tlsf.ts';
import { replayTrace, syntheticTrace, type TraceShape } from '../multiapp/tlsf/trace.ts';
import { defineExperiment, type Row } from './contract.ts';
import { grid } from './unit-helpers.ts';

/*
 * An APP's TLSF heap (patent step S304) under seeded allocation traces: fragmentation (1 - largest
 * free block / free bytes), failed requests, and the longest malloc and free seen against the
 * constant worst case priced from the allocator's blocks. The traces are synthetic: uniform request
 * sizes, random lifetimes, a cap on live buffers (no meter APP's trace is public).
 */

const TARGET = 'm4';
const HEAP_KB = [4, 8, 16] as const;
const SHAPES = {
  frames: { operations: 4000, minBytes: 16, maxBytes: 128, maxLive: 24 },
  mixed: { operations: 4000, minBytes: 16, maxBytes: 1024, maxLive: 12 },
} as const satisfies Record<string, TraceShape>;
const SEEDS = [1, 2, 3] as const;
const HEAP_BASE = 0x2000_0000;

interface HeapUnit {
  readonly heapKb: number;
  readonly trace: keyof typeof SHAPES;
  readonly seed: number;
}

type HeapRow = {
  readonly target: string;
  readonly heapBytes: number;
  readonly trace: string;
  readonly seed: number;
  readonly mallocs: number;
  readonly failedMallocs: number;
  readonly maxFragmentation: number;
  readonly finalFragmentation: number;
  readonly maxMallocCycles: number;
  readonly maxFreeCycles: number;
  readonly worstMallocCycles: number;
  readonly worstFreeCycles: number;
};

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** The APP heap study. */
export const multiappHeap = defineExperiment<HeapUnit, HeapRow>({
  id: 'multiapp-heap',
  title: 'A TLSF heap per APP: fragmentation and malloc/free cycles under allocation traces',
  description:
    'Seeded synthetic allocation traces (meter frames of 16-128 bytes, or mixed 16-1024 bytes) on an APP heap of 4-16 KB: fragmentation, failed requests, and the longest malloc/free observed beside the constant worst case priced on the M4.',
  columns: ['target', 'heapBytes', 'trace', 'seed', 'mallocs', 'failedMallocs', 'maxFragmentation', 'finalFragmentation', 'maxMallocCycles', 'maxFreeCycles', 'worstMallocCycles', 'worstFreeCycles'],
  settings: () => ({ seeds: [...SEEDS], targets: [TARGET], durationMs: null, heapKb: [...HEAP_KB] }),
  units: () => grid({ heapKb: HEAP_KB, trace: Object.keys(SHAPES) as (keyof typeof SHAPES)[], seed: SEEDS }),
  runUnit: ({ heapKb, trace, seed }) => {
    const t = getTarget(TARGET);
    const heap = new TlsfHeap(HEAP_BASE, heapKb * 1024, t.pointerBytes);
    const r = replayTrace(heap, syntheticTrace(new Prng(seed), SHAPES[trace]), t);
    const worst = tlsfWorstCycles(t);
    return {
      target: TARGET,
      heapBytes: heapKb * 1024,
      trace,
      seed,
      mallocs: r.mallocs,
      failedMallocs: r.failedMallocs,
      maxFragmentation: round3(r.maxFragmentation),
      finalFragmentation: round3(r.finalFragmentation),
      maxMallocCycles: r.maxMallocCycles,
      maxFreeCycles: r.maxFreeCycles,
      worstMallocCycles: worst.mallocCycles,
      worstFreeCycles: worst.freeCycles,
    };
  },
  reduce: (results) => results.map((r): Row => ({ ...r })),
});
