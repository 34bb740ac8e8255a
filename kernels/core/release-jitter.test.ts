import { describe, expect, it } from 'vitest';
import { analyzeWorkload, type Policy } from '../../analysis/analyze.ts';
import { ProbeEvent } from '../../hardware/probe.ts';
import type { Target } from '../../hardware/target.ts';
import { avr, ideal } from '../../hardware/targets/index.ts';
import { msToCycles } from '../../hardware/units.ts';
import { parseWorkload } from '../../workloads/schema.ts';
import type { Workload } from '../../workloads/types.ts';
import type { ReleaseMode } from '../types.ts';
import { systemModel } from '../system-model.ts';
import { bootSystem } from '../registry.ts';

/*
 * Issue 8, item 6: "Release jitter exists in the analysis but a workload cannot state it." A job
 * arriving at t is released at a seeded instant in [t, t + J]; its response counts from t, so the
 * analysis with J must still bound it.
 */

/** Three tasks on the ideal machine (cycles = us), the two most urgent jittered. */
function jittered(jitterUs: readonly number[]): Workload {
  const tasks = [
    { c: 200, t: 1000 },
    { c: 300, t: 1500 },
    { c: 400, t: 3000 },
  ];
  return parseWorkload(
    {
      name: 'jittered',
      description: 'a jittered set on the ideal machine',
      referenceTarget: 'ideal',
      tickHz: 1000,
      tasks: tasks.map((x, i) => ({ name: `t${i}`, priority: i, trigger: { kind: 'periodic', periodUs: x.t }, releaseJitterUs: jitterUs[i] ?? 0, body: [{ op: 'compute', cycles: x.c }] })),
    },
    'test',
  );
}

interface Job {
  readonly task: number;
  readonly arrival: number;
  readonly released: number;
  readonly end: number;
}

/** Every job's nominal arrival, release instant and completion, from the probe. */
function jobs(workload: Workload, profile: string, target: Target, releases: ReleaseMode, seed: number, durationMs: number): Job[] {
  const system = bootSystem({ target, workload, profile, seed, keepTrace: true, releases });
  system.run(msToCycles(target, durationMs));
  const released: number[][] = workload.tasks.map(() => []);
  const out: Job[] = [];
  for (const e of system.engine.probe.trace()) {
    if (e.type === ProbeEvent.JobRelease) released[e.subject]?.push(e.time);
    else if (e.type === ProbeEvent.JobEnd) out.push({ task: e.subject, arrival: e.data, released: released[e.subject]?.shift() ?? NaN, end: e.time });
  }
  return out;
}

describe('release jitter in simulation (issue 8 item 6)', () => {
  it('delays each release by a seeded draw in [0, J] from the nominal arrival, exactly on the ideal target', () => {
    const run = jobs(jittered([300, 400, 0]), 'ucos2', ideal, 'exact', 1, 300);
    for (const [task, jitter] of [[0, 300], [1, 400], [2, 0]] as const) {
      const delays = run.filter((j) => j.task === task).map((j) => j.released - j.arrival);
      expect(delays.length).toBeGreaterThan(90);
      expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...delays)).toBeLessThanOrEqual(jitter);
      if (jitter > 0) expect(new Set(delays).size).toBeGreaterThan(20);
    }
    expect(jobs(jittered([300, 400, 0]), 'ucos2', ideal, 'exact', 1, 300)).toEqual(run);
  });

  it('moves releases on a tick kernel too: the release tick is the first at or after arrival plus jitter', () => {
    const tickCycles = avr.clockHz / 1000;
    const plain = jobs(jittered([0, 0, 0]), 'ucos2', avr, 'tick', 1, 300).filter((j) => j.task === 0);
    const moved = jobs(jittered([300, 400, 0]), 'ucos2', avr, 'tick', 1, 300).filter((j) => j.task === 0);
    const n = Math.min(plain.length, moved.length);
    expect(n).toBeGreaterThan(250);
    expect(moved.slice(0, n).map((j) => j.arrival)).toEqual(plain.slice(0, n).map((j) => j.arrival));
    // Without jitter a job is released by the tick at its arrival, after the tick ISR's own latency.
    const tickLatency = Math.max(...plain.map((j) => j.released - j.arrival));
    expect(tickLatency).toBeLessThan(tickCycles);
    // With up to 300 us of jitter (under a tick period), a release either keeps its tick or waits exactly one more.
    const late = moved.slice(0, n).filter((j, i) => j.released > (plain[i] as Job).released);
    expect(late.length).toBeGreaterThan(0);
    for (const j of late) expect(j.released - j.arrival).toBe(tickCycles + tickLatency);
  });

  it('is refused by MOS, whose tick countdowns cannot delay a release, naming the field', () => {
    expect(() => bootSystem({ target: ideal, workload: jittered([300, 0, 0]), profile: 'mos' })).toThrow(/mos: tasks\[0\]\.releaseJitterUs: release jitter is not simulated on MOS/);
    expect(() => systemModel('mos', ideal, jittered([300, 0, 0]))).toThrow(/mos: tasks\[0\]\.releaseJitterUs: release jitter is not simulated on MOS/);
  });

  for (const [profile, policy] of [['ucos2', 'fp'], ['edf', 'edf']] as const satisfies readonly (readonly [string, Policy])[]) {
    it(`keeps every simulated response from the arrival within the analysed bound with jitter (${profile}, ${policy})`, () => {
      const workload = jittered([300, 400, 0]);
      const bounds = analyzeWorkload(workload, { policy, target: ideal }).tasks.map((t) => t.wcrtCycles ?? -1);
      const worstWithout = workload.tasks.map(() => 0);
      for (const j of jobs(jittered([0, 0, 0]), profile, ideal, 'exact', 1, 300)) worstWithout[j.task] = Math.max(worstWithout[j.task] ?? 0, j.end - j.arrival);
      const worst = workload.tasks.map(() => 0);
      for (let seed = 1; seed <= 5; seed++) {
        for (const j of jobs(workload, profile, ideal, 'exact', seed, 300)) worst[j.task] = Math.max(worst[j.task] ?? 0, j.end - j.arrival);
      }
      worst.forEach((w, i) => expect(w, `t${i}`).toBeLessThanOrEqual(bounds[i] as number));
      // The jitter shows in the responses: a jittered task responds later than without it.
      expect(worst[0]).toBeGreaterThan(worstWithout[0] as number);
    });
  }
});
