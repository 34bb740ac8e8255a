import type { Prng } from '../hardware/prng.ts';
import type { AppHeader, AppPermission } from '../workloads/types.ts';

/*
 * An APP image as the patent's step S10 builds it: a header of 32-bit little-endian words (magic,
 * name, the sizes the loader needs), then the position-independent .text (executed in place from
 * XIPFS) and the .data image, whose first words are the GOT. A GOT entry holds an image-relative
 * offset: below textBytes it points into .text (flash), else into .data/.bss (RAM); the loader adds
 * the matching base (step S303's relocation of absolute references).
 */

export const APP_MAGIC = 0x4150_5031;
const NAME_WORDS = 4;
const WORD = 4;
/** Header fields after the magic and the name, in order. */
const FIELDS = ['entryOffset', 'textBytes', 'dataBytes', 'bssBytes', 'gotEntries', 'stackBytes', 'mainStackBytes', 'heapBytes', 'mainPriority'] as const;
const PERMISSIONS: readonly AppPermission[] = ['semaphore', 'mutex', 'queue', 'delay', 'flags'];
/** Bytes of the header: magic, name, the fields, the permission mask. */
export const HEADER_BYTES = (1 + NAME_WORDS + FIELDS.length + 1) * WORD;

/** A parsed header with the APP's name. */
export interface ParsedApp {
  readonly name: string;
  readonly header: AppHeader;
}

/** The image of an APP: header, seeded .text, and .data whose GOT entries point into .text and RAM alternately. */
export function buildAppImage(name: string, header: AppHeader, prng: Prng): Uint8Array {
  const image = new Uint8Array(HEADER_BYTES + header.textBytes + header.dataBytes);
  const view = new DataView(image.buffer);
  view.setUint32(0, APP_MAGIC, true);
  const utf8 = new TextEncoder().encode(name);
  if (utf8.length > NAME_WORDS * WORD) throw new RangeError(`APP name "${name}" longer than ${NAME_WORDS * WORD} bytes`);
  image.set(utf8, WORD);
  FIELDS.forEach((f, i) => view.setUint32((1 + NAME_WORDS + i) * WORD, header[f], true));
  const mask = header.permissions.reduce((m, p) => m | (1 << PERMISSIONS.indexOf(p)), 0);
  view.setUint32((1 + NAME_WORDS + FIELDS.length) * WORD, mask, true);
  for (let i = HEADER_BYTES; i < image.length; i++) image[i] = prng.nextU32() & 0xff;
  const dataAt = HEADER_BYTES + header.textBytes;
  const ramBytes = Math.max(1, header.dataBytes + header.bssBytes);
  for (let g = 0; g < header.gotEntries; g++) {
    const target = g % 2 === 0 ? prng.nextU32() % header.textBytes : header.textBytes + (prng.nextU32() % ramBytes);
    view.setUint32(dataAt + g * WORD, target, true);
  }
  return image;
}

/** Parses an image's header (step S302); throws when the magic or the sizes are wrong. */
export function parseAppHeader(image: Uint8Array): ParsedApp {
  if (image.length < HEADER_BYTES) throw new RangeError(`APP image of ${image.length} bytes is shorter than its header`);
  const view = new DataView(image.buffer, image.byteOffset, image.byteLength);
  if (view.getUint32(0, true) !== APP_MAGIC) throw new RangeError('not an APP image: bad magic');
  const raw = image.subarray(WORD, WORD + NAME_WORDS * WORD);
  const end = raw.indexOf(0);
  const name = new TextDecoder().decode(raw.subarray(0, end < 0 ? raw.length : end));
  const field = (i: number): number => view.getUint32((1 + NAME_WORDS + i) * WORD, true);
  const mask = field(FIELDS.length);
  const values = Object.fromEntries(FIELDS.map((f, i) => [f, field(i)])) as Record<(typeof FIELDS)[number], number>;
  const header: AppHeader = { ...values, permissions: PERMISSIONS.filter((_, i) => (mask & (1 << i)) !== 0) };
  if (image.length !== HEADER_BYTES + header.textBytes + header.dataBytes) throw new RangeError(`APP image of ${image.length} bytes does not match its header's .text and .data sizes`);
  return { name, header };
}

/** RAM an APP needs (the patent's ram_size): .data, .bss, its stacks and its heap. */
export function appRamBytes(header: AppHeader): number {
  return header.dataBytes + header.bssBytes + header.stackBytes + header.heapBytes;
}
