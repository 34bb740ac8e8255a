import { describe, expect, it } from 'vitest';
import { fpWorstCaseCycles } from './fp.ts';
import { task, taskSet } from './model.ts';
import { withOverheads, type KernelOverheads } from './overheads.ts';

const costs: KernelOverheads = { tickCycles: 20, releaseCycles: 5, switchCycles: 7, jobEndCycles: 6, isrEntryCycles: 10, isrExitCycles: 10, longestCriticalSectionCycles: 30, tickPeriodCycles: 1000 };

describe('overhead-aware analysis', () => {
  it('adds the tick and each release as interrupt loads, two switches and the job-end service per job, and the critical section as blocking', () => {
    // C' = 100 + 2*7 + 6 = 120; tick = 10 + 20 + 10 = 40 every 1000; release 5 every 10 000; B = 30.
    // R = 30 + 120 + ceil(R/1000) 40 + ceil(R/10 000) 5 = 195.
    const m = withOverheads(taskSet([task({ name: 'a', priority: 0, periodCycles: 10_000, wcetCycles: 100 })]), costs);
    expect(m.tasks[0]?.wcetCycles).toBe(120);
    expect(m.interrupts[0]).toMatchObject({ name: 'kernel-tick', costCycles: 40, periodCycles: 1000 });
    expect(m.interrupts[1]).toMatchObject({ name: 'release:a', costCycles: 5, periodCycles: 10_000 });
    expect(fpWorstCaseCycles(m, 0)).toBe(195);
  });

  it("adds a tick of release lag on top of a task's own release jitter: the tick comes at or after arrival plus jitter", () => {
    // Period 10 000 is 10 ticks, so without jitter the tick adds no lag; with 300 of jitter the release can miss a tick.
    const plain = withOverheads(taskSet([task({ name: 'a', priority: 0, periodCycles: 10_000, wcetCycles: 100 })]), costs);
    const jittered = withOverheads(taskSet([task({ name: 'a', priority: 0, periodCycles: 10_000, wcetCycles: 100, releaseJitterCycles: 300 })]), costs);
    expect(plain.tasks[0]?.releaseJitterCycles).toBe(0);
    expect(jittered.tasks[0]?.releaseJitterCycles).toBe(300 + 1000);
  });

  it('leaves the job-end service out of the best case, which runs after the output', () => {
    // bcet' = 60 + 2*7 = 74: the delay-until that ends the job comes after its io-out.
    const m = withOverheads(taskSet([task({ name: 'a', priority: 0, periodCycles: 10_000, wcetCycles: 100, bcetCycles: 60 })]), costs);
    expect(m.tasks[0]?.bcetCycles).toBe(74);
  });

  it("charges a less urgent task's release to a more urgent one: the ISR releases both before either runs", () => {
    // As above plus b (priority 1, same period): a's R = 30 + 120 + 40 + 5 (a's release) + 5 (b's) = 200.
    const m = withOverheads(taskSet([task({ name: 'a', priority: 0, periodCycles: 10_000, wcetCycles: 100 }), task({ name: 'b', priority: 1, periodCycles: 10_000, wcetCycles: 100 })]), costs);
    expect(fpWorstCaseCycles(m, 0)).toBe(200);
  });

  it('releases a task whose period is off the tick grid up to one tick late', () => {
    // Same as above with T = 10 500: release jitter 1000, so R = 195 + 1000.
    const m = withOverheads(taskSet([task({ name: 'a', priority: 0, periodCycles: 10_500, wcetCycles: 100 })]), costs);
    expect(fpWorstCaseCycles(m, 0)).toBe(1195);
  });

  it('charges entry, exit and a release to an interrupt line that wakes a task', () => {
    const plain = taskSet([task({ name: 'a', priority: 0, periodCycles: 10_000, wcetCycles: 100 })], [{ name: 'uart', periodCycles: 2000, costCycles: 50, bestCostCycles: 50, releaseJitterCycles: 0, strictlyPeriodic: false }]);
    expect(withOverheads(plain, costs, new Set(['uart'])).interrupts[1]?.costCycles).toBe(50 + 20 + 5);
    expect(withOverheads(plain, costs).interrupts[1]?.costCycles).toBe(50 + 20);
  });
});
