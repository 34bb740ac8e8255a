import { describe, expect, it } from 'vitest';
import { ProbeEvent } from '../../hardware/probe.ts';
import type { Target } from '../../hardware/target.ts';
import { avr, ideal } from '../../hardware/targets/index.ts';
import { msToCycles, usToCycles } from '../../hardware/units.ts';
import { parseWorkload } from '../../workloads/schema.ts';
import type { ReleaseMode } from '../types.ts';
import { bootSystem } from '../registry.ts';

/*
 * Issue 8, item 11: "releases snap to the tick silently and response times are measured from the
 * tick, not the true arrival." A 1.5 ms period on a 1 ms tick is released at the first tick at or
 * after each arrival (0, 2, 3, 5, 6 ms ...), but its nominal release, from which responses and
 * deadlines count, is the arrival itself (0, 1.5, 3, 4.5, 6 ms ...).
 */

const workload = parseWorkload(
  {
    name: 'between-ticks',
    description: 'a period that is not a whole number of ticks, with an offset',
    referenceTarget: 'avr',
    tickHz: 1000,
    tasks: [{ name: 'p', priority: 1, trigger: { kind: 'periodic', periodUs: 1500, offsetUs: 250 }, body: [{ op: 'compute', cycles: 100 }] }],
  },
  'test',
);

function releases(profile: string, target: Target, mode: ReleaseMode): { time: number; nominal: number }[] {
  const system = bootSystem({ target, workload, profile, keepTrace: true, releases: mode });
  system.run(msToCycles(target, 20));
  return system.engine.probe.trace().filter((e) => e.type === ProbeEvent.JobRelease).map((e) => ({ time: e.time, nominal: e.data }));
}

// Every arrival in the 20 ms run: 250 + 1500 j < 20000.
const arrivalsUs = Array.from({ length: 14 }, (_, j) => 250 + 1500 * j);

describe('release quantisation (issue 8 item 11)', () => {
  it('states the true arrival as each job nominal release when the tick releases it later', () => {
    const r = releases('ucos2', avr, 'tick');
    // The last arrival (19.75 ms) waits for the tick at 20 ms, the end of the run.
    expect(r.map((x) => x.nominal)).toEqual(arrivalsUs.slice(0, -1).map((us) => usToCycles(avr, us)));
    // Each release comes at the first tick at or after the arrival (ticks every 1000 us from 0).
    r.forEach((x, j) => {
      const tickUs = Math.ceil((arrivalsUs[j] as number) / 1000) * 1000;
      expect(x.time).toBeGreaterThanOrEqual(usToCycles(avr, tickUs));
      expect(x.time).toBeLessThan(usToCycles(avr, tickUs + 100));
    });
  });

  it('releases exactly at each arrival with exact releases on the ideal target, on the core kernels and MOS', () => {
    for (const profile of ['ucos2', 'edf', 'mos']) {
      const r = releases(profile, ideal, 'exact');
      expect(r.map((x) => x.time), profile).toEqual(arrivalsUs);
      expect(r.map((x) => x.nominal), profile).toEqual(arrivalsUs);
    }
  });

  it('says which quantisation a run used', () => {
    expect(bootSystem({ target: avr, workload, profile: 'ucos2' }).releaseQuantisation).toEqual({ kind: 'tick', tickUs: 1000, tickPeriodCycles: 8000 });
    // MOS's countdown timers round the 1.5 ms period to whole ticks and count responses from their post.
    expect(bootSystem({ target: avr, workload, profile: 'mos' }).releaseQuantisation).toEqual({ kind: 'tick', tickUs: 1000, tickPeriodCycles: 8000 });
    expect(bootSystem({ target: ideal, workload, profile: 'ucos2', releases: 'exact' }).releaseQuantisation).toEqual({ kind: 'exact' });
  });
});
