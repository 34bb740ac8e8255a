import { portPrice, price, type Block } from '../../hardware/block.ts';
import type { Target } from '../../hardware/target.ts';
import type { Workload } from '../../workloads/types.ts';
import type { Footprint } from '../types.ts';
import * as B from './blocks.ts';
import type { MosMapping } from './config.ts';

/** What sizes a MOS configuration's code and RAM. Tasks appear only as flash table entries and timer countdowns. */
export interface MosLayout {
  readonly levels: number;
  readonly modules: number;
  /** Tasks in all modules (one task-table pointer each, in flash). */
  readonly tasks: number;
  /** Periodic tasks: one 16-bit countdown each in RAM. */
  readonly periodicTimers: number;
  /** Slot count of each bus object (queue or mailbox). */
  readonly busSlots: readonly number[];
  /** Interrupt lines with an ISR (tick, I/O lines, release sources): one vector, prologue and epilogue each. */
  readonly isrCount: number;
  /** Per level: the largest own-frame stack need of its tasks; missing levels use the default. */
  readonly ownStackBytes?: readonly number[];
}

/** Data widths of the layouts below (C types, not target costs). */
const U8 = 1;
const U16 = 2;
const U32 = 4;
/** The byte scan is unrolled: a test for each of the first three bytes, a lookup for each of the four. */
const WORD_BYTES = U32;
/** OSUnMapTbl: one entry per byte value. */
const UNMAP_TABLE_ENTRIES = 256;
/** The byte-mask table the pick uses to clear a bit (1 << (b % 8)). */
const BYTE_MASK_ENTRIES = 8;
/** Return addresses on a level stack: dispatcher -> task -> bus -> post. */
const KERNEL_CALL_DEPTH = 3;

/** The stack a task needs for its own frames when nothing is stated: one register-file image (an assumption). */
export function defaultTaskStackBytes(target: Target): number {
  return target.contextFrameBytes;
}

/** One level's stack: its largest task frame, the kernel's return addresses, and one context frame (a preemption's save or an ISR frame). */
export function levelStackBytes(target: Target, ownBytes: number): number {
  return ownBytes + KERNEL_CALL_DEPTH * target.pointerBytes + target.contextFrameBytes;
}

/** The layout of a mapped workload: a level's own stack is the largest `stackBytes` of its tasks (else `defaultOwnBytes`). */
export function mosLayout(workload: Workload, mapping: MosMapping, isrCount: number, defaultOwnBytes: number): MosLayout {
  const own: number[] = Array.from({ length: mapping.levels }, () => 0);
  workload.tasks.forEach((task, i) => {
    const level = mapping.places[i]?.level ?? 0;
    own[level] = Math.max(own[level] as number, task.stackBytes ?? defaultOwnBytes);
  });
  return {
    levels: mapping.levels,
    modules: mapping.modules.length,
    tasks: workload.tasks.length,
    periodicTimers: workload.tasks.filter((t) => t.trigger.kind === 'periodic').length,
    busSlots: mapping.busObjects.map((o) => o.capacity),
    isrCount,
    ownStackBytes: own,
  };
}

function sumBytes(target: Target, blocks: readonly Block[]): number {
  let bytes = 0;
  for (const b of blocks) bytes += price(b, target).bytes;
  return bytes;
}

/** Code and RAM of a MOS configuration on a target, from the blocks, the port code and the data layouts. */
export function mosFootprint(target: Target, layout: MosLayout): Footprint {
  const ptr = target.pointerBytes;
  const findFirst = target.hasClz
    ? price(B.findFirstClz, target).bytes
    : (WORD_BYTES - 1) * price(B.findFirstByteSkip, target).bytes + WORD_BYTES * price(B.findFirstByteHit, target).bytes;
  const perIsr = portPrice('irq-entry', target).bytes + portPrice('isr-prologue', target).bytes + portPrice('isr-epilogue', target).bytes + portPrice('irq-exit', target).bytes;
  const code: Record<string, number> = {
    'kernel blocks': sumBytes(target, B.KERNEL_BLOCKS),
    'find-first (shared routine)': findFirst,
    'port: context save + restore (one switch routine)': portPrice('context-save', target).bytes + portPrice('context-restore', target).bytes,
    'port: vector, prologue, epilogue, return per ISR': layout.isrCount * perIsr,
    'flash tables: OSUnMapTbl': target.hasClz ? 0 : UNMAP_TABLE_ENTRIES * U8,
    'flash tables: byte masks': BYTE_MASK_ENTRIES * U8,
    'flash tables: level and group per module': layout.modules * 2 * U8,
    'flash tables: task pointers': layout.tasks * ptr,
    'flash tables: timer reload, module, mask': layout.periodicTimers * (U16 + U8 + U32),
    'flash tables: bus object owner and capacity': layout.busSlots.length * 2 * U8,
  };
  const stacks = Array.from({ length: layout.levels }, (_, l) => levelStackBytes(target, layout.ownStackBytes?.[l] ?? defaultTaskStackBytes(target)));
  const ram: Record<string, number> = {
    'level stacks (one per level, not per task)': stacks.reduce((a, b) => a + b, 0),
    'level records: saved SP, current module and bit': layout.levels * (ptr + 2 * U8),
    'preempted-level stack': (layout.levels + 1) * U8,
    'module records: message word + task-table pointer': layout.modules * (U32 + ptr),
    'module-ready word': U32,
    'globals: active level, nesting, tick count, refused count': U8 + U8 + U32 + U16,
    'timer countdowns (periodic tasks)': layout.periodicTimers * U16,
    'bus objects: slots + head, tail, count': layout.busSlots.reduce((a, n) => a + n * U32 + 3 * U8, 0),
  };
  const codeBytes = Object.values(code).reduce((a, b) => a + b, 0);
  const ramBytes = Object.values(ram).reduce((a, b) => a + b, 0);
  const breakdown: Record<string, number> = {};
  for (const [k, v] of Object.entries(code)) breakdown[`code: ${k}`] = v;
  for (const [k, v] of Object.entries(ram)) breakdown[`ram: ${k}`] = v;
  return { codeBytes, ramBytes, breakdown };
}
