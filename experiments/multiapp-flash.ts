import { Prng } from '../hardware/prng.ts';
import { getTarget } from '../hardware/targets/index.ts';
import { STUDY_APP_HEADER } from '../multiapp/fixtures.ts';
import { buildAppImage } from '../multiapp/image.ts';
import { flashGeometry, type FlashGeometry } from '../multiapp/xipfs/geometry.ts';
import { NorFlash } from '../multiapp/xipfs/nor-flash.ts';
import { Xipfs, XipfsFullError } from '../multiapp/xipfs/xipfs.ts';
import { defineExperiment, type Row } from './contract.ts';
import { grid } from './unit-helpers.ts';

/*
 * XIPFS flash use and flash time (patent steps S211-S232): 1-7 vendor APPs (the studies' header,
 * .text varied per APP) installed, then each updated twice (into a new zone, then into the
 * formatted zone of its deleted copy), as far as the flash allows. Compared with a packed image of the same APPs back to back.
 * Geometries: the two M4 parts' 128 KB sectors, and the patent's 4 KB erase block (a part with page
 * erase, e.g. the GD32F470) for the flash-use comparison; its erase time has no figure here, so its
 * update time is left empty.
 */

const GEOMETRIES = ['m4', 'm4-f407', 'page-4k'] as const;
const APP_COUNTS = [1, 2, 4, 7] as const;
/** The patent's erase block (step S211). */
const PATENT_ERASE_BLOCK_BYTES = 4 * 1024;
const UPDATE_ROUNDS = 2;

/** A geometry, and whether its erase time is a datasheet figure (the 4 KB page's is not: no such page on either part). */
function geometryOf(id: (typeof GEOMETRIES)[number]): { geometry: FlashGeometry; eraseTimeKnown: boolean } {
  if (id !== 'page-4k') return { geometry: flashGeometry(getTarget(id)), eraseTimeKnown: true };
  return { geometry: { ...flashGeometry(getTarget('m4')), eraseBlockBytes: PATENT_ERASE_BLOCK_BYTES }, eraseTimeKnown: false };
}

interface FlashUnit {
  readonly geometry: (typeof GEOMETRIES)[number];
  readonly apps: number;
}

type FlashRow = {
  readonly geometry: string;
  readonly eraseBlockBytes: number;
  readonly apps: number;
  readonly packedBytes: number;
  readonly xipfsUsedBytes: number;
  readonly xipfsWastedBytes: number;
  readonly installErases: number;
  readonly installMs: number;
  readonly updateErases: number;
  /** Null where the erase time has no datasheet figure (the 4 KB page). */
  readonly updateMs: number | null;
  readonly updatesTried: number;
  readonly updatesFitting: number;
};

/** The XIPFS flash study. */
export const multiappFlash = defineExperiment<FlashUnit, FlashRow>({
  id: 'multiapp-flash',
  title: 'XIPFS: flash used and wasted, erases and time per install and update',
  description:
    'APPs of 20-34 KB installed into XIPFS zones of whole erase blocks, then each updated twice; used and wasted flash against a packed image of the same APPs, erases and typical flash time (datasheet program and erase figures) of the last install and of the longest update (one that formats a zone erases it whole); updatesFitting of updatesTried found a zone (an update never packs: it takes a new zone or formats one whose APPs are all deleted).',
  columns: ['geometry', 'eraseBlockBytes', 'apps', 'packedBytes', 'xipfsUsedBytes', 'xipfsWastedBytes', 'installErases', 'installMs', 'updateErases', 'updateMs', 'updatesTried', 'updatesFitting'],
  settings: () => ({ seeds: [1], targets: ['m4', 'm4-f407'], durationMs: null, apps: [...APP_COUNTS] }),
  units: () => grid({ geometry: GEOMETRIES, apps: APP_COUNTS }),
  runUnit: ({ geometry, apps }) => {
    const { geometry: g, eraseTimeKnown } = geometryOf(geometry);
    const fs = new Xipfs(new NorFlash(g));
    const prng = new Prng(1);
    // .text from 18 to 32 KB, so that the APPs differ in how much of their last block they fill.
    const images = Array.from({ length: apps }, (_, i) => buildAppImage(`vendor${i}`, { ...STUDY_APP_HEADER, textBytes: (18 + 2 * i) * 1024 }, prng));
    let install = fs.install('vendor0', images[0] as Uint8Array);
    images.slice(1).forEach((image, i) => (install = fs.install(`vendor${i + 1}`, image)));
    const packedBytes = images.reduce((sum, image) => sum + image.length, 0);
    const usage = fs.usage();
    // Two rounds of updates of every APP; one that finds no zone fails and is counted out.
    let updateErases = 0;
    let updateMs = 0;
    let updatesFitting = 0;
    for (let round = 0; round < UPDATE_ROUNDS; round++) {
      images.forEach((image, i) => {
        try {
          const r = fs.install(`vendor${i}`, image);
          updateErases = Math.max(updateErases, r.erases);
          updateMs = Math.max(updateMs, r.timeUs / 1000);
          updatesFitting++;
        } catch (e) {
          if (!(e instanceof XipfsFullError)) throw e;
        }
      });
    }
    return {
      geometry,
      eraseBlockBytes: g.eraseBlockBytes,
      apps,
      packedBytes,
      xipfsUsedBytes: usage.usedBytes,
      xipfsWastedBytes: usage.wastedBytes,
      installErases: install.erases,
      installMs: install.timeUs / 1000,
      updateErases,
      updateMs: eraseTimeKnown || updateErases === 0 ? updateMs : null,
      updatesTried: UPDATE_ROUNDS * apps,
      updatesFitting,
    };
  },
  reduce: (results) => results.map((r): Row => ({ ...r })),
});
