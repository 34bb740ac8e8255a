import { bounds } from '../experiments/bounds.ts';
import { fig3 } from '../experiments/fig3.ts';
import { fig4 } from '../experiments/fig4.ts';
import { QUICK_HORIZON_CAP_MS, runHorizonMs } from '../experiments/horizon.ts';
import { IO_DURATION_MS, ioTaskSet } from '../experiments/io-sim.ts';
import type { IoRunKind } from './io-units.ts';

/*
 * The simulated time `reproduce` spends in I/O units (fig3, fig4, bounds, full mode): each unit's
 * horizon by the rule of experiments/horizon.ts as the studies run it (100 jobs of each set's
 * slowest task, or one hyperperiod), and at the 1 s cap that quick mode keeps (full mode had it
 * until the studies were fast enough to drop it). A unit's horizon depends only on its task set's
 * periods and offsets, which fitting a profile, thresholds and input events leave as they are.
 */

/** Simulated seconds of one kind of I/O unit in a full `reproduce`. */
export interface IoStudyTime {
  readonly kind: IoRunKind;
  readonly units: number;
  readonly cappedS: number;
  readonly uncappedS: number;
  /** Units a 1 s cap would shorten. */
  readonly capped: number;
}

/** The I/O units' simulated time in a full `reproduce`, per kind, at a 1 s cap and by the rule. */
export function ioStudyTime(): IoStudyTime[] {
  const horizons = new Map<string, { capped: number; uncapped: number }>();
  const horizonOf = (payload: number, seed: number): { capped: number; uncapped: number } => {
    const key = `${payload}|${seed}`;
    let h = horizons.get(key);
    if (h === undefined) {
      const set = ioTaskSet(payload, seed);
      h = { capped: runHorizonMs(set, IO_DURATION_MS, QUICK_HORIZON_CAP_MS), uncapped: runHorizonMs(set, IO_DURATION_MS) };
      horizons.set(key, h);
    }
    return h;
  };
  const kinds: [IoRunKind, readonly { payload: number; seed: number }[]][] = [
    ['figure', [...fig3.units('full'), ...fig4.units('full')]],
    ['bounds', bounds.units('full')],
  ];
  return kinds.map(([kind, units]) => {
    const hs = units.map((u) => horizonOf(u.payload, u.seed));
    const sum = (pick: (h: { capped: number; uncapped: number }) => number): number => hs.reduce((s, h) => s + pick(h), 0) / 1000;
    return { kind, units: units.length, cappedS: sum((h) => h.capped), uncappedS: sum((h) => h.uncapped), capped: hs.filter((h) => h.uncapped > h.capped).length };
  });
}
