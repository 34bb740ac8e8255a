import { AMB, BLANK_WORD, blockSizes, decodeName, stateOf, WORD_BYTES, ZONE_MAGIC, roundUp, type AppState } from './layout.ts';
import type { NorFlash } from './nor-flash.ts';

/** One APP management block found in a zone. */
export interface AppRecord {
  readonly name: string;
  readonly state: AppState;
  readonly sequence: number;
  /** Byte offset of the AMB in the flash. */
  readonly offset: number;
  /** Byte offset of the image (right after the AMB). */
  readonly imageOffset: number;
  /** Image bytes, or undefined while the length has not been back-filled. */
  readonly length: number | undefined;
}

/** A zone: whole erase blocks managed by the ZMB at its start. */
export interface Zone {
  readonly firstBlock: number;
  readonly blocks: number;
  readonly records: readonly AppRecord[];
  /** Where the next AMB goes, or undefined when an unfinished write blocks the rest of the zone. */
  readonly freeOffset: number | undefined;
  /** Byte offset just past the zone. */
  readonly end: number;
}

/** Reads every zone of the XIPFS, as a boot (or a launch's search, step S301) does. */
export function scanZones(flash: NorFlash): Zone[] {
  const { eraseBlockBytes } = flash.geometry;
  const totalBlocks = flash.bytes.length / eraseBlockBytes;
  const sizes = blockSizes(flash);
  const zones: Zone[] = [];
  let block = 0;
  while (block < totalBlocks) {
    const start = block * eraseBlockBytes;
    const blocks = flash.word(start + WORD_BYTES);
    if (flash.word(start) !== ZONE_MAGIC || blocks < 1 || block + blocks > totalBlocks) {
      block++;
      continue;
    }
    const end = start + blocks * eraseBlockBytes;
    const records: AppRecord[] = [];
    let at = start + sizes.zmb;
    let freeOffset: number | undefined;
    for (;;) {
      if (at + sizes.amb > end) {
        freeOffset = end;
        break;
      }
      const flags = flash.word(at + AMB.flags * WORD_BYTES);
      if (flags === BLANK_WORD) {
        freeOffset = at;
        break;
      }
      const lengthWord = flash.word(at + AMB.length * WORD_BYTES);
      const length = lengthWord === BLANK_WORD || at + sizes.amb + lengthWord > end ? undefined : lengthWord;
      records.push({ name: decodeName(flash, at + AMB.name * WORD_BYTES), state: stateOf(flags), sequence: flash.word(at + AMB.sequence * WORD_BYTES), offset: at, imageOffset: at + sizes.amb, length });
      // An AMB whose length was never back-filled hides where the next one starts: the zone is full.
      if (length === undefined) break;
      at += sizes.amb + roundUp(length, sizes.align);
    }
    zones.push({ firstBlock: block, blocks, records, freeOffset, end });
    block += blocks;
  }
  return zones;
}

/** The runnable copy of APP `name`: the valid record with the highest sequence number. */
export function findApp(zones: readonly Zone[], name: string): AppRecord | undefined {
  let best: AppRecord | undefined;
  for (const z of zones) for (const r of z.records) if (r.name === name && r.state === 'valid' && r.length !== undefined && (best === undefined || r.sequence > best.sequence)) best = r;
  return best;
}
