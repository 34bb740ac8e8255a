// The batch whose instructions `npm run bench:instructions` counts (bench/instructions.bench.ts):
// PASSES passes over a FRAC share of the full-mode units of the EXPERIMENTS (comma-separated ids),
// pass k taking every (1 / FRAC)-th unit from index k, so each pass runs other units of the same
// mix. Run in one thread with kbench's V8 flags, from the compiled tree at KBENCH_TREE (its root of .js).
import { setFlagsFromString } from 'node:v8';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { KBENCH_V8_FLAGS } from '../bin/v8-flags.js';

setFlagsFromString(KBENCH_V8_FLAGS);
const tree = process.env.KBENCH_TREE;
if (tree === undefined) throw new Error('KBENCH_TREE: the compiled tree to run');
const load = (module) => import(pathToFileURL(join(tree, `${module}.js`)).href);
const { computeBatch, unitsOf } = await load('experiments/runner/compute');
const { EXPERIMENTS } = await load('experiments/registry');

const ids = (process.env.EXPERIMENTS ?? '').split(',').filter((id) => id !== '');
if (ids.length === 0) throw new Error('EXPERIMENTS: the experiment ids whose units to run');
const passes = Number(process.env.PASSES ?? 1);
const every = Math.round(1 / Number(process.env.FRAC ?? 0.01));
for (let pass = 0; pass < passes; pass++) {
  for (const id of ids) {
    const experiment = EXPERIMENTS.find((e) => e.id === id);
    const indices = [...unitsOf(experiment, 'full').keys()].filter((i) => i % every === pass);
    for (let i = 0; i < indices.length; i += 50) computeBatch({ experimentId: id, mode: 'full', indices: indices.slice(i, i + 50) });
  }
}
