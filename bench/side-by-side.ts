import { fork, type ChildProcess } from 'node:child_process';
import { alternatingOrder } from './alternate.ts';
import { keepRound, type RoundSample, type Samples } from './bench-tree.ts';
import type { CompiledTree } from './compiled-tree.ts';
import type { SamplerRequest } from './tree-sampler.ts';

/** Every tree's subject ids, samples (round 0, the warm-up, left out) and steps per simulated second. */
export interface SideBySideSamples {
  readonly ids: readonly string[][];
  readonly samples: readonly Samples[][];
  readonly steps: readonly number[][];
}

/** A message of a sampler. */
type SamplerReply = { kind: 'loaded' } | { kind: 'warm'; ids: string[] } | { kind: 'round'; samples: RoundSample[] } | { kind: 'steps'; steps: number[] };

/** Sends `request` (none: waits only) and resolves with the sampler's next message. */
function ask(child: ChildProcess, request?: SamplerRequest): Promise<SamplerReply> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null): void => reject(new Error(`bench tree sampler exited with code ${code}`));
    child.once('exit', onExit);
    child.once('message', (reply: SamplerReply) => {
      child.off('exit', onExit);
      resolve(reply);
    });
    if (request !== undefined) child.send(request);
  });
}

/**
 * Times each tree in a process of its own (bench/tree-sampler.ts), the processes taking turns: one
 * measures while the others wait, and the order rotates every round, as the one-process rounds do.
 */
export async function sampleSideBySide(trees: readonly CompiledTree[], rounds: number): Promise<SideBySideSamples> {
  const script = new URL('./tree-sampler.ts', import.meta.url);
  const children = trees.map((tree) => fork(script, [tree.jsRoot, tree.label], { execArgv: ['--expose-gc', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  try {
    // Listening from the fork on, so that no sampler's first message goes unheard.
    await Promise.all(children.map((child) => ask(child)));
    const ids: string[][] = [];
    // One at a time, so no sampler warms up while another is timed.
    for (const child of children) ids.push(((await ask(child, { kind: 'warm' })) as { ids: string[] }).ids);
    const samples = ids.map((list) => list.map((): Samples => ({ setupMs: [], runMs: [], runCpuMs: [] })));
    for (let round = 0; round < rounds; round++) {
      for (const t of alternatingOrder(round, children.length)) {
        const reply = (await ask(children[t] as ChildProcess, { kind: 'round' })) as { samples: RoundSample[] };
        // Round 0 warms the compiler up for every tree and subject alike.
        if (round > 0) keepRound(samples[t] as Samples[], reply.samples);
      }
    }
    const steps: number[][] = [];
    for (const child of children) steps.push(((await ask(child, { kind: 'steps' })) as { steps: number[] }).steps);
    return { ids, samples, steps };
  } finally {
    for (const child of children) child.disconnect();
  }
}
