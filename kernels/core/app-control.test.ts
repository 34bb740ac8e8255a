import { describe, expect, it } from 'vitest';
import { responseTimes } from '../../analysis/reducers/index.ts';
import { Prng, streamSeed } from '../../hardware/prng.ts';
import { ProbeEvent } from '../../hardware/probe.ts';
import { bootSystem } from '../registry.ts';
import { m4 } from '../../hardware/targets/index.ts';
import { usToCycles } from '../../hardware/units.ts';
import { measureRun } from '../../experiments/measure-run.ts';
import { faultTrace } from '../../multiapp/fault-trace.ts';
import { STUDY_APP_HEADER } from '../../multiapp/fixtures.ts';
import type { TaskSpec, Workload } from '../../workloads/types.ts';
import { ProfileLimitError } from './validate.ts';

const HORIZON_US = 60_000;

/**
 * APP "a" runs `work` every 10 ms (1000 reference cycles, from 0); kernel task `stop` suspends it at
 * `stopUs`, kernel task `go` relaunches it at 42 ms; both are one job in the run.
 */
function suspendedApp(stopUs: number, extra: Partial<TaskSpec> = {}): Workload {
  const once = (name: string, priority: number, atUs: number, then: TaskSpec['body'][number]): TaskSpec => ({ name, priority, trigger: { kind: 'periodic', periodUs: HORIZON_US, offsetUs: atUs }, body: [{ op: 'compute', cycles: 100 }, then] });
  return {
    name: 'suspended-app',
    description: 'an APP suspended and relaunched by kernel tasks',
    referenceTarget: 'm4',
    tickHz: 1000,
    apps: [{ name: 'a', header: STUDY_APP_HEADER }],
    tasks: [
      once('stop', 0, stopUs, { op: 'suspend-app', app: 'a' }),
      once('go', 1, 42_000, { op: 'resume-app', app: 'a' }),
      { name: 'work', priority: 2, app: 'a', trigger: { kind: 'periodic', periodUs: 10_000 }, body: [{ op: 'compute', cycles: 1000 }], ...extra },
    ],
    sources: ['test'],
  };
}

function run(profile: string, w: Workload, stopUs: number) {
  return measureRun({ profile, target: m4, workload: w, horizonCycles: usToCycles(m4, HORIZON_US), seed: 1, reducers: { responses: responseTimes(), trace: faultTrace('a', 'go', usToCycles(m4, stopUs)) } });
}

describe('suspending and relaunching an APP', () => {
  // By hand: work is released at 0, 10, 20, 30, 40 and 50 ms. Suspended at 15 ms (or at 20 ms, where
  // its job released at the same tick is open behind `stop` and lost with it) and relaunched just
  // after 42 ms, it loses the jobs of 20, 30 and 40 ms and runs again at 50 ms.
  for (const profile of ['ucos2', 'worix', 'liteos-m']) {
    for (const stopUs of [15_000, 20_000]) {
      it(`${profile}, suspended at ${stopUs / 1000} ms: runs nothing until the relaunch, loses 3 jobs, runs its next`, () => {
        const { responses, trace } = run(profile, suspendedApp(stopUs), stopUs);
        const stop = usToCycles(m4, stopUs);
        const relaunched = trace.restartEndCycles as number;
        expect(relaunched).toBeGreaterThan(usToCycles(m4, 42_000));
        expect(trace.faultedActivityCycles.filter((c) => c > stop && c < relaunched)).toEqual([]);
        expect(trace.faultedActivityCycles.filter((c) => c >= usToCycles(m4, 50_000)).length).toBeGreaterThan(0);
        expect(trace.lostJobs).toBe(3);
        // A lost job leaves no response behind: every measured one is well within a tick.
        const work = responses.find((r) => r.task === 'work')?.longestCycles as number;
        expect(work).toBeGreaterThan(0);
        expect(work).toBeLessThan(usToCycles(m4, 1000));
      });
    }
  }

  it('is refused for an APP task released by a signal, naming the step', () => {
    const w = suspendedApp(15_000, { trigger: { kind: 'sporadic', minInterArrivalUs: 10_000 } });
    expect(() => run('ucos2', w, 15_000)).toThrow(ProfileLimitError);
    expect(() => run('ucos2', w, 15_000)).toThrow(/tasks\[0\]\.body\[1\]\.app: task tasks\[2\] of APP "a" must be periodic on the tick/);
  });

  it('is refused when the relaunching task is not above the APP\'s tasks', () => {
    const w = suspendedApp(15_000);
    const tasks = w.tasks.map((t) => (t.name === 'go' ? { ...t, priority: 3 } : t));
    expect(() => run('ucos2', { ...w, tasks }, 15_000)).toThrow(/tasks\[1\]\.body\[1\]\.op: the relaunching task must be above every task of APP "a"/);
  });

  it("a job lost inside its first compute step has drawn that step's time only: the next job draws on from there", () => {
    // Two drawn compute steps per job, the first at least 3 ms long; the APP is suspended at 11 ms,
    // inside the first step of the job released at 10 ms, and relaunched for the job of 50 ms.
    const seed = 4;
    const w = suspendedApp(11_000, { body: [{ op: 'compute', cycles: 1_000_000, bestCycles: 500_000 }, { op: 'compute', cycles: 50_000, bestCycles: 10_000 }] });
    const sys = bootSystem({ target: m4, workload: w, profile: 'ucos2', seed, keepTrace: true, exec: 'uniform' });
    sys.run(usToCycles(m4, HORIZON_US));
    const trace = sys.engine.probe.trace();
    const work = 2;
    // The task's own stream, drawn by hand: job 0 both steps, the lost job its first step only.
    const stream = new Prng(streamSeed(seed, `exec:${work}`));
    const draw = (best: number, worst: number): number => stream.intBetween(best, worst);
    draw(500_000, 1_000_000);
    draw(10_000, 50_000);
    draw(500_000, 1_000_000);
    const expected = draw(500_000, 1_000_000) + draw(10_000, 50_000);
    const start = trace.find((e) => e.type === ProbeEvent.JobStart && e.subject === work && e.time >= usToCycles(m4, 50_000));
    const end = trace.find((e) => e.type === ProbeEvent.JobEnd && e.subject === work && e.time >= usToCycles(m4, 50_000));
    if (start === undefined || end === undefined) throw new Error('no job after the relaunch');
    // Only the tick interrupts it there, for at most a few hundred cycles per tick.
    let isr = 0;
    let entered = -1;
    for (const e of trace) {
      if (e.time < start.time || e.time > end.time) continue;
      if (e.type === ProbeEvent.IrqEntered) entered = e.time - sys.engine.portCycles['irq-entry'];
      if (e.type === ProbeEvent.IrqLeft && entered >= 0) {
        isr += e.time - entered;
        entered = -1;
      }
    }
    expect(end.time - start.time - isr).toBe(expected);
  });
});
