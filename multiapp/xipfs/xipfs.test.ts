import { describe, expect, it } from 'vitest';
import { Prng } from '../../hardware/prng.ts';
import { m4, m4F407, avr } from '../../hardware/targets/index.ts';
import { flashGeometry, type FlashGeometry } from './geometry.ts';
import { NorFlash, PowerLoss } from './nor-flash.ts';
import { Xipfs } from './xipfs.ts';

/**
 * A small flash for exhaustive tests with the patent's 4 KB erase blocks (a part with page erase, such
 * as the GD32F470): eight blocks, word programming, the M4 table's program and erase times.
 */
const SMALL: FlashGeometry = { ...flashGeometry(m4), eraseBlockBytes: 4096, regionBytes: 8 * 4096 };
// Management blocks by hand (layout.ts): ZMB 2 words = 8 bytes; AMB flags, sequence, 4 name words, length = 28 bytes.
const ZMB = 8;
const AMB = 28;

/** `n` seeded bytes standing for an APP image. */
function image(n: number, seed: number): Uint8Array {
  const prng = new Prng(seed);
  return Uint8Array.from({ length: n }, () => prng.nextU32() & 0xff);
}

describe('XIPFS', () => {
  it('installs into a zone of whole erase blocks and finds the image again', () => {
    const fs = new Xipfs(new NorFlash(SMALL));
    const app = image(5000, 1);
    const report = fs.install('meter', app);
    expect(report.placement).toBe('new-zone');
    expect(report.erases).toBe(0); // a blank flash needs no erase
    expect(fs.find('meter')?.image).toEqual(app);
    // 8 + 28 + 5000 bytes round up to two 4 KB blocks.
    expect(fs.usage()).toEqual({ usedBytes: 8192, liveImageBytes: 5000, wastedBytes: 8192 - 5000, zones: 1, regionBytes: 8 * 4096 });
  });

  it('prices an install by its program operations: one per word', () => {
    const fs = new Xipfs(new NorFlash(SMALL));
    const report = fs.install('meter', image(1000, 1));
    // ZMB 2 words; the AMB's flags, sequence and 4 name words (6); the image, 250 words; then the
    // length back-fill and the VALID flag (2): 260 words.
    expect(report.programs).toBe(2 + 6 + 250 + 2);
    expect(report.timeUs).toBe(report.programs * SMALL.programUs);
  });

  it('packs a second APP into the rest of a zone while it fits (S214)', () => {
    const fs = new Xipfs(new NorFlash(SMALL));
    fs.install('a', image(3000, 1));
    // 8 + 28 + 3000 = 3036 of 4096: 1060 left, so 1032 image bytes fit after a 28-byte AMB.
    expect(fs.install('b', image(4096 - ZMB - AMB - 3000 - AMB, 2)).placement).toBe('packed');
    expect(fs.install('c', image(4, 3)).placement).toBe('new-zone');
    expect(fs.usage().zones).toBe(2);
  });

  it('updates into a new zone, then formats the zone of the deleted copy on the next update (S222, S223)', () => {
    const fs = new Xipfs(new NorFlash(SMALL));
    fs.install('meter', image(3000, 1));
    const first = fs.install('meter', image(3000, 2));
    expect(first.placement).toBe('new-zone');
    expect(first.erases).toBe(0);
    const second = fs.install('meter', image(3000, 3));
    expect(second).toMatchObject({ placement: 'reused-zone', erases: 1 });
    expect(second.timeUs).toBe(SMALL.eraseUs + second.programs * SMALL.programUs);
    expect(fs.find('meter')?.image).toEqual(image(3000, 3));
    expect(fs.usage().zones).toBe(2);
  });

  it('deletes by the flag alone, leaving the bytes (S232)', () => {
    const flash = new NorFlash(SMALL);
    const fs = new Xipfs(flash);
    const app = image(100, 1);
    fs.install('meter', app);
    const before = flash.stats().programs;
    expect(fs.remove('meter')).toBe(true);
    expect(flash.stats().programs - before).toBe(1);
    expect(fs.find('meter')).toBeUndefined();
    expect(flash.bytes.subarray(ZMB + AMB, ZMB + AMB + 100)).toEqual(app);
    expect(fs.remove('meter')).toBe(false);
  });

  it('never sets a cleared bit without an erase', () => {
    const flash = new NorFlash(SMALL);
    flash.program(0, new Uint8Array([0x0f, 0, 0, 0]));
    expect(() => flash.program(0, new Uint8Array([0xf0, 0, 0, 0]))).toThrow(/would set a cleared bit/);
  });

  /** Power lost before each step of `update` in turn, from the state `setup` leaves: what is runnable after the reset. */
  function afterEveryPowerLoss(order: 'commit-first' | 'delete-first', setup: (fs: Xipfs) => void, update: (fs: Xipfs) => void): { steps: number; found: (Uint8Array | undefined)[] } {
    const base = new NorFlash(SMALL);
    setup(new Xipfs(base, { updateOrder: order }));
    const clean = base.clone();
    update(new Xipfs(clean, { updateOrder: order }));
    const steps = clean.steps;
    const found: (Uint8Array | undefined)[] = [];
    for (let k = 0; k <= steps; k++) {
      const flash = base.clone();
      flash.powerFailsAt = k;
      try {
        update(new Xipfs(flash, { updateOrder: order }));
      } catch (e) {
        if (!(e instanceof PowerLoss)) throw e;
      }
      flash.powerFailsAt = undefined;
      found.push(new Xipfs(flash).find('meter')?.image);
    }
    return { steps, found };
  }

  const v1 = image(700, 1);
  const v2 = image(900, 2);
  const v3 = image(800, 3);
  const installV1 = (fs: Xipfs): void => void fs.install('meter', v1);
  const isOldOrNew = (found: Uint8Array | undefined, old: Uint8Array, next: Uint8Array): boolean =>
    found !== undefined && (Buffer.from(found).equals(old) || Buffer.from(found).equals(next));

  it('leaves the old APP or the new one runnable wherever power is lost in an update into a new zone', () => {
    const { steps, found } = afterEveryPowerLoss('commit-first', installV1, (fs) => void fs.install('meter', v2));
    expect(steps).toBeGreaterThan(200);
    expect(found.filter((f) => !isOldOrNew(f, v1, v2))).toEqual([]);
    expect(found.at(-1)).toEqual(v2);
  });

  it('leaves the old APP or the new one runnable wherever power is lost in an update that formats a zone', () => {
    const setup = (fs: Xipfs): void => {
      fs.install('meter', v1);
      fs.install('meter', v2);
    };
    const { found } = afterEveryPowerLoss('commit-first', setup, (fs) => void fs.install('meter', v3));
    expect(found.filter((f) => !isOldOrNew(f, v2, v3))).toEqual([]);
  });

  it('keeps working after a lost update: the next install succeeds and is found', () => {
    const flash = new NorFlash(SMALL);
    const fs = new Xipfs(flash);
    fs.install('meter', v1);
    flash.powerFailsAt = flash.steps + 50;
    expect(() => fs.install('meter', v2)).toThrow(PowerLoss);
    flash.powerFailsAt = undefined;
    fs.install('meter', v3);
    expect(fs.find('meter')?.image).toEqual(v3);
  });

  it('the patent\'s literal order (delete, then write) leaves neither copy runnable after some power losses', () => {
    const { found } = afterEveryPowerLoss('delete-first', installV1, (fs) => void fs.install('meter', v2));
    expect(found.filter((f) => f === undefined).length).toBeGreaterThan(0);
  });
});

describe('XIPFS flash geometry', () => {
  it('erases whole 128 KB sectors in the APP region of both parts (neither the GD32F450 nor the STM32F407 has page erase)', () => {
    expect(flashGeometry(m4).eraseBlockBytes).toBe(128 * 1024);
    expect(flashGeometry(m4F407).eraseBlockBytes).toBe(128 * 1024);
    expect(() => flashGeometry(avr)).toThrow(/avr has no flash program\/erase table/);
  });

  it('gives a small APP a whole sector', () => {
    const fs = new Xipfs(new NorFlash(flashGeometry(m4F407)));
    fs.install('meter', image(5000, 1));
    expect(fs.usage().usedBytes).toBe(128 * 1024);
  });
});
