import { AMB, BLANK_WORD, blockSizes, encodeName, FLAG_DELETED, FLAG_VALID, FLAG_WRITING, roundUp, WORD_BYTES, ZONE_MAGIC } from './layout.ts';
import { wordBytes, type FlashStats, type NorFlash } from './nor-flash.ts';
import { findApp, scanZones, type AppRecord, type Zone } from './scan.ts';

/*
 * XIPFS, the execute-in-place file system of the multi-APP patent (steps S211-S232), on NOR flash
 * with whole erase blocks. An APP is installed into a zone (its size rounded up to whole erase
 * blocks, a zone management block inside), packed after others while the zone has room (S214). A
 * reinstall is an update: a new zone (S222), or a zone whose APPs are all deleted, formatted (S223).
 * A delete only flags the APP (S232).
 *
 * Update order. The patent flags the old APP deleted before writing the new one; power lost in
 * between leaves neither runnable. By default this XIPFS writes and validates the new copy first
 * and deletes the old one last, so every step leaves one of them runnable (the launch picks the
 * newest valid copy). `updateOrder: 'delete-first'` keeps the patent's literal order, to measure it.
 */

/** Where an install put the APP. */
export type Placement = 'packed' | 'new-zone' | 'reused-zone';

/** What one XIPFS operation did to the flash. */
export interface XipfsReport extends FlashStats {
  readonly placement: Placement | undefined;
  /** Flash steps (erases and program operations), the points where power can be lost. */
  readonly steps: number;
}

/** Flash use: zones taken, live APP images, and the rest of the zones (management blocks, rounding, deleted copies). */
export interface XipfsUsage {
  readonly usedBytes: number;
  readonly liveImageBytes: number;
  readonly wastedBytes: number;
  readonly zones: number;
  readonly regionBytes: number;
}

/** The XIPFS has no room for an APP. */
export class XipfsFullError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XipfsFullError';
  }
}

/** Options of an XIPFS. */
export interface XipfsOptions {
  /** `commit-first` (default, power-safe) or the patent's literal `delete-first`. */
  readonly updateOrder?: 'commit-first' | 'delete-first';
}

/** An XIPFS mounted on a flash: every call rescans the flash, as a board after a reset would. */
export class Xipfs {
  private readonly order: 'commit-first' | 'delete-first';

  constructor(readonly flash: NorFlash, options: XipfsOptions = {}) {
    this.order = options.updateOrder ?? 'commit-first';
  }

  /** Installs `image` as APP `name`, or updates it when it is installed (steps S211-S223). */
  install(name: string, image: Uint8Array): XipfsReport {
    return this.measured(() => {
      const encoded = encodeName(name);
      const zones = scanZones(this.flash);
      const old = liveCopies(zones, name);
      if (old.length > 0 && this.order === 'delete-first') for (const r of old) this.markDeleted(r);
      const { offset, placement } = this.place(zones, image.length, old.length > 0);
      this.writeApp(offset, encoded, nextSequence(zones), image);
      if (this.order === 'commit-first') for (const r of old) this.markDeleted(r);
      return placement;
    });
  }

  /** Deletes APP `name` by its flag only, leaving its bytes (step S232); false when it is not installed. */
  remove(name: string): boolean {
    const old = liveCopies(scanZones(this.flash), name);
    for (const r of old) this.markDeleted(r);
    return old.length > 0;
  }

  /** The runnable image of APP `name` (step S301), or undefined. */
  find(name: string): { readonly record: AppRecord; readonly image: Uint8Array } | undefined {
    const r = findApp(scanZones(this.flash), name);
    if (r === undefined || r.length === undefined) return undefined;
    return { record: r, image: this.flash.bytes.slice(r.imageOffset, r.imageOffset + r.length) };
  }

  /** Flash taken by zones, live images in them, and the difference. */
  usage(): XipfsUsage {
    const zones = scanZones(this.flash);
    const eb = this.flash.geometry.eraseBlockBytes;
    const usedBytes = zones.reduce((sum, z) => sum + z.blocks * eb, 0);
    const liveImageBytes = zones.flatMap((z) => z.records).filter((r) => r.state === 'valid').reduce((sum, r) => sum + (r.length ?? 0), 0);
    return { usedBytes, liveImageBytes, wastedBytes: usedBytes - liveImageBytes, zones: zones.length, regionBytes: this.flash.bytes.length };
  }

  /** Runs `op` and reports the flash work it did. */
  private measured(op: () => Placement): XipfsReport {
    const before = this.flash.stats();
    const stepsBefore = this.flash.steps;
    const placement = op();
    const after = this.flash.stats();
    return { placement, erases: after.erases - before.erases, programs: after.programs - before.programs, timeUs: after.timeUs - before.timeUs, steps: this.flash.steps - stepsBefore };
  }

