import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

const NODE_ARGS = ['--expose-gc', '--import', 'tsx'];

/**
 * One core for every sampler where Linux's `taskset` can pin them (the first this process may use),
 * else undefined. Cores need not run at the same speed (a virtual machine's cores share their
 * hosts with other work, and one of two has run 1.5 times slower than the other for minutes): a
 * sampler that the scheduler kept on the slow one would look slower for it.
 */
function oneCpu(): string | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    execFileSync('taskset', ['--version'], { stdio: 'ignore' });
    const allowed = /^Cpus_allowed_list:\s*(\d+)/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return allowed;
  } catch {
    return undefined;
  }
}

/** A sampler process with an IPC channel, pinned to `cpu` when given. */
function startSampler(script: URL, args: readonly string[], cpu: string | undefined): ChildProcess {
  const stdio: ['ignore', 'inherit', 'inherit', 'ipc'] = ['ignore', 'inherit', 'inherit', 'ipc'];
  if (cpu === undefined) return fork(script, args, { execArgv: NODE_ARGS, stdio });
  // taskset execs node in place, so the channel node sets up for its child reaches the sampler.
  return spawn('taskset', ['-c', cpu, process.execPath, ...NODE_ARGS, script.pathname, ...args], { stdio });
}

/**
 * Processes per tree. Two processes of the same tree differ by up to 10% (each lays out its heap and
 * code anew), so one process per tree would show that as a difference between the trees; every
 * tree's samples pool several.
 */
export const PROCESSES_PER_TREE = 3;

/**
 * Times each tree in processes of its own (bench/tree-sampler.ts), PROCESSES_PER_TREE each, taking
 * turns on one core: one measures while the others wait, and the order rotates every round, as the
 * one-process rounds do. A tree's samples pool its processes'; its steps come from its first.
 */
export async function sampleSideBySide(trees: readonly CompiledTree[], rounds: number): Promise<SideBySideSamples> {
  const script = new URL('./tree-sampler.ts', import.meta.url);
  const cpu = oneCpu();
  // Process p times tree p % trees.length.
  const treeOf = (p: number): number => p % trees.length;
  const children = Array.from({ length: trees.length * PROCESSES_PER_TREE }, (_, p) => {
    const tree = trees[treeOf(p)] as CompiledTree;
    return startSampler(script, [tree.jsRoot, tree.label], cpu);
  });
  try {
    // Listening from the fork on, so that no sampler's first message goes unheard.
    await Promise.all(children.map((child) => ask(child)));
    const idsOf: string[][] = [];
    // One at a time, so no sampler warms up while another is timed.
    for (const child of children) idsOf.push(((await ask(child, { kind: 'warm' })) as { ids: string[] }).ids);
    const ids = trees.map((_, t) => idsOf[t] as string[]);
    const samples = ids.map((list) => list.map((): Samples => ({ setupMs: [], runMs: [], runCpuMs: [] })));
    for (let round = 0; round < rounds; round++) {
      for (const p of alternatingOrder(round, children.length)) {
        const reply = (await ask(children[p] as ChildProcess, { kind: 'round' })) as { samples: RoundSample[] };
        // Round 0 warms the compiler up for every tree and subject alike.
        if (round > 0) keepRound(samples[treeOf(p)] as Samples[], reply.samples);
      }
    }
    const steps: number[][] = [];
    for (let t = 0; t < trees.length; t++) steps.push(((await ask(children[t] as ChildProcess, { kind: 'steps' })) as { steps: number[] }).steps);
    return { ids, samples, steps };
  } finally {
    for (const child of children) child.disconnect();
  }
}
