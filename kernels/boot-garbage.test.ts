import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { Engine } from '../hardware/engine.ts';
import { avr } from '../hardware/targets/index.ts';
import { msToCycles } from '../hardware/units.ts';
import { withoutLocks } from '../experiments/breakdown.ts';
import { loadWorkload } from '../workloads/load.ts';
import { allDesigns, bootSystem } from './registry.ts';

/*
 * A study boots a system per unit, runs it for a fraction of a second and drops it. A dropped boot
 * must be young garbage: one that survives a minor collection is copied, then promoted, and stays
 * until a full collection, so every scavenge copies the boots before it and the next runs pay for
 * it. Two things did that: a getter in an object literal (a map per boot, kept by its parent's
 * transitions) and a function literal assigned straight to a property (V8 allocates it old). Each
 * design boots and runs here a few hundred times; what is still in the heap after minor collections
 * must be a small fraction of a boot (a boot allocates tens of KB).
 */

setFlagsFromString('--expose-gc');
/** The VM's collector, with its options: `{ type: 'minor' }` collects the young generation only. */
const gc = runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;

/** KB per boot still in the heap after two minor collections. */
function survivingKbPerBoot(boot: () => void, boots: number): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < boots; i++) boot();
  gc({ type: 'minor' });
  gc({ type: 'minor' });
  return (process.memoryUsage().heapUsed - before) / 1024 / boots;
}

describe('a dropped boot is young garbage', () => {
  const meter = withoutLocks(loadWorkload('meter'));
  for (const design of allDesigns()) {
    it(`${design.id}: a boot and a 10 ms run leave under 8 KB behind after minor collections`, () => {
      const profile = { ...design.defaultProfile, priorities: Math.max(design.defaultProfile.priorities, 16), maxTasks: Math.max(design.defaultProfile.maxTasks, 16) };
      const boot = (): void => bootSystem({ engine: new Engine({ target: avr, seed: 1 }), profile, workload: meter }).run(msToCycles(avr, 10));
      // The first rounds compile the code and fill the caches: measured after them.
      survivingKbPerBoot(boot, 100);
      survivingKbPerBoot(boot, 100);
      expect(survivingKbPerBoot(boot, 200)).toBeLessThan(8);
    });
  }
});
