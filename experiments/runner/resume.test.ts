import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { irqLatency } from '../irq-latency.ts';
import { portCosts } from '../port-costs.ts';
import { computeBatch, type UnitBatch } from './compute.ts';
import { Reproduction, reproduce } from './reproduce.ts';
import { inProcessRunner, type UnitRunner } from './unit-runner.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kbench-resume-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A runner that counts the units it computes and fails once it has run `failAfter` batches. */
function countingRunner(failAfter = Infinity): UnitRunner & { computed: number[] } {
  let batches = 0;
  const computed: number[] = [];
  return {
    computed,
    parallelism: 1,
    run: (batch: UnitBatch) => {
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
