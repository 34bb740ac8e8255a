import { describe, expect, it } from 'vitest';
import { fpWorstCaseCycles } from './fp.ts';
import { task, taskSet } from './model.ts';
import { withOverheads, type KernelOverheads } from './overheads.ts';

const costs: KernelOverheads = { tickCycles: 20, releaseCycles: 5, switchCycles: 7, jobEndCycles: 6, isrEntryCycles: 10, isrExitCycles: 10, longestCriticalSectionCycles: 30, mutexLockCycles: 0, mutexUnlockCycles: 0, tickPeriodCycles: 1000 };

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

  it('leaves every kernel cost out of the best case, each being priced at its worst', () => {
    // The worst case grows by 2 switches and the job end (100 + 2*7 + 6 = 120); the best case keeps
    // the job's own 60 cycles, a line's own ISR cycles and no tick: a job may meet cheaper paths
    // than the priced ones (OSIntExit's switch has no save), so charging them could pass a real response.
    const plain = taskSet([task({ name: 'a', priority: 0, periodCycles: 10_000, wcetCycles: 100, bcetCycles: 60 })], [{ name: 'uart', periodCycles: 2000, costCycles: 50, bestCostCycles: 30, releaseJitterCycles: 0, strictlyPeriodic: true }]);
    const m = withOverheads(plain, costs, new Set(['uart']));
    expect(m.tasks[0]?.wcetCycles).toBe(120);
    expect(m.tasks[0]?.bcetCycles).toBe(60);
    expect(m.interrupts.find((l) => l.name === 'uart')?.bestCostCycles).toBe(30);
    expect(m.interrupts.find((l) => l.name === 'kernel-tick')?.bestCostCycles).toBe(0);
    expect(m.interrupts.filter((l) => l.name.startsWith('release:')).map((l) => l.bestCostCycles)).toEqual([0]);
  });

  it("charges a less urgent task's release to a more urgent one: the ISR releases both before either runs", () => {
    // As above plus b (priority 1, same period): a's R = 30 + 120 + 40 + 5 (a's release) + 5 (b's) = 200.
    const m = withOverheads(taskSet([task({ name: 'a', priority: 0, periodCycles: 10_000, wcetCycles: 100 }), task({ name: 'b', priority: 1, periodCycles: 10_000, wcetCycles: 100 })]), costs);
    expect(fpWorstCaseCycles(m, 0)).toBe(200);
  });

  it('charges entry, exit and a release to an interrupt line that wakes a task', () => {
    const plain = taskSet([task({ name: 'a', priority: 0, periodCycles: 10_000, wcetCycles: 100 })], [{ name: 'uart', periodCycles: 2000, costCycles: 50, bestCostCycles: 50, releaseJitterCycles: 0, strictlyPeriodic: false }]);
    expect(withOverheads(plain, costs, new Set(['uart'])).interrupts[1]?.costCycles).toBe(50 + 20 + 5);
    expect(withOverheads(plain, costs).interrupts[1]?.costCycles).toBe(50 + 20);
  });
});
