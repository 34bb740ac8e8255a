import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPERIMENTS } from '../registry.ts';
import { reproduce } from './reproduce.ts';
import { parseShard } from './shard.ts';
import { mergeShards } from './merge.ts';
import { sweepShard } from './sweep.ts';
import type { UnitBatch } from './compute.ts';
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

/** Every unit's JSON from the in-process run, by experiment, mode and unit index. */
const computedInProcess = new Map<string, string>();
const unitKey = (batch: UnitBatch, index: number): string => `${batch.experimentId}\0${batch.mode}\0${index}`;

/** Runs units in this thread and keeps each unit's JSON for `replayRunner`. */
function recordingRunner(): UnitRunner {
  const inner = inProcessRunner();
  return {
    ...inner,
    run: async (batch) => {
      const jsons = await inner.run(batch);
      batch.indices.forEach((index, k) => computedInProcess.set(unitKey(batch, index), jsons[k] as string));
      return jsons;
    },
  };
}

/** Hands back the in-process run's JSON for each unit asked for; a unit that run never computed fails the batch. */
function replayRunner(): UnitRunner {
  return {
    parallelism: 1,
    run: (batch) =>
      Promise.resolve(
        batch.indices.map((index) => {
          const json = computedInProcess.get(unitKey(batch, index));
          if (json === undefined) throw new Error(`unit ${index} of ${batch.experimentId} (${batch.mode}) was not computed by the in-process run`);
          return json;
        }),
      ),
    close: () => Promise.resolve(),
  };
}

let inProcessRun: Promise<Record<string, string>> | undefined;
/** The bytes of a quick reproduce in this thread, computed once for both tests. */
const inProcessBytes = (): Promise<Record<string, string>> => (inProcessRun ??= reproduceWith('in-process', recordingRunner(), 0));

// The first test reproduces every experiment's quick mode twice (in process, on worker threads): minutes on a loaded 2-core machine.
const GENEROUS_MS = 300_000;

describe('results do not depend on how the units were spread', () => {
  // Three worker threads cover both what one would (every unit crosses a thread boundary as
  // serialised data) and the spread of units over threads, so a one-worker run adds nothing.
  it('writes byte-identical results in process and on 3 worker threads', async () => {
    const inProcess = await inProcessBytes();
    const threeWorkers = await reproduceWith('three-workers', poolRunner(3), 3);
    expect(threeWorkers).toEqual(inProcess);
  }, GENEROUS_MS);

  // The shards take each unit's result from the in-process run rather than computing it a third
  // time: what this test adds is the split into shards, the shard files and the merge. That a unit
  // computes the same bytes whatever ran before it in the same thread is the first test's (each
  // worker runs its own mix of units); the replay fails on any unit the single run never computed,
  // so the shards still must ask for exactly that run's units.
  it('merges 3 shards, handed over in any order, into the bytes of a single run', async () => {
    const single = await inProcessBytes();
    const runner = replayRunner();
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
