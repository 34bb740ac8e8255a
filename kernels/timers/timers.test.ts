import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { avr } from '../../hardware/targets/index.ts';
import { SegmentPlan } from '../core/structures.ts';
import { TaskState, Tcb } from '../core/tcb.ts';
import { TIMER_STRATEGY_IDS, type TimerStrategyId } from '../profiles/types.ts';
import { createTimer } from './index.ts';

const IDS = TIMER_STRATEGY_IDS;

describe('timer strategies wake each sleeper on its tick', () => {
  for (const id of IDS) {
    it(`${id}: a task that sleeps d ticks at tick t wakes at tick t + d, whatever else sleeps`, () => {
      fc.assert(
        fc.property(fc.array(fc.record({ at: fc.integer({ min: 0, max: 20 }), ticks: fc.integer({ min: 1, max: 30 }) }), { minLength: 1, maxLength: 12 }), (sleeps) => {
          const tasks = sleeps.map((_, i) => new Tcb(i, `t${i}`, i, undefined));
          const timer = createTimer(id, avr, tasks);
          const woke = new Array<number>(tasks.length).fill(-1);
          const plan = new SegmentPlan();
          for (let tick = 0; tick <= 60; tick++) {
            sleeps.forEach((s, i) => {
              if (s.at === tick) {
                const t = tasks[i] as Tcb;
                t.state = TaskState.Delayed;
                timer.sleep(t, s.ticks);
              }
            });
            plan.reset();
            timer.tick(plan, (t) => {
              woke[t.index] = tick + 1;
              t.state = TaskState.Ready;
              return 0;
            });
          }
          // Sleeping at tick t (before the tick that ends it) for d ticks: woken by the (t + d)-th tick after.
          expect(woke).toEqual(sleeps.map((s) => s.at + s.ticks));
        }),
        { numRuns: 60 },
      );
    });
  }

  it("the per-tick scan's longest masked stretch is one TCB's, while its total grows with the task count", () => {
    const plan = new SegmentPlan();
    const timer = createTimer('tick-scan', avr, []);
    timer.idleTickPlan(plan, 1);
    const one = { total: plan.total(), masked: plan.longestMasked() };
    plan.reset();
    timer.idleTickPlan(plan, 8);
    expect(plan.total()).toBeGreaterThan(one.total);
    expect(plan.longestMasked()).toBe(one.masked);
  });

  it("Webit's timer_info step costs more than WORIX's sleep-queue step (sleep and repeat counts)", () => {
    const cost = (id: TimerStrategyId, n: number): number => {
      const plan = new SegmentPlan();
      createTimer(id, avr, []).idleTickPlan(plan, n);
      return plan.total();
    };
    expect(cost('timer-info-queue', 8) - cost('timer-info-queue', 1)).toBeGreaterThan(cost('sleep-queue', 8) - cost('sleep-queue', 1));
  });

  it("the delta list's tick does not grow with the number of sleepers that do not expire", () => {
    const cost = (n: number): number => {
      const plan = new SegmentPlan();
      createTimer('delta-list', avr, []).idleTickPlan(plan, n);
      return plan.total();
    };
    expect(cost(8)).toBe(cost(1));
  });
});

describe("FreeRTOS's delayed list and LiteOS-M's sortlink: sorted by wake tick, walked from opposite ends", () => {
  /** Cycles to start a delay of `ticks` with sleepers due in 10, 20 and 30 ticks already listed. */
  const insertCost = (id: TimerStrategyId, ticks: number): number => {
    const tasks = [0, 1, 2, 3].map((i) => new Tcb(i, `t${i}`, i, undefined));
    const timer = createTimer(id, avr, tasks);
    [10, 20, 30].forEach((d, i) => timer.sleep(tasks[i] as Tcb, d));
    return timer.sleep(tasks[3] as Tcb, ticks);
  };

  it('the delayed list (vListInsert) walks from the head: a later wake passes more sleepers', () => {
    expect(insertCost('delayed-list', 35)).toBeGreaterThan(insertCost('delayed-list', 15));
    expect(insertCost('delayed-list', 15)).toBeGreaterThan(insertCost('delayed-list', 5));
  });

  it('the sortlink (OsAddNode2SortLink) walks back from the tail: the latest wake is the cheapest after the head test', () => {
    expect(insertCost('sortlink', 15)).toBeGreaterThan(insertCost('sortlink', 35));
    expect(insertCost('sortlink', 5)).toBeLessThan(insertCost('sortlink', 35));
  });

  for (const id of ['delayed-list', 'sortlink'] as const) {
    it(`${id}: a tick that wakes nobody costs the same however many sleep`, () => {
      const cost = (n: number): number => {
        const plan = new SegmentPlan();
        createTimer(id, avr, []).idleTickPlan(plan, n);
        return plan.total();
      };
      expect(cost(8)).toBe(cost(1));
    });
  }
});

describe('worst-case sleep costs bound every real sleep', () => {
  it('no timer strategy starts a delay for more than worstSleepCycles(n), with up to n - 1 others asleep', () => {
    fc.assert(
      fc.property(fc.constantFrom(...IDS), fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 12 }), (id, delays) => {
        const tasks = delays.map((_, i) => new Tcb(i, `t${i}`, i, undefined));
        const timer = createTimer(id, avr, tasks);
        delays.forEach((d, i) => expect(timer.sleep(tasks[i] as Tcb, d)).toBeLessThanOrEqual(timer.worstSleepCycles(delays.length)));
      }),
    );
  });
});
