import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { portCosts } from '../port-costs.ts';
import { batchesOf, computeUnits } from './compute-units.ts';
import type { UnitBatch } from './compute.ts';
import { InterruptedError } from './interrupt.ts';
import type { UnitRunner } from './unit-runner.ts';

describe('batches', () => {
  it('keep every index once, in order, at most 32 to a batch', () => {
    fc.assert(
      fc.property(fc.nat(3000), fc.integer({ min: 1, max: 16 }), (n, parallelism) => {
        const batches = batchesOf([...Array(n).keys()], parallelism);
        expect(batches.flat()).toEqual([...Array(n).keys()]);
        for (const b of batches) expect(b.length).toBeLessThanOrEqual(32);
      }),
    );
  });

  it('shrink towards the end of an experiment, down to single units', () => {
    // 2 workers, an eighth of each worker's share of what is left, ceil(left / 16): 40 -> 3,
    // 37 -> 3, 34 -> 3, then 2 units while 17 or more are left (31, 29, ..., 17: eight batches),
    // then the last 15 one at a time.
    const sizes = batchesOf([...Array(40).keys()], 2).map((b) => b.length);
    expect(sizes).toEqual([3, 3, 3, ...Array(8).fill(2), ...Array(15).fill(1)]);
  });

  it('never grows from one batch to the next', () => {
    fc.assert(
      fc.property(fc.nat(3000), fc.integer({ min: 1, max: 16 }), (n, parallelism) => {
        const sizes = batchesOf([...Array(n).keys()], parallelism).map((b) => b.length);
        for (let k = 1; k < sizes.length; k++) expect(sizes[k]).toBeLessThanOrEqual(sizes[k - 1] as number);
      }),
    );
  });
});

/** A fake runner of parallelism 2 that answers each batch as `answer(n)` says (n counts calls from 0). */
function fakeRunner(answer: (call: number, batch: UnitBatch) => Promise<string[]>): UnitRunner & { calls: number } {
  const runner = {
    calls: 0,
    parallelism: 2,
    run: (batch: UnitBatch) => answer(runner.calls++, batch),
    close: () => Promise.resolve(),
  };
  return runner;
}

const units160 = [...Array(160).keys()];
const nulls = (batch: UnitBatch): Promise<string[]> => Promise.resolve(batch.indices.map(() => 'null'));

describe('computing units', () => {
  it('hands out every batch at most 2 at a time on a runner of parallelism 2, and returns each unit once', async () => {
    let inFlight = 0;
    let most = 0;
    const runner = fakeRunner(async (_, batch) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      return nulls(batch);
    });
    const results = await computeUnits(portCosts, 'quick', units160, runner);
    expect([...results.keys()].sort((a, b) => a - b)).toEqual(units160);
    expect([runner.calls, most]).toEqual([batchesOf(units160, 2).length, 2]);
  });

  it('stops handing out batches once one fails', async () => {
    const runner = fakeRunner((call, batch) => (call === 1 ? Promise.reject(new Error('unit broke')) : nulls(batch)));
    await expect(computeUnits(portCosts, 'quick', units160, runner)).rejects.toThrow('unit broke');
    // Of the batches, the other lane may take one more before it hears of the failure.
    expect(runner.calls).toBeLessThanOrEqual(3);
  });

  it('rejects with InterruptedError as soon as the signal aborts, without waiting for batches in flight', async () => {
    const ctrlC = new AbortController();
    const runner = fakeRunner(() => new Promise<string[]>(() => undefined));
    const computing = computeUnits(portCosts, 'quick', units160, runner, { signal: ctrlC.signal });
    ctrlC.abort();
    await expect(computing).rejects.toBeInstanceOf(InterruptedError);
    expect(runner.calls).toBe(2);
  });
});
