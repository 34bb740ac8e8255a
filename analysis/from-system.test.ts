import { describe, expect, it } from 'vitest';
import { avr } from '../hardware/targets/index.ts';
import type { SystemModel, SystemTask } from '../system/model.ts';
import type { Workload } from '../workloads/types.ts';
import { modelFromSystem, UnanalysableSystemError } from './from-system.ts';
import { finalRegionCycles } from './model.ts';

const TICK = 8000; // 1 kHz on the 8 MHz AVR

const workload = (periodsUs: readonly number[], offsetUs = 0): Workload => ({
  name: 'set',
  description: 'periodic tasks',
  referenceTarget: 'avr',
  tickHz: 1000,
  tasks: periodsUs.map((periodUs, i) => ({ name: `t${i}`, priority: i, trigger: { kind: 'periodic' as const, periodUs, offsetUs }, body: [{ op: 'compute' as const, cycles: 1000 }] })),
});

const zero = { tickCycles: 0, releaseCycles: 0, switchCycles: 0, jobEndCycles: 0, isrEntryCycles: 0, isrExitCycles: 0, longestCriticalSectionCycles: 0, mutexLockCycles: 0, mutexUnlockCycles: 0, tickPeriodCycles: TICK };

const system = (w: Workload, task: (i: number) => Partial<SystemTask> = () => ({})): SystemModel => ({
  profile: 'test',
  design: 'table-driven',
  target: 'avr',
  policy: 'fp',
  tasks: w.tasks.map((t, i) => ({ name: t.name, priority: t.priority, threshold: t.priority, runToCompletion: false, jobsBackToBack: false, timeSliced: false, ...task(i) })),
  timeSliceCycles: null,
  mutexProtocols: {},
  releases: { kind: 'tick', tickUs: 1000, tickPeriodCycles: TICK },
  messageReleases: [],
  messageServices: null,
  edfDeadlineKeysUs: null,
  overheads: zero,
  notes: [],
});

describe('modelFromSystem', () => {
  it('gives a periodic task off the tick grid one tick of release jitter, and one on it none', () => {
    const w = workload([10_000, 10_500]);
    expect(modelFromSystem(w, avr, system(w)).model.tasks.map((t) => t.releaseJitterCycles)).toEqual([0, TICK]);
    const offset = workload([10_000], 300);
    expect(modelFromSystem(offset, avr, system(offset)).model.tasks[0]?.releaseJitterCycles).toBe(TICK);
  });

  it("adds a tick of release lag on top of a task's own release jitter: the tick comes at or after arrival plus jitter", () => {
    // A 10 ms period is 10 ticks: without jitter no lag; with 300 us of jitter the release can miss a tick.
    const w: Workload = { ...workload([10_000]), tasks: workload([10_000]).tasks.map((t) => ({ ...t, releaseJitterUs: 300 })) };
    expect(modelFromSystem(w, avr, system(w)).model.tasks[0]?.releaseJitterCycles).toBe(300 * 8 + TICK);
  });

  it('releases exactly (no jitter) when the system releases at each arrival', () => {
    const w = workload([10_500]);
    expect(modelFromSystem(w, avr, { ...system(w), releases: { kind: 'exact' } }).model.tasks[0]?.releaseJitterCycles).toBe(0);
  });

  it("makes a run-to-completion job one final region and lets a time-sliced task's equals preempt it", () => {
    const w = workload([10_000, 10_000]);
    const np = modelFromSystem(w, avr, system(w, () => ({ runToCompletion: true, jobsBackToBack: true }))).model.tasks;
    expect(np.map(finalRegionCycles)).toEqual([1000, 1000]);
    const sliced = modelFromSystem(w, avr, system(w, () => ({ priority: 3, threshold: 3, timeSliced: true }))).model.tasks;
    expect(sliced.map((t) => t.thresholdPriority)).toEqual([3.5, 3.5]);
  });

  it('refuses a threshold on a time-sliced level, naming the field', () => {
    const w = workload([10_000, 10_000]);
    expect(() => modelFromSystem(w, avr, system(w, () => ({ priority: 3, threshold: 2, timeSliced: true })))).toThrow(UnanalysableSystemError);
    expect(() => modelFromSystem(w, avr, system(w, () => ({ priority: 3, threshold: 2, timeSliced: true })))).toThrow(/tasks\[0\]\.preemptionThreshold/);
  });
});

