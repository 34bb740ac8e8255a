import type { Target } from '../../hardware/target.ts';

/** The flash an XIPFS lives in: erase and program units, region size and their typical times. */
export interface FlashGeometry {
  /** Bytes one erase clears: the XIPFS erase block (a 4 KB page on the GD32F450, a 128 KB sector on the STM32F407). */
  readonly eraseBlockBytes: number;
  /** Bytes one program operation writes. */
  readonly programBytes: number;
  /** Bytes of the region APPs are installed in (a whole number of erase blocks). */
  readonly regionBytes: number;
  /** Typical time of one program operation, in microseconds. */
  readonly programUs: number;
  /** Typical time of one erase-block erase, in microseconds. */
  readonly eraseUs: number;
}

/** The XIPFS flash geometry of `target`, from its flash table; throws when the part has none. */
export function flashGeometry(target: Target): FlashGeometry {
  const f = target.flash;
  if (f === undefined) throw new RangeError(`target ${target.id} has no flash program/erase table: it cannot host an XIPFS`);
  return {
    eraseBlockBytes: f.eraseUnit.bytes,
    programBytes: f.programBytes,
    regionBytes: f.appRegionBytes - (f.appRegionBytes % f.eraseUnit.bytes),
    programUs: f.programUs,
    eraseUs: f.eraseUnit.eraseUs,
  };
}
