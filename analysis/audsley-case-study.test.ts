import { describe, expect, it } from 'vitest';
import { fpBlockingCycles } from './fp.ts';
import { simulateResponses } from './reference-schedule.ts';
import { textbookModel } from './textbook-model.ts';
import { TEXTBOOK_SETS } from './textbook-sets.ts';

/*
 * The 18-task avionics case study of Audsley, Burns, Richardson, Tindell and Wellings, 'Applying new
 * scheduling theory to static priority pre-emptive scheduling', Software Engineering Journal 8(5),
 * 1993, read from its restatement in SchedCAT (github.com/brandenburg/schedcat, tests/fp.py,
 * AudsleyExample). textbook-sets.test.ts checks that kbench's analysis gives each R + J; here the
 * restatement is checked against the paper's own equation, and the constructed critical sections
 * against the paper's blocking column.
 */

const set = TEXTBOOK_SETS.find((s) => s.id === 'audsley-1993-avionics');

/** The paper's blocking column B_i (us), in priority order, as SchedCAT restates it. */
const PUBLISHED_BLOCKING = [0, 300, 600, 900, 1350, 1350, 750, 750, 1350, 450, 1050, 450, 450, 450, 1350, 0, 0, 0];

describe('Audsley et al. 1993, 18-task avionics case study', () => {
  if (set === undefined) throw new Error('audsley-1993-avionics is missing from TEXTBOOK_SETS');
  const tasks = set.tasks;
  const published = (name: string): number => (set.wcrt[name] ?? NaN) - (tasks.find((t) => t.name === name)?.jitter ?? 0);

  it("the paper's equation R = C + B + sum ceil((R + J_j) / T_j) C_j, iterated here from C + B, gives every published response time", () => {
    tasks.forEach((ti, i) => {
      const b = PUBLISHED_BLOCKING[i] ?? NaN;
      const demand = (r: number): number => ti.c + b + tasks.slice(0, i).reduce((sum, tj) => sum + Math.ceil((r + (tj.jitter ?? 0)) / tj.t) * tj.c, 0);
      let r = ti.c + b;
      while (demand(r) !== r) r = demand(r);
      expect(r, ti.name).toBe(published(ti.name));
    });
  });

  it("the constructed critical sections give each task exactly the paper's blocking factor", () => {
    const model = textbookModel(set);
    expect(tasks.map((_, i) => fpBlockingCycles(model, i))).toEqual(PUBLISHED_BLOCKING);
  });

  it('the reference scheduler, all tasks released together, reaches the published R of the tasks nothing blocks (tau1, tau16-tau18) and no task exceeds R + J', () => {
    // Synchronous release is their critical instant: B = 0, and tau12's jitter adds no job to their
    // windows (R + 1000 < 200000). Blocking and jitter need a placement the periodic schedule cannot give.
    const model = textbookModel(set);
    const horizon = (set.wcrt['tau18'] ?? 0) + 1;
    const { worst } = simulateResponses(model.tasks, tasks.map(() => 0), horizon, 'fp');
    for (const name of ['tau1', 'tau16', 'tau17', 'tau18']) expect(worst[tasks.findIndex((t) => t.name === name)], name).toBe(published(name));
    tasks.forEach((t, i) => expect(worst[i] ?? NaN, t.name).toBeLessThanOrEqual(set.wcrt[t.name] ?? -1));
  });
});
