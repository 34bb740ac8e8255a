import { describe, expect, it } from 'vitest';
import { fpBlockingCycles, fpStreamResponseCycles, fpWorstCaseCycles } from './fp.ts';
import { task, taskSet } from './model.ts';
import { simulateResponses } from './reference-schedule.ts';

const wcrts = (set: ReturnType<typeof taskSet>): number[] => set.tasks.map((_, i) => fpWorstCaseCycles(set, i));

describe('fixed-priority worst case, fully preemptive (Joseph and Pandya 1986; Audsley et al. 1993)', () => {
  // Textbook response-time examples, fully preemptive, priorities in the order listed.
  const examples = [
    {
      example: 'the Burns and Wellings response-time example (T = 7, 12, 20; C = 3, 3, 5)',
      // Burns and Wellings, Real-Time Systems and Programming Languages, 4th ed., scheduling chapter (RTA example); numbers derived here.
      // By hand: R_a = 3. R_b = 3 + ceil(6/7)3 = 6. R_c: 5 -> 5+3+3 = 11 -> 5+2*3+3 = 14 -> 5+2*3+2*3 = 17
      //          -> 5+3*3+2*3 = 20 -> 20 (fixed point).
      periods: [7, 12, 20],
      wcets: [3, 3, 5],
      wcrts: [3, 6, 20],
    },
    {
      example: 'the Buttazzo rate-monotonic example (T = 4, 6, 10; C = 1, 2, 3)',
      // Buttazzo, Hard Real-Time Computing Systems, 3rd ed., ch. 4 (response time analysis); numbers derived here.
      // By hand: R1 = 1. R2 = 2 + ceil(3/4)1 = 3. R3: 3+1+2 = 6 -> 3 + 2*1 + 1*2 = 7 -> 3 + 2 + 2*2 = 9
      //          -> 3 + 3 + 4 = 10 -> 3 + 3 + 4 = 10.
      periods: [4, 6, 10],
      wcets: [1, 2, 3],
      wcrts: [1, 3, 10],
    },
  ];
  for (const { example, periods, wcets, wcrts: expected } of examples) {
    it(`reproduces ${example}`, () => {
      const set = taskSet(periods.map((periodCycles, i) => task({ name: `t${i + 1}`, priority: i, periodCycles, wcetCycles: wcets[i] ?? 0 })));
      expect(wcrts(set)).toEqual(expected);
    });
  }

  it('declares a task unbounded when its level is overloaded', () => {
    const set = taskSet([
      task({ name: 'a', priority: 0, periodCycles: 4, wcetCycles: 3 }),
      task({ name: 'b', priority: 1, periodCycles: 4, wcetCycles: 2 }),
    ]);
    expect(wcrts(set)).toEqual([3, Infinity]);
  });
});

describe('fixed priority with non-preemptive regions: all jobs of the busy period', () => {
  // Davis, Burns, Bril and Lukkien, "Controller Area Network (CAN) schedulability analysis: refuted,
  // revisited and revised", Real-Time Systems 35(3), 2007, section 3: messages A, B, C with
  // T = 2.5, 3.5, 3.5 and C = 1, all non-preemptive. Doubled here to integers: T = 5, 7, 7, C = 2.
  const can = taskSet([
    task({ name: 'A', priority: 0, periodCycles: 5, wcetCycles: 2, preemptibleCycles: 0 }),
    task({ name: 'B', priority: 1, periodCycles: 7, wcetCycles: 2, preemptibleCycles: 0 }),
    task({ name: 'C', priority: 2, periodCycles: 7, wcetCycles: 2, preemptibleCycles: 0 }),
  ]);

  it('finds the second job of C as the worst (7, i.e. 3.5 in the paper units)', () => {
    // By hand for C (no blocking): busy period L = 14 (A 3 jobs, B 2, C 2), so jobs k = 0, 1.
    //   k = 0: S = (floor(S/5)+1)2 + (floor(S/7)+1)2 -> S = 4, finish 6, response 6.
    //   k = 1: S = 2 + ... : 6 -> 8 -> 10 -> 12 -> 12, finish 14, response 14 - 7 = 7.
    // The first-job-only analysis would stop at 6.
    expect(fpWorstCaseCycles(can, 2)).toBe(7);
    // The schedule from the synchronous release shows the 7: A 0-2, B 2-4, C 4-6, A 6-8, B 8-10, A 10-12, C 12-14.
    expect(simulateResponses(can.tasks, [0, 0, 0], 35, 'fp').worst[2]).toBe(7);
  });

  it('charges a higher-priority task the longest lower final region, less the unit already run, as blocking', () => {
    // A released one unit after a non-preemptive job of B or C started finds 1 unit left: B_A = 2 - 1 = 1
    // (Bril et al. 2009 in integer time, blocking.ts); R_A = 1 + 2 = 3. A released at the instant B
    // starts is seen first and runs first. The schedule with B at 0 and A at 1: B 0-2, A 2-4, response 3.
    expect(fpBlockingCycles(can, 0)).toBe(1);
    expect(fpWorstCaseCycles(can, 0)).toBe(3);
    expect(simulateResponses(can.tasks, [1, 0, 3], 70, 'fp').worst[0]).toBe(3);
  });
});

