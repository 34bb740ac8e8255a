import { describe, expect, it } from 'vitest';
import { Prng } from '../../hardware/prng.ts';
import { m4 } from '../../hardware/targets/index.ts';
import type { AppHeader } from '../../workloads/types.ts';
import { buildAppImage, HEADER_BYTES } from '../image.ts';
import { TlsfHeap } from '../tlsf/tlsf.ts';
import { flashGeometry } from '../xipfs/geometry.ts';
import { NorFlash } from '../xipfs/nor-flash.ts';
import { Xipfs } from '../xipfs/xipfs.ts';
import { launchApp, LaunchError, type LaunchedApp } from './launch.ts';

const RAM_BASE = 0x2000_0000;
const XIP_BASE = 0x0810_0000;
const header: AppHeader = { entryOffset: 0, textBytes: 2048, dataBytes: 256, bssBytes: 128, gotEntries: 16, stackBytes: 1024, mainStackBytes: 512, heapBytes: 4096, mainPriority: 4, permissions: ['semaphore'] };

/** A flash with the given APPs installed, and a kernel heap over 64 KB of RAM. */
function board(apps: readonly [string, AppHeader][]): { fs: Xipfs; kernelRam: TlsfHeap; images: Map<string, Uint8Array> } {
  const fs = new Xipfs(new NorFlash({ ...flashGeometry(m4), eraseBlockBytes: 4096, regionBytes: 32 * 4096 }));
  const images = new Map<string, Uint8Array>();
  apps.forEach(([name, h], i) => {
    const image = buildAppImage(name, h, new Prng(i + 1));
    images.set(name, image);
    fs.install(name, image);
  });
  return { fs, kernelRam: new TlsfHeap(RAM_BASE, 64 * 1024, m4.pointerBytes), images };
}

function launch(h: AppHeader): LaunchedApp {
  const { fs, kernelRam } = board([['app', h]]);
  return launchApp(fs, 'app', kernelRam, m4, XIP_BASE);
}

describe('launching an APP', () => {
  /*
   * Per iteration on the M4 (ARM DDI 0439 Table 3-1, taken branch 1 + P, P = 2):
   * copy: LDR 2 + STR 1 + ADDS 1 + CMP 1 + BNE taken 3 = 8; zero: STR 1 + CMP 1 + BNE 3 = 5;
   * relocate: LDR 2 + CMP 1 + BNE falls 1 + ADDS 1 + STR 1 + ADDS 1 + CMP 1 + BNE taken 3 = 11.
   */
  it('costs 8 cycles more per word of .data, 5 per word of .bss and 11 per GOT entry', () => {
    const base = launch(header);
    expect(launch({ ...header, dataBytes: header.dataBytes + 40 }).phases.copyData - base.phases.copyData).toBe(10 * 8);
    expect(launch({ ...header, bssBytes: header.bssBytes + 40 }).phases.zeroBss - base.phases.zeroBss).toBe(10 * 5);
    expect(launch({ ...header, gotEntries: header.gotEntries + 10 }).phases.relocate - base.phases.relocate).toBe(10 * 11);
  });

  it('sums its phases into the latency', () => {
    const app = launch(header);
    expect(app.totalCycles).toBe(Object.values(app.phases).reduce((a, b) => a + b, 0));
    expect(app.phases.find).toBeGreaterThan(0);
  });

  it('copies .data, zeroes .bss and relocates each GOT entry to flash or RAM', () => {
    const { fs, kernelRam, images } = board([['app', header]]);
    const app = launchApp(fs, 'app', kernelRam, m4, XIP_BASE);
    const image = images.get('app') as Uint8Array;
    const data = image.subarray(HEADER_BYTES + header.textBytes);
    const gotBytes = header.gotEntries * m4.pointerBytes;
    expect(app.dataAndBss.subarray(gotBytes, header.dataBytes)).toEqual(data.subarray(gotBytes));
    expect(app.dataAndBss.subarray(header.dataBytes).every((b) => b === 0)).toBe(true);
    const before = new DataView(data.buffer, data.byteOffset);
    const after = new DataView(app.dataAndBss.buffer);
    for (let g = 0; g < header.gotEntries; g++) {
      const offset = before.getUint32(g * 4, true);
      const expected = offset < header.textBytes ? app.textBase + offset : app.ramZone.base + (offset - header.textBytes);
      expect(after.getUint32(g * 4, true)).toBe(expected);
    }
    expect(app.textBase).toBe(XIP_BASE + (fs.find('app')?.record.imageOffset ?? 0) + HEADER_BYTES);
  });

  it('gives each APP its own RAM zone, and one APP exhausting its heap leaves every other heap untouched', () => {
    const names = ['metering', 'comms', 'display'];
    const { fs, kernelRam } = board(names.map((n) => [n, header]));
    const apps = names.map((n) => launchApp(fs, n, kernelRam, m4, XIP_BASE));
    const zones = apps.map((a) => a.ramZone).sort((x, y) => x.base - y.base);
    for (let i = 1; i < zones.length; i++) expect((zones[i - 1]?.base ?? 0) + (zones[i - 1]?.bytes ?? 0)).toBeLessThanOrEqual(zones[i]?.base ?? 0);
    const others = apps.slice(1).map((a) => a.heap?.spans());
    const greedy = apps[0]?.heap as TlsfHeap;
    const got: number[] = [];
    for (let r = greedy.malloc(100); r.addr !== undefined; r = greedy.malloc(100)) got.push(r.addr);
    expect(got.length).toBeGreaterThan(0);
    expect(got.every((a) => a >= greedy.base && a + 100 <= greedy.base + greedy.bytes)).toBe(true);
    expect(apps.slice(1).map((a) => a.heap?.spans())).toEqual(others);
    expect(apps.slice(1).map((a) => a.heap?.malloc(100).addr !== undefined)).toEqual([true, true]);
  });

  it('refuses an APP that is not installed, or that the kernel\'s RAM cannot hold', () => {
    const { fs, kernelRam } = board([['app', header]]);
    expect(() => launchApp(fs, 'nope', kernelRam, m4, XIP_BASE)).toThrow(LaunchError);
    const { fs: fs2 } = board([['big', { ...header, heapBytes: 60_000, gotEntries: 0 }]]);
    expect(() => launchApp(fs2, 'big', new TlsfHeap(RAM_BASE, 32 * 1024, m4.pointerBytes), m4, XIP_BASE)).toThrow(/needs \d+ bytes of RAM/);
  });
});
