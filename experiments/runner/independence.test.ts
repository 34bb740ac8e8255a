import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPERIMENTS } from '../registry.ts';
import { reproduce } from './reproduce.ts';
import { parseShard } from './shard.ts';
import { mergeShards } from './merge.ts';
import { sweepShard } from './sweep.ts';
import { inProcessRunner, poolRunner, type UnitRunner } from './unit-runner.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kbench-independence-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function resultBytes(dir: string): Record<string, string> {
  const bytes: Record<string, string> = {};
  for (const e of EXPERIMENTS) {
    for (const ext of ['json', 'csv']) bytes[`${e.id}.${ext}`] = readFileSync(join(dir, `${e.id}.${ext}`), 'utf8');
  }
  return bytes;
}

async function reproduceWith(name: string, runner: UnitRunner, workers: number): Promise<Record<string, string>> {
  const dir = join(scratch, name);
  try {
    await reproduce(EXPERIMENTS, { mode: 'quick', resultsDir: dir, stateDir: join(scratch, `${name}-state`), runner, workers });
  } finally {
    await runner.close();
  }
  return resultBytes(dir);
}

let inProcessRun: Promise<Record<string, string>> | undefined;
/** The bytes of a quick reproduce in this thread, computed once for both tests. */
const inProcessBytes = (): Promise<Record<string, string>> => (inProcessRun ??= reproduceWith('in-process', inProcessRunner(), 0));

// Each test reproduces every experiment's quick mode once or twice (the in-process run is shared): minutes on a loaded 2-core machine.
const GENEROUS_MS = 300_000;

describe('results do not depend on how the units were spread', () => {
  // Three worker threads cover both what one would (every unit crosses a thread boundary as
  // serialised data) and the spread of units over threads, so a one-worker run adds nothing.
  it('writes byte-identical results in process and on 3 worker threads', async () => {
    const inProcess = await inProcessBytes();
    const threeWorkers = await reproduceWith('three-workers', poolRunner(3), 3);
    expect(threeWorkers).toEqual(inProcess);
  }, GENEROUS_MS);

  it('merges 3 shards, handed over in any order, into the bytes of a single run', async () => {
    const single = await inProcessBytes();
    const runner = inProcessRunner();
    const shardDirs: string[] = [];
    for (const text of ['2/3', '0/3', '1/3']) {
      const dir = join(scratch, `shard-${text.replace('/', '-of-')}`);
      for (const e of EXPERIMENTS) await sweepShard(e, 'quick', parseShard(text), dir, runner);
      shardDirs.push(dir);
    }
    const merged = join(scratch, 'merged');
    mergeShards(shardDirs, merged);
    expect(resultBytes(merged)).toEqual(single);
  }, GENEROUS_MS);
});