  /** Finds room for an AMB and `length` image bytes: packed (fresh installs), a reused zone, or a new one. */
  private place(zones: readonly Zone[], length: number, update: boolean): { offset: number; placement: Placement } {
    const { amb, align } = blockSizes(this.flash);
    const need = amb + roundUp(length, align);
    if (!update) {
      const room = zones.find((z) => z.freeOffset !== undefined && z.end - z.freeOffset >= need);
      if (room?.freeOffset !== undefined) return { offset: room.freeOffset, placement: 'packed' };
    }
    // An update formats a zone of deleted APPs before taking a new one (S223); a fresh install
    // takes a new zone first (S214) and formats one only when the flash has no free run left.
    const tries: [() => number | undefined, Placement][] = [
      [() => this.newZone(zones, need), 'new-zone'],
      [() => this.reuseZone(zones, need), 'reused-zone'],
    ];
    if (update) tries.reverse();
    for (const [attempt, placement] of tries) {
      const offset = attempt();
      if (offset !== undefined) return { offset, placement };
    }
    throw new XipfsFullError(`no room for an APP of ${length} bytes: ${this.flash.bytes.length} bytes of flash, ${zones.length} zones`);
  }

  /** A zone of whole erase blocks at the first free run that fits (S212); erases blocks a lost write left dirty. */
  private newZone(zones: readonly Zone[], need: number): number | undefined {
    const eb = this.flash.geometry.eraseBlockBytes;
    const blocks = Math.ceil((blockSizes(this.flash).zmb + need) / eb);
    const taken = new Uint8Array(this.flash.bytes.length / eb);
    for (const z of zones) taken.fill(1, z.firstBlock, z.firstBlock + z.blocks);
    let run = 0;
    for (let b = 0; b < taken.length; b++) {
      run = taken[b] === 1 ? 0 : run + 1;
      if (run === blocks) {
        const first = b - blocks + 1;
        for (let i = first; i <= b; i++) if (!this.flash.blank(i)) this.flash.erase(i);
        return this.writeZmb(first, blocks);
      }
    }
    return undefined;
  }

  /** Formats a zone that holds no live APP and is big enough (S223), last block first so its ZMB goes last. */
  private reuseZone(zones: readonly Zone[], need: number): number | undefined {
    const eb = this.flash.geometry.eraseBlockBytes;
    const zmb = blockSizes(this.flash).zmb;
    const dead = zones.find((z) => z.blocks * eb - zmb >= need && z.records.every((r) => r.state !== 'valid'));
    if (dead === undefined) return undefined;
    for (let b = dead.firstBlock + dead.blocks - 1; b >= dead.firstBlock; b--) this.flash.erase(b);
    return this.writeZmb(dead.firstBlock, dead.blocks);
  }

  /** Writes a ZMB (block count, then magic); returns where the zone's first AMB goes. */
  private writeZmb(firstBlock: number, blocks: number): number {
    const start = firstBlock * this.flash.geometry.eraseBlockBytes;
    this.flash.program(start + WORD_BYTES, wordBytes(blocks));
    this.flash.program(start, wordBytes(ZONE_MAGIC));
    return start + blockSizes(this.flash).zmb;
  }

  /** Step S213: claim the AMB, name it, write the image, back-fill its length, then mark it valid. */
  private writeApp(offset: number, name: Uint8Array, sequence: number, image: Uint8Array): void {
    const { amb, align } = blockSizes(this.flash);
    this.flash.program(offset + AMB.flags * WORD_BYTES, wordBytes(FLAG_WRITING));
    this.flash.program(offset + AMB.sequence * WORD_BYTES, wordBytes(sequence));
    this.flash.program(offset + AMB.name * WORD_BYTES, name);
    const padded = new Uint8Array(roundUp(image.length, align)).fill(0xff);
    padded.set(image);
    this.flash.program(offset + amb, padded);
    this.flash.program(offset + AMB.length * WORD_BYTES, wordBytes(image.length));
    this.flash.program(offset + AMB.flags * WORD_BYTES, wordBytes(FLAG_VALID));
  }

  private markDeleted(r: AppRecord): void {
    this.flash.program(r.offset + AMB.flags * WORD_BYTES, wordBytes(FLAG_DELETED));
  }
}

/** Every valid copy of APP `name` (more than one only after power was lost mid-update). */
function liveCopies(zones: readonly Zone[], name: string): AppRecord[] {
  return zones.flatMap((z) => z.records).filter((r) => r.name === name && r.state === 'valid');
}

/** One past the highest sequence number written so far. */
function nextSequence(zones: readonly Zone[]): number {
  let top = 0;
  for (const z of zones) for (const r of z.records) if (r.sequence !== BLANK_WORD && r.sequence >= top) top = r.sequence + 1;
  return top;
}
