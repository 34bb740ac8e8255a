/*
 * Bytes one boot allocates, per design on the AVR meter workload (the bench's setup: a fresh engine,
 * then the boot), with a young generation large enough that no collection runs while it is counted:
 * the heap's growth over a batch of boots is then every byte they allocated, the same on every run.
 *   node --expose-gc --min-semi-space-size=256 --max-semi-space-size=256 --import tsx bench/boot-bytes.ts [--baseline <git ref>]
 * A collection inside the batch would hide bytes, so a batch that saw one is refused.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { loadBenchModules, type BenchModules } from './bench-modules.ts';
import { compileCurrent, compileRef, type CompiledTree } from './compiled-tree.ts';
import { fitted } from './fit-to-profile.ts';
import { argument } from './cli-argument.ts';

/** Boots counted per design: enough to spread the engine's first-use costs, few enough for the young generation. */
const BOOTS = 200;
/** Boots run first so that every cache a boot fills (and the compiler's feedback) is warm. */
const WARM_BOOTS = 500;

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc (the batch starts from a collected heap)');
const collect: () => void = gc;

let collections = 0;
const observer = new PerformanceObserver((list) => (collections += list.getEntries().length));
observer.observe({ entryTypes: ['gc'] });

/** Bytes per boot of each design in one tree. */
async function bytesPerBoot(modules: BenchModules): Promise<Map<string, number>> {
  const target = modules.getTarget('avr');
  const meter = modules.loadWorkload('meter');
  const out = new Map<string, number>();
  for (const design of modules.allDesigns()) {
    const fit = fitted(modules, design.defaultProfile, meter);
    const boot = (): unknown => modules.bootSystem({ engine: new modules.Engine({ target, seed: 1, nestedInterrupts: false }), ...fit });
    for (let i = 0; i < WARM_BOOTS; i++) boot();
    const seen = collections;
    collect();
    const kept: unknown[] = [];
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < BOOTS; i++) kept.push(boot());
    const grown = process.memoryUsage().heapUsed - before;
    await new Promise((resolve) => setTimeout(resolve, 10));
    // GC entries arrive asynchronously: the only one allowed is the collection that began the batch.
    if (collections !== seen + 1) throw new Error(`${design.id}: a collection ran inside the batch; raise --min-semi-space-size`);
    out.set(design.id, Math.round(grown / BOOTS));
  }
  return out;
}

const baseline = argument('--baseline');
const compiled: CompiledTree[] = [...(baseline === undefined ? [] : [compileRef(baseline)]), compileCurrent()];
try {
  const rows: Record<string, Record<string, number>> = {};
  for (const tree of compiled) {
    for (const [design, bytes] of await bytesPerBoot(await loadBenchModules(tree))) (rows[design] ??= {})[tree.label] = bytes;
  }
  console.log(`bytes allocated per boot on the AVR meter workload (mean of ${BOOTS} boots, no collection inside)`);
  console.table(rows);
} finally {
  observer.disconnect();
  for (const tree of compiled) tree.dispose();
}
