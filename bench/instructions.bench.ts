import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../experiments/runner/atomic-write.ts';
import { argument } from './cli-argument.ts';
import { compileCurrent, compileRef, type CompiledTree } from './compiled-tree.ts';

/*
 * Machine instructions of the studies' hot work, counted rather than timed: on a shared 2-core host
 * the same code's time moves by 15-30% between runs, while the instruction count of the same run
 * moves by 0.02%, so a 1% change in the engine or the analysis shows. The batch
 * (bench/instruction-mix.mjs: a 1% share of fig4, bounds, safety and fig3's units) runs under
 * valgrind's cachegrind in one thread (`node --single-threaded`: V8 compiles in that thread too),
 * once with 1 pass and once with 3; their difference is the steady state of 2 passes, the part
 * that scales with a study, apart from loading and compiling. Instructions are not time (cache
 * misses and branch mispredictions are not counted), but a change that runs fewer of them in the
 * steady passes has not made the loop heavier. Run with `npm run bench:instructions` (Debian:
 * `apt-get install valgrind`), `-- --baseline <git-ref>` to count that ref beside this checkout.
 * Writes results/bench-instructions.json.
 */

const MIX = fileURLToPath(new URL('./instruction-mix.mjs', import.meta.url));
const FRAC = 0.01;
/** The experiments whose units the mix runs: the ones a full reproduce spends most of its time on. */
const MIX_EXPERIMENTS = ['fig4', 'bounds', 'safety', 'fig3'];

/** Instructions ("I refs") of the mix with `passes` passes on `tree`, from cachegrind's summary. */
function count(tree: CompiledTree, passes: number): Promise<number> {
  const args = ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, '--single-threaded', MIX];
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', args, { env: { ...process.env, KBENCH_TREE: tree.jsRoot, PASSES: String(passes), FRAC: String(FRAC), EXPERIMENTS: MIX_EXPERIMENTS.join(',') }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const refs = /I\s+refs:\s+([\d,]+)/.exec(stderr)?.[1];
      if (code !== 0 || refs === undefined) reject(new Error(`${tree.label}, ${passes} passes: valgrind exited ${code}\n${stderr.slice(-2000)}`));
      else resolve(Number(refs.replaceAll(',', '')));
    });
  });
}

/** A tree's counts: the first pass (loading, compiling, warming up and one pass) and the steady two after it. */
interface TreeCount {
  readonly tree: string;
  readonly firstPass: number;
  readonly steadyTwoPasses: number;
}

async function countTree(tree: CompiledTree): Promise<TreeCount> {
  const [one, three] = await Promise.all([count(tree, 1), count(tree, 3)]);
  return { tree: tree.label, firstPass: one, steadyTwoPasses: three - one };
}

if (spawnSync('valgrind', ['--version']).status !== 0) {
  process.stderr.write('bench:instructions: valgrind is not installed (Debian: apt-get install valgrind)\n');
  process.exit(2);
}
const baseline = argument('--baseline');
const modules = ['experiments/runner/compute', 'experiments/registry'];
const trees = [compileCurrent(modules), ...(baseline === undefined ? [] : [compileRef(baseline, modules)])];
try {
  // One tree at a time, its two counts at once: valgrind's counts do not depend on the load.
  const counts: TreeCount[] = [];
  for (const tree of trees) counts.push(await countTree(tree));
  const giga = (n: number): number => Math.round(n / 1e7) / 100;
  const after = counts[0] as TreeCount;
  const before = counts[1];
  console.log(`instructions (G) of a ${FRAC * 100}% share of the units of ${MIX_EXPERIMENTS.join(', ')}, in one thread under cachegrind, Node ${process.version}`);
  console.table(counts.map((c) => ({ tree: c.tree, 'first pass': giga(c.firstPass), 'steady 2 passes': giga(c.steadyTwoPasses) })));
  if (before !== undefined) {
    const change = (a: number, b: number): string => `${(((a - b) / b) * 100).toFixed(2)}%`;
    console.log(`this checkout against ${before.tree}: steady ${change(after.steadyTwoPasses, before.steadyTwoPasses)}, first pass ${change(after.firstPass, before.firstPass)}`);
  }
  const out = fileURLToPath(new URL('../results/bench-instructions.json', import.meta.url));
  writeFileAtomic(out, `${JSON.stringify({ node: process.version, share: FRAC, experiments: MIX_EXPERIMENTS, counts }, null, 2)}\n`);
  console.log('wrote results/bench-instructions.json');
} finally {
  for (const tree of trees) tree.dispose();
}
