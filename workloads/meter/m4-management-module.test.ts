import { describe, expect, it } from 'vitest';
import { m4 } from '../../hardware/targets/index.ts';
import { loadWorkload } from '../load.ts';
import type { Step, TaskSpec } from '../types.ts';

/*
 * The M4 management-module set's figures, derived here from the rates its sources state (README.md
 * beside it), so a figure typed wrong in the JSON fails.
 */

const w = loadWorkload('m4-management-module');
const cyclesPerUs = m4.clockHz / 1e6;

/** Microseconds to move `bits` over a link of `bitsPerSecond`. */
const transferUs = (bits: number, bitsPerSecond: number): number => (bits / bitsPerSecond) * 1e6;

/** 8 data bits, even parity, one stop bit and the start bit: DL/T 645 and Q/GDW 1376.2 at 9600 baud. */
const BYTE_US = transferUs(11, 9600);

const task = (name: string): TaskSpec => {
  const t = w.tasks.find((x) => x.name === name);
  if (t === undefined) throw new Error(`no task ${name}`);
  return t;
};

/** The worst cycles of the compute steps between a lock of `mutex` and its unlock, per critical section. */
const criticalCycles = (t: TaskSpec, mutex: string): number[] => {
  const sections: number[] = [];
  let inside = false;
  t.body.forEach((s: Step) => {
    if (s.op === 'lock' && s.mutex === mutex) inside = true;
    else if (s.op === 'unlock' && s.mutex === mutex) inside = false;
    else if (s.op === 'compute' && inside) sections.push(s.cycles);
  });
  return sections;
};

describe('the Cortex-M4 management-module meter', () => {
  it('is in cycles of the GD32F450 and gives every task and interrupt line a source', () => {
    expect(w.referenceTarget).toBe('m4');
    for (const t of w.tasks) expect(t.source ?? '').not.toBe('');
    for (const l of w.ioLines ?? []) expect(l.source ?? '').not.toBe('');
  });

  it('receives a byte at most every 11 bits at 9600 baud on both serial channels (rounded down)', () => {
    for (const name of ['rs485-rx', 'hplc-rx']) {
      const line = w.ioLines?.find((l) => l.name === name);
      expect(line?.arrival).toMatchObject({ kind: 'sporadic', minInterArrivalUs: Math.floor(BYTE_US) });
    }
  });

  it('spaces DL/T 645 requests by the 16-byte shortest frame and HPLC frames by the 15-byte one', () => {
    expect(task('dlt645-frame').trigger).toMatchObject({ minInterArrivalUs: Math.floor(16 * BYTE_US) });
    expect(task('hplc-channel').trigger).toMatchObject({ minInterArrivalUs: Math.floor(15 * BYTE_US) });
    expect(task('dlt645-frame').deadlineUs).toBe(500_000);
  });

  it('holds the ESAM for 47 bytes at 2 MHz plus the 1 ms MAC computation on both channels', () => {
    const esamCycles = Math.round((transferUs(47 * 8, 2e6) + 1000) * cyclesPerUs);
    expect(criticalCycles(task('dlt645-frame'), 'esam-spi')).toEqual([esamCycles]);
    expect(criticalCycles(task('hplc-channel'), 'esam-spi')).toEqual([esamCycles]);
  });

  it('saves 67 bytes to FRAM at 400 kHz I2C on power fail, within the 10 ms hold-up', () => {
    expect(criticalCycles(task('power-fail-save'), 'energy-db')).toEqual([Math.round(transferUs(67 * 9, 400e3) * cyclesPerUs)]);
    expect(task('power-fail-save').deadlineUs).toBe(10_000);
  });

  it('waits out the SPI NOR page program (3 ms max) and sector erase (400 ms max) holding the flash', () => {
    const pageProgram = 3000 * cyclesPerUs;
    const sectorErase = 400_000 * cyclesPerUs;
    expect(criticalCycles(task('event-log'), 'spi-flash')).toEqual([pageProgram]);
    expect(criticalCycles(task('load-profile'), 'spi-flash')).toEqual([pageProgram]);
    expect(criticalCycles(task('freeze-erase'), 'spi-flash')).toEqual([sectorErase, pageProgram]);
  });

  it('reads 20 metering registers of 32 bits at 250 kHz every second', () => {
    const read = task('metrology-read').body[0];
    expect(read).toMatchObject({ op: 'compute', cycles: Math.round(transferUs(20 * 32, 250e3) * cyclesPerUs) });
    expect(task('metrology-read').trigger).toMatchObject({ kind: 'periodic', periodUs: 1_000_000 });
  });

  it('runs two user APPs as ordinary tasks', () => {
    expect(w.tasks.filter((t) => t.name.startsWith('app-')).map((t) => t.name)).toEqual(['app-tariff', 'app-load-monitor']);
  });
});
