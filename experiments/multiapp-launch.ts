import { Prng } from '../hardware/prng.ts';
import { getTarget } from '../hardware/targets/index.ts';
import { cyclesToUs } from '../hardware/units.ts';
import { STUDY_APP_HEADER } from '../multiapp/fixtures.ts';
import { buildAppImage } from '../multiapp/image.ts';
import { restartApp } from '../multiapp/keepalive.ts';
import { launchApp } from '../multiapp/launch/launch.ts';
import { TlsfHeap } from '../multiapp/tlsf/tlsf.ts';
import { flashGeometry } from '../multiapp/xipfs/geometry.ts';
import { NorFlash } from '../multiapp/xipfs/nor-flash.ts';
import { Xipfs } from '../multiapp/xipfs/xipfs.ts';
import { defineExperiment, roundUs, type Row } from './contract.ts';
import { grid } from './unit-helpers.ts';

/*
 * APP launch latency (patent step S30) against .data size and GOT relocations: find the APP in
 * XIPFS, parse its header, take its RAM zone from the kernel's TLSF heap, create its main thread,
 * copy .data, zero .bss, relocate the GOT, initialise its heap; and the guardian's restart of it
 * (delete its two tasks, free its RAM zone, launch again, recreate the second task). Each phase is
 * priced from its blocks; the rest of the header is the studies' vendor APP.
 */

const TARGETS = ['m4', 'm4-f407'] as const;
const DATA_KB = [1, 2, 4, 8, 16] as const;
/** Up to 250 entries: 1000 bytes of GOT, inside the smallest .data. */
const GOT_ENTRIES = [0, 120, 250] as const;
/** Where the kernel's RAM heap and the XIPFS region sit in the memory map (SRAM and flash bank 1 of the M4 parts). */
const RAM_BASE = 0x2000_0000;
const XIP_BASE = 0x0810_0000;
const KERNEL_HEAP_BYTES = 128 * 1024;
/** Tasks of the APP a restart deletes and recreates (its main thread and one more). */
const APP_TASKS = 2;

interface LaunchUnit {
  readonly target: string;
  readonly dataKb: number;
  readonly gotEntries: number;
}

type LaunchRow = {
  readonly target: string;
  readonly dataBytes: number;
  readonly gotEntries: number;
  readonly launchCycles: number;
  readonly launchUs: number;
  readonly copyDataCycles: number;
  readonly zeroBssCycles: number;
  readonly relocateCycles: number;
  readonly otherCycles: number;
  readonly restartCycles: number;
  readonly restartUs: number;
};

/** The APP launch study. */
export const multiappLaunch = defineExperiment<LaunchUnit, LaunchRow>({
  id: 'multiapp-launch',
  title: 'APP launch latency and keep-alive restart time against .data size and GOT relocations',
  description:
    'Launching one APP from XIPFS (find, parse, RAM zone from the kernel heap, main thread, .data copy, .bss zero, GOT relocation, TLSF heap init) and its keep-alive restart (delete two tasks, free the RAM zone, relaunch, recreate), priced from the blocks on the M4 parts; .bss, stacks and heap as the studies\' vendor APP.',
  columns: ['target', 'dataBytes', 'gotEntries', 'launchCycles', 'launchUs', 'copyDataCycles', 'zeroBssCycles', 'relocateCycles', 'otherCycles', 'restartCycles', 'restartUs'],
  settings: () => ({ seeds: [1], targets: [...TARGETS], durationMs: null, dataKb: [...DATA_KB], gotEntries: [...GOT_ENTRIES] }),
  units: () => grid({ target: TARGETS, gotEntries: GOT_ENTRIES, dataKb: DATA_KB }),
  runUnit: ({ target, dataKb, gotEntries }) => {
    const t = getTarget(target);
    const header = { ...STUDY_APP_HEADER, dataBytes: dataKb * 1024, gotEntries };
    const fs = new Xipfs(new NorFlash(flashGeometry(t)));
    fs.install('vendor', buildAppImage('vendor', header, new Prng(1)));
    const kernelRam = new TlsfHeap(RAM_BASE, KERNEL_HEAP_BYTES, t.pointerBytes);
    const app = launchApp(fs, 'vendor', kernelRam, t, XIP_BASE);
    const { copyData, zeroBss, relocate } = app.phases;
    const restart = restartApp(fs, app, APP_TASKS, kernelRam, t, XIP_BASE).cost.total;
    return {
      target,
      dataBytes: header.dataBytes,
      gotEntries,
      launchCycles: app.totalCycles,
      launchUs: roundUs(cyclesToUs(t, app.totalCycles)),
      copyDataCycles: copyData,
      zeroBssCycles: zeroBss,
      relocateCycles: relocate,
      otherCycles: app.totalCycles - copyData - zeroBss - relocate,
      restartCycles: restart,
      restartUs: roundUs(cyclesToUs(t, restart)),
    };
  },
  reduce: (results) => results.map((r): Row => ({ ...r })),
});