describe('fixed priority with preemption thresholds (Wang and Saksena 1999)', () => {
  // Constructed example, derived by hand with Wang and Saksena's equations:
  // t1 (C 2, T 10, prio 0), t2 (C 4, T 12, prio 1, threshold 0), t3 (C 3, T 20, prio 2, threshold 1).
  const set = taskSet([
    task({ name: 't1', priority: 0, periodCycles: 10, wcetCycles: 2 }),
    task({ name: 't2', priority: 1, thresholdPriority: 0, periodCycles: 12, wcetCycles: 4 }),
    task({ name: 't3', priority: 2, thresholdPriority: 1, periodCycles: 20, wcetCycles: 3 }),
  ]);

  it('blocks t1 by a started t2 (t2 runs at threshold 0) but not by t3 (threshold 1 lets t1 in)', () => {
    // B_1 = max(C_2 - 1 = 3 since gamma_2 <= pi_1, final region of t3 = 0) = 3; R_1 = 3 + 2 = 5.
    expect(fpBlockingCycles(set, 0)).toBe(3);
    expect(fpWorstCaseCycles(set, 0)).toBe(5);
  });

  it('blocks t2 by a started t3 and lets no one preempt t2 once started', () => {
    // B_2 = C_3 - 1 = 2 (gamma_3 = 1 <= pi_2). Busy: 2 + 2 + 4 = 8. S = 2 + (floor(S/10)+1)2 = 4;
    // nothing is above threshold 0, so F = S + 4 = 8.
    expect(fpWorstCaseCycles(set, 1)).toBe(8);
  });

  it('meets the reference scheduler exactly over every release offset', () => {
    const worst = [0, 0, 0];
    for (let a = 0; a < 10; a++) {
      for (let b = 0; b < 12; b++) {
        for (let c = 0; c < 20; c++) simulateResponses(set.tasks, [a, b, c], 120 + 60, 'fp').worst.forEach((w, i) => (worst[i] = Math.max(worst[i] ?? 0, w)));
      }
    }
    expect(worst).toEqual([5, 8, 9]);
  });

  it('lets only t1 preempt a started t3', () => {
    // S = (floor(S/10)+1)2 + (floor(S/12)+1)4 = 6; F = 6 + 3 + (ceil(F/10) - 1)2 = 9.
    expect(fpWorstCaseCycles(set, 2)).toBe(9);
  });
});

describe('fixed priority for a task released by several streams folded into one (MOS: its own trigger and its senders\' posts)', () => {
  // Streams: its own (T 1000, J 300: a release up to 300 after its arrival) and posts (T 100, J 20).
  // Folded by hand (message-releases.ts coveringStream): T = floor(1 / (1/1000 + 1/100)) = 90,
  // J = 90 + ceil(90 x 300 / 1000) + ceil(90 x 20 / 100) = 90 + 27 + 18 = 135. C = 60, alone.
  const streams = [{ periodCycles: 1000, releaseJitterCycles: 300 }, { periodCycles: 100, releaseJitterCycles: 20 }];
  const folded = task({ name: 'receiver', priority: 0, periodCycles: 90, wcetCycles: 60, releaseJitterCycles: 135, strictlyPeriodic: false, foldedReleases: { streams, releaseLagCycles: 300 } });

  it('counts its response from its own streams and adds its own release lag, not the folded jitter (420 by hand)', () => {
    // Busy period w = ceil((w + 135) / 90) 60: 60 -> 180 -> 240 -> 300 -> 300. The streams release
    // ceil(600 / 1000) + ceil(320 / 100) = 1 + 4 jobs in it, at the earliest at 0 (own) and at
    // max(0, m 100 - 20) = 0, 80, 180, 280 (posts): sorted 0, 0, 80, 180, 280. Job k ends at 60 (k + 1):
    // responses 60 - 0 + 300 = 360, 120 - 0 + 300 = 420, 400, 360, 320. The folded arrival alone
    // gave 60 + 135 = 195, short of the own job released 300 after its arrival and waiting 60 more.
    expect(fpWorstCaseCycles(taskSet([folded]), 0)).toBe(420);
  });

  it('bounds what its jobs post from the folded arrival (195 by hand), the jitter of the streams it releases', () => {
    // Job k of the folded stream ends by 60 (k + 1) - 90 k + 135: 195, 165, 135, 105, 75.
    expect(fpStreamResponseCycles(taskSet([folded]), 0)).toBe(195);
  });
});
