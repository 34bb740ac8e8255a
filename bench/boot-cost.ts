/*
 * What one boot costs, per design on the AVR meter workload: CPU ms and KB allocated per boot (a
 * fresh engine each time, as `npm run bench` times setup). Allocation is the heap growth over a
 * batch of boots with collection disabled between them, so it needs `--expose-gc`:
 *   node --expose-gc --import tsx bench/boot-cost.ts
 */
import { Engine } from '../hardware/engine.ts';
import { getTarget } from '../hardware/targets/index.ts';
import { withoutLocks } from '../experiments/breakdown.ts';
import { allDesigns, bootSystem } from '../kernels/registry.ts';
import type { OsProfile } from '../kernels/profiles/types.ts';
import { loadWorkload } from '../workloads/load.ts';
import type { Workload } from '../workloads/types.ts';

/** Boots per measured batch; small enough that the young generation holds a batch uncollected. */
const BATCH = 100;
/** Batches per design; the median is reported. */
const BATCHES = 15;

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc');

/** The bench's fit of a workload to a design's default profile (designs.bench.ts `fitted`). */
function fitted(profile: OsProfile, workload: Workload): { profile: OsProfile; workload: Workload } {
  const levels = workload.tasks.length;
  const widened = { ...profile, priorities: Math.max(profile.priorities, levels), maxTasks: Math.max(profile.maxTasks, levels) };
  const protocol = profile.inversion[0];
  if (profile.services.mutex && protocol !== undefined) {
    const mutexes = (workload.resources?.mutexes ?? []).map((m) => ({ ...m, protocol }));
    return { profile: widened, workload: { ...workload, resources: { ...workload.resources, mutexes } } };
  }
  return { profile: widened, workload: withoutLocks(workload) };
}

/** The median of `xs`. */
function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

const target = getTarget('avr');
const meter = loadWorkload('meter');
const rows = allDesigns().map((design) => {
  const fit = fitted(design.defaultProfile, meter);
  const boot = (): unknown => bootSystem({ engine: new Engine({ target, seed: 1, nestedInterrupts: false }), ...fit });
  for (let i = 0; i < BATCH; i++) boot();
  const kb: number[] = [];
  const ms: number[] = [];
  const kept: unknown[] = [];
  for (let b = 0; b < BATCHES; b++) {
    gc();
    const heap = process.memoryUsage().heapUsed;
    const cpu = process.cpuUsage();
    for (let i = 0; i < BATCH; i++) kept.push(boot());
    const used = process.cpuUsage(cpu);
    kb.push((process.memoryUsage().heapUsed - heap) / 1024 / BATCH);
    ms.push((used.user + used.system) / 1000 / BATCH);
    kept.length = 0;
  }
  return { design: design.id, 'setup ms': Number(median(ms).toFixed(4)), 'KB per boot': Number(median(kb).toFixed(1)) };
});
console.table(rows);
