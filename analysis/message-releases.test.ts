import { describe, expect, it } from 'vitest';
import { releasesBefore, releasesUpTo } from './fixpoint.ts';
import { coveringStream, MessageCycleError, withMessageReleases, type ReleaseStream } from './message-releases.ts';
import { task, taskSet } from './model.ts';

describe('coveringStream', () => {
  it('leaves a single stream as it is', () => {
    expect(coveringStream([{ periodCycles: 700, releaseJitterCycles: 30 }])).toEqual({ periodCycles: 700, releaseJitterCycles: 30 });
  });

  it('folds a 10 ms and a 1 ms stream with 100 jitter into T = 909, J = 1000 (by hand: 1 / (1/10000 + 1/1000) = 909.09; 909 + ceil(909 * 100 / 1000))', () => {
    expect(coveringStream([{ periodCycles: 10_000, releaseJitterCycles: 0 }, { periodCycles: 1000, releaseJitterCycles: 100 }])).toEqual({ periodCycles: 909, releaseJitterCycles: 1000 });
  });

  it('takes a period one short when the float estimate lands exactly on a sum of 1 (two 6-cycle streams: T = 3)', () => {
    expect(coveringStream([{ periodCycles: 6, releaseJitterCycles: 0 }, { periodCycles: 6, releaseJitterCycles: 0 }])?.periodCycles).toBe(3);
  });

  it('gives no stream for streams that together release more than once a cycle (periods 1 and 3)', () => {
    expect(coveringStream([{ periodCycles: 1, releaseJitterCycles: 0 }, { periodCycles: 3, releaseJitterCycles: 2 }])).toBeUndefined();
  });

  it('releases at least as many jobs as its streams together in every window, counted either way', () => {
    const cases: ReleaseStream[][] = [
      [{ periodCycles: 7, releaseJitterCycles: 0 }, { periodCycles: 11, releaseJitterCycles: 5 }],
      [{ periodCycles: 100, releaseJitterCycles: 40 }, { periodCycles: 13, releaseJitterCycles: 0 }, { periodCycles: 29, releaseJitterCycles: 31 }],
      [{ periodCycles: 2, releaseJitterCycles: 0 }, { periodCycles: 3, releaseJitterCycles: 2 }],
    ];
    for (const streams of cases) {
      const folded = coveringStream(streams);
      if (folded === undefined) throw new Error('no folded stream');
      for (let t = 0; t <= 2000; t++) {
        const sum = (count: typeof releasesBefore): number => streams.reduce((n, s) => n + count(t, s.periodCycles, s.releaseJitterCycles), 0);
        expect(releasesBefore(t, folded.periodCycles, folded.releaseJitterCycles)).toBeGreaterThanOrEqual(sum(releasesBefore));
        expect(releasesUpTo(t, folded.periodCycles, folded.releaseJitterCycles)).toBeGreaterThanOrEqual(sum(releasesUpTo));
      }
    }
  });
});

describe('withMessageReleases', () => {
  const plain = (ts: Parameters<typeof taskSet>[0]) => taskSet(ts);

  it("jitters the receiver's posts by the sender's response: sender C = 100 under a 50-cycle task gives jitter 150", () => {
    // By hand: top (T 1000, C 50), sender (T 1000, C 100): sender's response 150. Receiver's only
    // stream besides its own (T 100000) is the sender's: T = floor(1 / (1/100000 + 1/1000)) = 990,
    // J = 990 + ceil(990 * 150 / 1000) = 990 + 149 = 1139 (148.5 rounds up).
    const tasks = [task({ name: 'top', priority: 0, periodCycles: 1000, wcetCycles: 50 }), task({ name: 'sender', priority: 1, periodCycles: 1000, wcetCycles: 100 }), task({ name: 'receiver', priority: 2, periodCycles: 100_000, wcetCycles: 10 })];
    const { model, unbounded } = withMessageReleases(tasks, [{ sender: 1, receiver: 2, field: 'tasks[1].body[1].queue' }], plain);
    expect(unbounded).toEqual([]);
    expect(model.tasks[2]).toMatchObject({ periodCycles: 990, releaseJitterCycles: 1139, strictlyPeriodic: false });
  });

  it('keeps the streams it folds and its own release jitter as the lag of a job behind its arrival', () => {
    // The receiver's own stream (T 100000, J 40) and the sender's posts (T 1000, J = the sender's response 100).
    const tasks = [task({ name: 'sender', priority: 0, periodCycles: 1000, wcetCycles: 100 }), task({ name: 'receiver', priority: 1, periodCycles: 100_000, wcetCycles: 10, releaseJitterCycles: 40 })];
    const { model } = withMessageReleases(tasks, [{ sender: 0, receiver: 1, field: 'tasks[0].body[1].queue' }], plain);
    expect(model.tasks[1]?.foldedReleases).toEqual({ streams: [{ periodCycles: 100_000, releaseJitterCycles: 40 }, { periodCycles: 1000, releaseJitterCycles: 100 }], releaseLagCycles: 40 });
  });

  it('leaves a receiver whose sender has no bound unbounded, and what it sends to as well', () => {
    const tasks = [
      task({ name: 'sender', priority: 0, periodCycles: 100, wcetCycles: 100 }),
      task({ name: 'hog', priority: 0, periodCycles: 100, wcetCycles: 100 }),
      task({ name: 'relay', priority: 1, periodCycles: 10_000, wcetCycles: 1 }),
      task({ name: 'end', priority: 2, periodCycles: 10_000, wcetCycles: 1 }),
    ];
    const links = [
      { sender: 0, receiver: 2, field: 'tasks[0].body[1].queue' },
      { sender: 2, receiver: 3, field: 'tasks[2].body[1].queue' },
    ];
    expect(withMessageReleases(tasks, links, plain).unbounded).toEqual(['relay', 'end']);
  });

  it('refuses sends that release each other in a cycle, naming both send steps', () => {
    const tasks = [task({ name: 'a', priority: 0, periodCycles: 1000, wcetCycles: 1 }), task({ name: 'b', priority: 1, periodCycles: 1000, wcetCycles: 1 })];
    const links = [
      { sender: 0, receiver: 1, field: 'tasks[0].body[1].queue' },
      { sender: 1, receiver: 0, field: 'tasks[1].body[0].queue' },
    ];
    expect(() => withMessageReleases(tasks, links, plain)).toThrow(MessageCycleError);
    expect(() => withMessageReleases(tasks, links, plain)).toThrow(/tasks\[0\]\.body\[1\]\.queue, tasks\[1\]\.body\[0\]\.queue: sends release a -> b -> a in a cycle/);
  });
});
