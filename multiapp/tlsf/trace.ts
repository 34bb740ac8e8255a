import type { Prng } from '../../hardware/prng.ts';
import type { Target } from '../../hardware/target.ts';
import { pathCycles } from './cost.ts';
import type { TlsfHeap } from './tlsf.ts';

/** One operation of an APP's allocation trace: allocate `bytes` as handle `id`, or free handle `id`. */
export type HeapOp = { readonly op: 'malloc'; readonly id: number; readonly bytes: number } | { readonly op: 'free'; readonly id: number };

/** The shape of a synthetic trace: request sizes and how many buffers live at once. */
export interface TraceShape {
  readonly operations: number;
  readonly minBytes: number;
  readonly maxBytes: number;
  /** Buffers alive at most; at the limit a random live buffer is freed next. */
  readonly maxLive: number;
}

/** A seeded allocation trace: mallocs of uniform sizes, each live buffer freed at a random later point. */
export function syntheticTrace(prng: Prng, shape: TraceShape): HeapOp[] {
  const ops: HeapOp[] = [];
  const live: number[] = [];
  let nextId = 0;
  for (let i = 0; i < shape.operations; i++) {
    const mustFree = live.length >= shape.maxLive;
    if (live.length > 0 && (mustFree || prng.nextU32() % 2 === 0)) {
      const at = prng.nextU32() % live.length;
      ops.push({ op: 'free', id: live[at] as number });
      live.splice(at, 1);
    } else {
      const bytes = shape.minBytes + (prng.nextU32() % (shape.maxBytes - shape.minBytes + 1));
      ops.push({ op: 'malloc', id: nextId, bytes });
      live.push(nextId++);
    }
  }
  return ops;
}

/** What replaying a trace on a heap measured. */
export interface TraceReplay {
  readonly mallocs: number;
  readonly failedMallocs: number;
  readonly frees: number;
  readonly maxMallocCycles: number;
  readonly maxFreeCycles: number;
  /** Largest fragmentation seen after any operation (1 - largest free block / free bytes). */
  readonly maxFragmentation: number;
  readonly finalFragmentation: number;
}

/** Replays `ops` on `heap`, pricing each operation on `target`; a failed malloc's handle is never freed. */
export function replayTrace(heap: TlsfHeap, ops: readonly HeapOp[], target: Target): TraceReplay {
  const buffers = new Map<number, number>();
  let mallocs = 0, failedMallocs = 0, frees = 0, maxMallocCycles = 0, maxFreeCycles = 0, maxFragmentation = 0;
  for (const op of ops) {
    if (op.op === 'malloc') {
      const r = heap.malloc(op.bytes);
      mallocs++;
      maxMallocCycles = Math.max(maxMallocCycles, pathCycles(r.path, target));
      if (r.addr === undefined) failedMallocs++;
      else buffers.set(op.id, r.addr);
    } else {
      const addr = buffers.get(op.id);
      if (addr === undefined) continue;
      buffers.delete(op.id);
      frees++;
      maxFreeCycles = Math.max(maxFreeCycles, pathCycles(heap.free(addr).path, target));
    }
    maxFragmentation = Math.max(maxFragmentation, heap.fragmentation());
  }
  return { mallocs, failedMallocs, frees, maxMallocCycles, maxFreeCycles, maxFragmentation, finalFragmentation: heap.fragmentation() };
}