describe('modelFromSystem and mutex protocols', () => {
  it("carries each mutex's protocol from the system into the analysed model, past the overheads", () => {
    const w: Workload = { ...workload([10_000]), resources: { mutexes: [{ name: 'm' }] } };
    const model = modelFromSystem(w, avr, { ...system(w), mutexProtocols: { m: 'inheritance' } }).model;
    expect(model.mutexProtocols).toEqual({ m: 'inheritance' });
  });

  it('refuses sends that post each other in a cycle, naming the send steps', () => {
    const w: Workload = {
      ...workload([10_000, 10_000]),
      resources: { queues: [{ name: 'a', capacity: 1 }, { name: 'b', capacity: 1 }] },
    };
    const posting: SystemModel = { ...system(w), messageReleases: [{ sender: 0, step: 1, receiver: 1 }, { sender: 1, step: 1, receiver: 0 }] };
    expect(() => modelFromSystem(w, avr, posting)).toThrow(UnanalysableSystemError);
    expect(() => modelFromSystem(w, avr, posting)).toThrow(/tasks\[0\]\.body\[1\]\.queue, tasks\[1\]\.body\[1\]\.queue: sends release t0 -> t1 -> t0 in a cycle/);
  });

  it('refuses sends that post their receiver under a deadline-keyed kernel, naming the send step', () => {
    const w = workload([10_000, 10_000]);
    const posting: SystemModel = { ...system(w), policy: 'edf', messageReleases: [{ sender: 0, step: 1, receiver: 1 }] };
    expect(() => modelFromSystem(w, avr, posting)).toThrow(/tasks\[0\]\.body\[1\]\.queue: a send that releases its receiver is analysed under fixed priorities only/);
  });

  it("adds each send and receive step's priced service to its job, where the system counts message services", () => {
    const w: Workload = {
      ...workload([10_000]),
      resources: { queues: [{ name: 'q', capacity: 1 }] },
      tasks: [{ name: 't0', priority: 0, trigger: { kind: 'periodic', periodUs: 10_000 }, body: [{ op: 'receive', queue: 'q' }, { op: 'compute', cycles: 1000 }, { op: 'send', queue: 'q' }, { op: 'send', queue: 'q' }] }],
    };
    const counted: SystemModel = { ...system(w), messageServices: { sendCycles: 30, receiveCycles: 7 } };
    // 1000 compute + 2 x 30 + 7.
    expect(modelFromSystem(w, avr, counted).model.tasks[0]).toMatchObject({ wcetCycles: 1067, preemptibleCycles: 1067 });
    expect(modelFromSystem(w, avr, system(w)).model.tasks[0]?.wcetCycles).toBe(1000);
  });
});

describe('modelFromSystem and jobs posted by an ISR', () => {
  const line = { name: 'uart', priority: 0, arrival: { kind: 'periodic' as const, periodUs: 5000 }, isrCycles: 100 };
  const posted: Workload = {
    ...workload([10_000]),
    ioLines: [line],
    tasks: [
      ...workload([10_000]).tasks,
      { name: 'byLine', priority: 1, trigger: { kind: 'io', line: 'uart' }, body: [{ op: 'compute', cycles: 1000 }] },
      { name: 'sporadic', priority: 2, trigger: { kind: 'sporadic', minInterArrivalUs: 10_000 }, body: [{ op: 'compute', cycles: 1000 }] },
    ],
  };

  it('marks a job posted by a line or a release line as able to start after a periodic arrival, and a periodic job not', () => {
    expect(modelFromSystem(posted, avr, system(posted)).model.tasks.map((t) => t.startsAfterArrivals ?? false)).toEqual([false, true, true]);
  });

  it('marks none where no periodic job arrives before an ISR releases it', () => {
    const onlyPosted: Workload = { ...posted, tasks: posted.tasks.slice(1).map((t, i) => ({ ...t, priority: i })) };
    expect(modelFromSystem(onlyPosted, avr, system(onlyPosted)).model.tasks.map((t) => t.startsAfterArrivals ?? false)).toEqual([false, false]);
  });
});
