import { portPrice, price, type Block } from '../../hardware/block.ts';
import type { Target } from '../../hardware/target.ts';
import * as B from './blocks.ts';

/**
 * The MOS blocks priced once per target, so the simulation's hot path adds integers only. Composite
 * paths (a post, a dispatch, a level switch) are sums of their blocks; the find-first part depends on
 * the bitmap on a core without CLZ and is added by `findFirstCycles`.
 */
export interface MosPrices {
  readonly target: Target;
  /** A whole post: call + masked bit setting. */
  readonly post: number;
  /** Find-first with CLZ, or the byte-scan pieces without it. */
  readonly findClz: number;
  readonly findSkip: number;
  readonly findHit: number;
  /** Dispatch without the two find-firsts: pick enter + band + message + clear + call. */
  readonly dispatchFixed: number;
  readonly taskReturn: number;
  readonly levelCheckHead: number;
  readonly levelCheckTail: number;
  readonly levelSwitch: number;
  readonly contextSave: number;
  readonly contextRestore: number;
  readonly isrPrologue: number;
  readonly isrEpilogue: number;
  readonly isrEnter: number;
  readonly isrLeave: number;
  readonly tickEnter: number;
  readonly tickTimer: number;
  /** An expired timer: reload + post. */
  readonly tickExpire: number;
  /** Bus call + security check (the unmasked part of every bus access). */
  readonly busCallCheck: number;
  readonly busRefuse: number;
  /** Masked ring write + the receiver's post critical section (the post's call is inlined in the bus). */
  readonly busWritePost: number;
  readonly busWriteNoReceiver: number;
  readonly busRead: number;
  readonly ioOut: number;
}

const cache = new WeakMap<Target, MosPrices>();
/** Bytes in a bitmap word: a byte scan skips at most three zero bytes before the last one. */
const WORD_BYTES = 4;

function sum(target: Target, ...blocks: readonly Block[]): number {
  let cycles = 0;
  for (const b of blocks) cycles += price(b, target).cycles;
  return cycles;
}

/** The MOS blocks priced on `target` (memoised per target). */
export function mosPrices(target: Target): MosPrices {
  const cached = cache.get(target);
  if (cached !== undefined) return cached;
  const p: MosPrices = {
    target,
    post: sum(target, B.postCall, B.postCritical),
    findClz: sum(target, B.findFirstClz),
    findSkip: sum(target, B.findFirstByteSkip),
    findHit: sum(target, B.findFirstByteHit),
    dispatchFixed: sum(target, B.pickEnter, B.pickBand, B.pickMessage, B.pickClear, B.callTask),
    taskReturn: sum(target, B.taskReturn),
    levelCheckHead: sum(target, B.levelCheckHead),
    levelCheckTail: sum(target, B.levelCheckTail),
    levelSwitch: sum(target, B.levelSwitch),
    contextSave: portPrice('context-save', target).cycles,
    contextRestore: portPrice('context-restore', target).cycles,
    isrPrologue: portPrice('isr-prologue', target).cycles,
    isrEpilogue: portPrice('isr-epilogue', target).cycles,
    isrEnter: sum(target, B.isrEnter),
    isrLeave: sum(target, B.isrLeave),
    tickEnter: sum(target, B.tickEnter),
    tickTimer: sum(target, B.tickTimer),
    tickExpire: sum(target, B.tickExpire, B.postCall, B.postCritical),
    busCallCheck: sum(target, B.busCall, B.busCheck),
    busRefuse: sum(target, B.busRefuse),
    busWritePost: sum(target, B.busWrite, B.postCritical),
    busWriteNoReceiver: sum(target, B.busWrite),
    busRead: sum(target, B.busRead),
    ioOut: sum(target, B.ioOut),
  };
  cache.set(target, p);
  return p;
}

/** Index (0..3) of the byte holding the lowest set bit of a nonzero 32-bit word. */
export function firstByteIndex(word: number): number {
  const lowest = (word & -word) >>> 0;
  return (31 - Math.clz32(lowest)) >> 3;
}

/**
 * Cycles to find the most urgent set bit of a nonzero 32-bit bitmap: one CLZ where the core has it;
 * otherwise one skipped byte per zero byte below the first nonzero one, then the OSUnMapTbl lookup.
 * It depends on where the first set bit is, never on how many bits are set.
 */
export function findFirstCycles(p: MosPrices, word: number): number {
  return p.target.hasClz ? p.findClz : firstByteIndex(word) * p.findSkip + p.findHit;
}

/** The worst find-first (first set bit in the last byte, without CLZ). */
export function worstFindFirstCycles(p: MosPrices): number {
  return p.target.hasClz ? p.findClz : (WORD_BYTES - 1) * p.findSkip + p.findHit;
}

/** A level's dispatcher picking from `modRdy` and the chosen module's `msg` word, up to the task call. */
export function dispatchCycles(p: MosPrices, modRdy: number, msg: number): number {
  return p.dispatchFixed + findFirstCycles(p, modRdy) + findFirstCycles(p, msg);
}

/** The scheduler check (which level should run) for a given `modRdy`. */
export function levelCheckCycles(p: MosPrices, modRdy: number): number {
  return modRdy === 0 ? p.levelCheckHead : p.levelCheckHead + findFirstCycles(p, modRdy) + p.levelCheckTail;
}
