import { loadBenchModules } from './bench-modules.ts';
import { benchTree, sampleRound, stepsOf, warmUpStarts } from './bench-tree.ts';

/*
 * One compiled tree in a process of its own, timed on request (`bench/side-by-side.ts` forks one per
 * tree and alternates their rounds). Two trees loaded into one process do not run at the same speed
 * even when their code is the same: measured against itself (`--baseline HEAD`), one ran up to 14%
 * faster than the other, which is the size of the changes a before/after is meant to show.
 * Arguments: the tree's compiled root and its label.
 */

/** What the parent asks for, and what it gets back. */
export type SamplerRequest = { readonly kind: 'warm' } | { readonly kind: 'round' } | { readonly kind: 'steps' };

const [jsRoot, label] = process.argv.slice(2);
if (jsRoot === undefined || label === undefined || process.send === undefined) throw new Error('tree-sampler: run by bench/side-by-side.ts with a compiled root and a label');
const tree = benchTree(await loadBenchModules({ label, jsRoot, dispose: () => undefined }));
const send = process.send.bind(process);

process.on('message', (request: SamplerRequest) => {
  if (request.kind === 'warm') {
    warmUpStarts(tree);
    send({ kind: 'warm', ids: tree.subjects.map((s) => s.id) });
  } else if (request.kind === 'round') {
    send({ kind: 'round', samples: sampleRound(tree) });
  } else {
    send({ kind: 'steps', steps: stepsOf(tree) });
  }
});
// The parent's disconnect ends the sampler.
process.on('disconnect', () => process.exit(0));
send({ kind: 'loaded' });
