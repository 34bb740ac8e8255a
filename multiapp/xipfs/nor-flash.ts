import type { FlashGeometry } from './geometry.ts';

/** Thrown by a flash operation when the injected power loss strikes before it. */
export class PowerLoss extends Error {
  constructor(readonly step: number) {
    super(`power lost before flash step ${step}`);
    this.name = 'PowerLoss';
  }
}

/** What the flash has done: the counts the XIPFS reports and the time they take. */
export interface FlashStats {
  readonly erases: number;
  readonly programs: number;
  /** Typical wall time of those operations, in microseconds. */
  readonly timeUs: number;
}

/** The value an erased NOR cell reads. */
export const ERASED = 0xff;

/**
 * NOR flash: erased cells read 0xff, a program can only clear bits (1 -> 0), and only an erase of a
 * whole block sets them again. Each erase and each program operation is one step; a power loss can
 * be injected before any step (the step does not happen, nor does anything after it).
 */
export class NorFlash {
  readonly bytes: Uint8Array;
  private erases = 0;
  private programs = 0;
  /** Steps done so far (erases and program operations). */
  steps = 0;
  /** Power is lost before this step (undefined: never). */
  powerFailsAt: number | undefined;

  constructor(readonly geometry: FlashGeometry, contents?: Uint8Array) {
    this.bytes = contents === undefined ? new Uint8Array(geometry.regionBytes).fill(ERASED) : contents.slice();
  }

  /** A copy with the same contents and no counts (a board powered up again). */
  clone(): NorFlash {
    return new NorFlash(this.geometry, this.bytes);
  }

  /** Counts and typical time of the operations done. */
  stats(): FlashStats {
    return { erases: this.erases, programs: this.programs, timeUs: this.erases * this.geometry.eraseUs + this.programs * this.geometry.programUs };
  }

  /** Erases block `index` (every byte back to 0xff). */
  erase(index: number): void {
    const size = this.geometry.eraseBlockBytes;
    if (!Number.isInteger(index) || index < 0 || (index + 1) * size > this.bytes.length) throw new RangeError(`erase block ${index} outside the flash`);
    this.step();
    this.bytes.fill(ERASED, index * size, (index + 1) * size);
    this.erases++;
  }

  /** Programs `data` at `offset`, one program unit per step; refuses to set a cleared bit. */
  program(offset: number, data: Uint8Array): void {
    const unit = this.geometry.programBytes;
    if (offset % unit !== 0) throw new RangeError(`program offset ${offset} not aligned to ${unit} bytes`);
    if (offset + data.length > this.bytes.length) throw new RangeError(`program of ${data.length} bytes at ${offset} runs past the flash`);
    for (let at = 0; at < data.length; at += unit) {
      for (let i = at; i < Math.min(at + unit, data.length); i++) {
        const old = this.bytes[offset + i] as number;
        const next = data[i] as number;
        if ((old & next) !== next) throw new Error(`program at ${offset + i} would set a cleared bit (0x${old.toString(16)} -> 0x${next.toString(16)}): erase first`);
      }
      this.step();
      for (let i = at; i < Math.min(at + unit, data.length); i++) this.bytes[offset + i] = (this.bytes[offset + i] as number) & (data[i] as number);
      this.programs++;
    }
  }

  /** The 32-bit little-endian word at `offset`. */
  word(offset: number): number {
    const b = this.bytes;
    return ((b[offset] as number) | ((b[offset + 1] as number) << 8) | ((b[offset + 2] as number) << 16) | ((b[offset + 3] as number) << 24)) >>> 0;
  }

  /** True when every byte of block `index` reads erased. */
  blank(index: number): boolean {
    const size = this.geometry.eraseBlockBytes;
    for (let i = index * size; i < (index + 1) * size; i++) if (this.bytes[i] !== ERASED) return false;
    return true;
  }

  private step(): void {
    if (this.powerFailsAt !== undefined && this.steps >= this.powerFailsAt) throw new PowerLoss(this.steps);
    this.steps++;
  }
}

/** A 32-bit little-endian word as 4 bytes. */
export function wordBytes(value: number): Uint8Array {
  return new Uint8Array([value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff]);
}
