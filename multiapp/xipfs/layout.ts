import type { NorFlash } from './nor-flash.ts';

/*
 * The XIPFS on-flash format. Every field is a 32-bit little-endian word; states move only by
 * clearing bits, so no state change needs an erase (NOR programs 1 -> 0 only).
 *
 * Zone management block (ZMB), at the first byte of a zone: [magic, zone blocks]. The block count
 * is programmed before the magic, so a zone exists only once both are there.
 * APP management block (AMB), then the APP image: [flags, sequence, name (4 words), image length].
 * The flags are programmed first (they claim the slot), the length is back-filled after the image
 * (patent step S213), then the flags say VALID; DELETE clears one more bit (steps S222, S232).
 */

export const WORD_BYTES = 4;
export const ZONE_MAGIC = 0x5846_5a31;
/** Words of the ZMB: magic, zone blocks. */
export const ZMB_WORDS = 2;
/** Bytes of an APP name (UTF-8, zero-padded). */
export const NAME_BYTES = 16;
/** Word offsets inside an AMB. */
export const AMB = { flags: 0, sequence: 1, name: 2, length: 2 + NAME_BYTES / WORD_BYTES } as const;
export const AMB_WORDS = AMB.length + 1;

/** An unprogrammed word. */
export const BLANK_WORD = 0xffff_ffff;
/** AMB flags: each state clears one more bit. */
export const FLAG_WRITING = BLANK_WORD & ~0b001;
export const FLAG_VALID = BLANK_WORD & ~0b011;
export const FLAG_DELETED = BLANK_WORD & ~0b111;

/** What an AMB's flags say. */
export type AppState = 'writing' | 'valid' | 'deleted';

/** Decodes flags; a word between two states (cannot happen with single-bit programs) counts as the earlier one. */
export function stateOf(flags: number): AppState {
  if ((flags & 0b100) === 0) return 'deleted';
  if ((flags & 0b010) === 0) return 'valid';
  return 'writing';
}

/** Rounds `n` up to a multiple of `unit`. */
export function roundUp(n: number, unit: number): number {
  return Math.ceil(n / unit) * unit;
}

/** Byte sizes of the two management blocks on `flash` (padded to its program unit). */
export function blockSizes(flash: NorFlash): { zmb: number; amb: number; align: number } {
  const align = Math.max(WORD_BYTES, flash.geometry.programBytes);
  return { zmb: roundUp(ZMB_WORDS * WORD_BYTES, align), amb: roundUp(AMB_WORDS * WORD_BYTES, align), align };
}

/** An APP name as its fixed-width bytes; throws when it does not fit. */
export function encodeName(name: string): Uint8Array {
  const utf8 = new TextEncoder().encode(name);
  if (utf8.length === 0 || utf8.length > NAME_BYTES) throw new RangeError(`APP name "${name}" must be 1 to ${NAME_BYTES} bytes of UTF-8`);
  const out = new Uint8Array(NAME_BYTES);
  out.set(utf8);
  return out;
}

/** The name stored at `offset`. */
export function decodeName(flash: NorFlash, offset: number): string {
  const raw = flash.bytes.subarray(offset, offset + NAME_BYTES);
  const end = raw.indexOf(0);
  return new TextDecoder().decode(raw.subarray(0, end < 0 ? NAME_BYTES : end));
}
