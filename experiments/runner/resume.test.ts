import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { irqLatency } from '../irq-latency.ts';
import { portCosts } from '../port-costs.ts';
import { computeBatch, type UnitBatch } from './compute.ts';
import { InterruptedError } from './interrupt.ts';
import { readManifest, recordInManifest } from './manifest.ts';
import { Reproduction, reproduce } from './reproduce.ts';
import { inProcessRunner, type UnitRunner } from './unit-runner.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kbench-resume-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * A runner that counts the units it computes, fails once it has run `failAfter` batches, and calls
 * `during(n)` while computing its n-th batch (0-based): where a test presses Ctrl-C.
 */
function countingRunner(failAfter = Infinity, during?: (batch: number) => void): UnitRunner & { computed: number[] } {
  let batches = 0;
  const computed: number[] = [];
  return {
    computed,
    parallelism: 1,
    run: (batch: UnitBatch) => {
      during?.(batches);
      if (batches++ >= failAfter) return Promise.reject(new Error('interrupted'));
      computed.push(...batch.indices);
      return Promise.resolve(computeBatch(batch));
    },
    close: () => Promise.resolve(),
  };
}

describe('an interrupted reproduce', () => {
  it('resumes without recomputing finished experiments or units, and ends with the bytes of an uninterrupted run', async () => {
    const resultsDir = join(scratch, 'resumed');
    const stateDir = join(scratch, 'state');
    const first = new Reproduction({ mode: 'quick', resultsDir, stateDir, runner: countingRunner(), workers: 0 });
    await first.run(portCosts);
    // irq-latency has 8 quick units in 8 batches of 1 on a parallelism-1 runner; stop after 3.
    const failing = new Reproduction({ mode: 'quick', resultsDir, stateDir, runner: countingRunner(3), workers: 0 });
    await expect(failing.run(irqLatency)).rejects.toThrow('interrupted');
    expect(existsSync(join(resultsDir, 'irq-latency.json'))).toBe(false);

    const resumedRunner = countingRunner();
    const outcomes = await reproduce([portCosts, irqLatency], { mode: 'quick', resultsDir, stateDir, runner: resumedRunner, workers: 0 });
    expect(outcomes.map((o) => [o.id, o.status, o.resumedUnits])).toEqual([
      ['port-costs', 'skipped', 3],
      ['irq-latency', 'computed', 3],
    ]);
    expect(resumedRunner.computed.sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7]);
    expect(existsSync(stateDir)).toBe(false);

    const fresh = join(scratch, 'fresh');
    await reproduce([portCosts, irqLatency], { mode: 'quick', resultsDir: fresh, stateDir: join(scratch, 'state-fresh'), runner: inProcessRunner(), workers: 0 });
    for (const name of ['port-costs.json', 'irq-latency.json', 'irq-latency.csv']) {
      expect(readFileSync(join(resultsDir, name), 'utf8')).toBe(readFileSync(join(fresh, name), 'utf8'));
    }
  });
});

/** Every file under `dir`, recursively, relative to it. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const entries: Dirent[] = readdirSync(dir, { recursive: true, withFileTypes: true });
  return entries.filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
}

describe('a finished marker', () => {
  it('keeps an experiment only while its results files and manifest entry hold the bytes the run wrote', async () => {
    const resultsDir = join(scratch, 'marked');
    const stateDir = join(scratch, 'marked-state');
    const run = () => new Reproduction({ mode: 'quick', resultsDir, stateDir, runner: countingRunner(), workers: 0 }).run(portCosts);
    expect((await run()).status).toBe('computed');
    const json = join(resultsDir, 'port-costs.json');
    const csv = join(resultsDir, 'port-costs.csv');
    const written = { json: readFileSync(json, 'utf8'), csv: readFileSync(csv, 'utf8') };
    expect((await run()).status).toBe('skipped');

    rmSync(json);
    expect((await run()).status).toBe('computed');
    expect(readFileSync(json, 'utf8')).toBe(written.json);

    writeFileSync(csv, written.csv.replace(/\d/, '9'));
    expect((await run()).status).toBe('computed');
    expect(readFileSync(csv, 'utf8')).toBe(written.csv);

    const entry = readManifest(resultsDir).experiments['port-costs'];
    if (entry === undefined) throw new Error('the run recorded no manifest entry');
    recordInManifest(resultsDir, 'port-costs', { ...entry, resultSha256: '0'.repeat(64) });
    expect((await run()).status).toBe('computed');
    expect(readManifest(resultsDir).experiments['port-costs']?.resultSha256).toBe(entry.resultSha256);

    expect((await run()).status).toBe('skipped');
  });
});

describe('Ctrl-C during reproduce', () => {
  it('stops between batches with InterruptedError, every file whole, and a rerun resumes to the bytes of an uninterrupted run', async () => {
    const resultsDir = join(scratch, 'ctrl-c');
    const stateDir = join(scratch, 'ctrl-c-state');
    const ctrlC = new AbortController();
    // irq-latency: 8 quick units in 8 batches of 1; Ctrl-C arrives while batch 3 computes.
    const first = countingRunner(Infinity, (batch) => batch === 3 && ctrlC.abort());
    await expect(reproduce([irqLatency], { mode: 'quick', resultsDir, stateDir, runner: first, workers: 0, signal: ctrlC.signal })).rejects.toBeInstanceOf(InterruptedError);
    expect(first.computed).toEqual([0, 1, 2, 3]);
    expect(existsSync(join(resultsDir, 'irq-latency.json'))).toBe(false);
    const state = filesUnder(stateDir);
    expect(state.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const chunk of state) expect(() => JSON.parse(readFileSync(chunk, 'utf8'))).not.toThrow();

    const resumed = countingRunner();
    const [outcome] = await reproduce([irqLatency], { mode: 'quick', resultsDir, stateDir, runner: resumed, workers: 0 });
    // Batches 0-2 ended before the Ctrl-C and are never computed again; each unit is computed once more at most.
    expect(resumed.computed.filter((u) => u < 3)).toEqual([]);
    expect((outcome?.resumedUnits ?? 0) + resumed.computed.length).toBe(8);
    const fresh = join(scratch, 'ctrl-c-fresh');
    await reproduce([irqLatency], { mode: 'quick', resultsDir: fresh, stateDir: join(scratch, 'ctrl-c-fresh-state'), runner: inProcessRunner(), workers: 0 });
    for (const name of ['irq-latency.json', 'irq-latency.csv']) expect(readFileSync(join(resultsDir, name), 'utf8')).toBe(readFileSync(join(fresh, name), 'utf8'));
  });

  it('recomputes the units of a checkpoint chunk that does not parse, rather than trusting it', async () => {
    const resultsDir = join(scratch, 'damaged');
    const stateDir = join(scratch, 'damaged-state');
    await expect(new Reproduction({ mode: 'quick', resultsDir, stateDir, runner: countingRunner(2), workers: 0 }).run(irqLatency)).rejects.toThrow('interrupted');
    const [damaged] = filesUnder(stateDir).filter((f) => /chunk-.*\.json$/.test(f));
    writeFileSync(damaged as string, '{"0": "[');
    const resumed = countingRunner();
    const [outcome] = await reproduce([irqLatency], { mode: 'quick', resultsDir, stateDir, runner: resumed, workers: 0 });
    expect(outcome?.resumedUnits).toBe(1);
    expect(resumed.computed.length).toBe(7);
  });
});
