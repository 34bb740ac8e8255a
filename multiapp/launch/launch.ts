import { price, type Block } from '../../hardware/block.ts';
import type { Target } from '../../hardware/target.ts';
import type { Cycles } from '../../hardware/units.ts';
import { taskCreate } from '../../kernels/core/blocks.ts';
import type { AppHeader } from '../../workloads/types.ts';
import { appRamBytes, HEADER_BYTES, parseAppHeader } from '../image.ts';
import { pathCycles } from '../tlsf/cost.ts';
import { TlsfHeap } from '../tlsf/tlsf.ts';
import { scanZones } from '../xipfs/scan.ts';
import type { Xipfs } from '../xipfs/xipfs.ts';
import * as L from './blocks.ts';

/*
 * Launching an APP (the multi-APP patent's step S30): find it in XIPFS (S301), parse its header
 * (S302), take its RAM zone from the kernel's heap, create its main thread, copy .data from flash,
 * zero .bss and relocate the GOT (S303), and make its own TLSF heap inside the zone (S304). The work
 * is done on a model of the zone's bytes, so a test can check it; each phase is priced from the
 * basic blocks it runs, loops by their iteration counts.
 */

/** The phases of a launch, in order. */
export const LAUNCH_PHASES = ['find', 'parse', 'ramZone', 'mainThread', 'copyData', 'zeroBss', 'relocate', 'heapInit'] as const;
/** One phase of a launch. */
export type LaunchPhase = (typeof LAUNCH_PHASES)[number];

/** An address range. */
export interface Region {
  readonly base: number;
  readonly bytes: number;
}

/** A launched APP: where its RAM is, its heap, what its .data/.bss hold, and what the launch cost. */
export interface LaunchedApp {
  readonly name: string;
  readonly header: AppHeader;
  /** The RAM zone the kernel's heap gave it: .data, .bss, stacks, heap, in that order. */
  readonly ramZone: Region;
  readonly stacks: Region;
  /** Its TLSF heap; undefined when the header asks for too little to hold a block. */
  readonly heap: TlsfHeap | undefined;
  /** .data then .bss as launched (relocated GOT at the start of .data). */
  readonly dataAndBss: Uint8Array;
  /** Address .text executes at (in place, in flash). */
  readonly textBase: number;
  readonly phases: Readonly<Record<LaunchPhase, Cycles>>;
  readonly totalCycles: Cycles;
}

/** The APP cannot be launched (absent, or no RAM for it). */
export class LaunchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LaunchError';
  }
}

/** Cycles of a loop of `n` iterations of `body` (whose back branch is taken), the last falling through. */
export function loopCycles(body: Block, n: number, target: Target): Cycles {
  const setup = price(L.loopSetup, target).cycles;
  if (n === 0) return setup;
  return setup + n * price(body, target).cycles - price(L.loopBack, target).cycles + price(L.loopExit, target).cycles;
}

/**
 * Launches APP `name` from `fs` with RAM from `kernelRam`; `xipBase` is the address the XIPFS region
 * starts at in the memory map (its .text executes there). Throws LaunchError when it cannot.
 */
export function launchApp(fs: Xipfs, name: string, kernelRam: TlsfHeap, target: Target, xipBase: number): LaunchedApp {
  const zones = scanZones(fs.flash);
  const found = fs.find(name);
  if (found === undefined) throw new LaunchError(`APP "${name}" is not installed`);
  const recordsSeen = zones.flatMap((z) => z.records).filter((r) => r.offset <= found.record.offset).length;
  const zonesSeen = zones.filter((z) => z.firstBlock * fs.flash.geometry.eraseBlockBytes <= found.record.offset).length;
  const { header } = parseAppHeader(found.image);
  const ramBytes = appRamBytes(header);
  const zone = kernelRam.malloc(ramBytes);
  if (zone.addr === undefined) throw new LaunchError(`APP "${name}" needs ${ramBytes} bytes of RAM; the kernel's heap has no block that large`);
  const word = target.pointerBytes;
  const words = (bytes: number): number => Math.ceil(bytes / word);

  // S303: .data from flash, .bss zeroed, then every GOT entry gets its base added.
  const dataAndBss = new Uint8Array(header.dataBytes + header.bssBytes);
  const dataAt = HEADER_BYTES + header.textBytes;
  dataAndBss.set(found.image.subarray(dataAt, dataAt + header.dataBytes));
  const textBase = xipBase + found.record.imageOffset + HEADER_BYTES;
  const view = new DataView(dataAndBss.buffer);
  for (let g = 0; g < header.gotEntries; g++) {
    const offset = view.getUint32(g * word, true);
    const base = offset < header.textBytes ? textBase : zone.addr - header.textBytes;
    view.setUint32(g * word, (base + offset) >>> 0, true);
  }
  const stacks: Region = { base: zone.addr + header.dataBytes + header.bssBytes, bytes: header.stackBytes };
  const heap = header.heapBytes >= TlsfHeap.minimumBytes(target.pointerBytes) ? new TlsfHeap(stacks.base + stacks.bytes, header.heapBytes, target.pointerBytes) : undefined;
  const controlWords = heap?.controlWords() ?? 0;

  const phases: Record<LaunchPhase, Cycles> = {
    find: zonesSeen * price(L.scanZone, target).cycles + recordsSeen * price(L.scanRecord, target).cycles,
    parse: price(L.parseHeader, target).cycles,
    ramZone: pathCycles(zone.path, target),
    mainThread: price(taskCreate, target).cycles,
    copyData: loopCycles(L.copyWord, words(header.dataBytes), target),
    zeroBss: loopCycles(L.zeroWord, words(header.bssBytes), target),
    relocate: loopCycles(L.relocateEntry, header.gotEntries, target),
    heapInit: heap === undefined ? 0 : price(L.heapInitHead, target).cycles + loopCycles(L.zeroWord, controlWords, target),
  };
  const totalCycles = LAUNCH_PHASES.reduce((sum, p) => sum + phases[p], 0);
  return { name, header, ramZone: { base: zone.addr, bytes: ramBytes }, stacks, heap, dataAndBss, textBase, phases, totalCycles };
}
