/*
 * What one boot costs, per design on the AVR meter workload: CPU ms and KB allocated per boot, a
 * fresh engine each time, as `npm run bench` times setup. Both trees are compiled as the bench
 * compiles them and measured alternately, so the machine's load falls on both alike.
 *   node --expose-gc --import tsx bench/boot-cost.ts [--baseline <git ref>]
 * KB per boot is the heap's growth over a short batch of boots kept alive (no collection can free
 * them mid-batch), so it counts what a boot allocates and keeps, not what it frees at once.
 */
import { alternatingOrder, median } from './alternate.ts';
import { loadBenchModules, type BenchModules } from './bench-modules.ts';
import { compileCurrent, compileRef, type CompiledTree } from './compiled-tree.ts';
import { fitted } from './fit-to-profile.ts';
import { argument } from './cli-argument.ts';

/** Boots kept alive per allocation sample: few enough that the young generation holds them. */
const KEPT_BOOTS = 50;
/** Boots per CPU-time sample. */
const TIMED_BOOTS = 500;
/** Rounds of samples per tree; the first warms the compiler up and is not kept. */
const ROUNDS = 16;

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc (it measures allocation between collections)');
const collect: () => void = gc;

/** One design's boot in one tree, with its samples. */
interface Subject {
  readonly design: string;
  readonly boot: () => unknown;
  readonly ms: number[];
  readonly kb: number[];
}

/** The subjects of one tree: each design on its default profile, booted on a fresh AVR engine. */
function subjectsOf(modules: BenchModules): Subject[] {
  const target = modules.getTarget('avr');
  const meter = modules.loadWorkload('meter');
  return modules.allDesigns().map((design) => {
    const fit = fitted(modules, design.defaultProfile, meter);
    return { design: design.id, boot: () => modules.bootSystem({ engine: new modules.Engine({ target, seed: 1, nestedInterrupts: false }), ...fit }), ms: [], kb: [] };
  });
}

/** Takes one CPU-time and one allocation sample of `s`. */
function sample(s: Subject, keep: boolean): void {
  collect();
  const cpu = process.cpuUsage();
  for (let i = 0; i < TIMED_BOOTS; i++) s.boot();
  const used = process.cpuUsage(cpu);
  collect();
  const kept: unknown[] = [];
  const heap = process.memoryUsage().heapUsed;
  for (let i = 0; i < KEPT_BOOTS; i++) kept.push(s.boot());
  const grown = process.memoryUsage().heapUsed - heap;
  if (!keep) return;
  s.ms.push((used.user + used.system) / 1000 / TIMED_BOOTS);
  s.kb.push(grown / 1024 / KEPT_BOOTS);
}

const baseline = argument('--baseline');
const compiled: CompiledTree[] = [...(baseline === undefined ? [] : [compileRef(baseline)]), compileCurrent()];
try {
  const trees = await Promise.all(compiled.map(async (tree) => ({ label: tree.label, subjects: subjectsOf(await loadBenchModules(tree)) })));
  for (let round = 0; round < ROUNDS; round++) {
    for (const t of alternatingOrder(round, trees.length)) for (const s of trees[t]?.subjects ?? []) sample(s, round > 0);
  }
  const rows = trees.flatMap((tree) => tree.subjects.map((s) => ({ tree: tree.label, design: s.design, 'setup ms': Number(median(s.ms).toFixed(4)), 'KB per boot': Number(median(s.kb).toFixed(1)) })));
  console.log(`boots on the AVR meter workload, medians of ${ROUNDS - 1} samples of ${TIMED_BOOTS} timed and ${KEPT_BOOTS} kept boots (CPU time)`);
  console.table(rows);
} finally {
  for (const tree of compiled) tree.dispose();
}
