import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ProbeEvent, type ProbeRecord } from '../../hardware/probe.ts';
import { ideal, m4 } from '../../hardware/targets/index.ts';
import { msToCycles, usToCycles } from '../../hardware/units.ts';
import { readWorkloadFile } from '../../workloads/load.ts';
import type { Workload } from '../../workloads/types.ts';
import { ProfileLimitError } from '../core/validate.ts';
import { periodic, workload } from '../core/test-workloads.ts';
import type { OsProfile } from '../profiles/types.ts';
import { bootSystem, edfProfile } from '../registry.ts';

const CASE = fileURLToPath(new URL('../../workloads/cases/m4-meter-12-tasks.json', import.meta.url));

/** The workload with every mutex left to the profile's protocol. */
function withProfileProtocol(w: Workload): Workload {
  return { ...w, resources: { ...w.resources, mutexes: (w.resources?.mutexes ?? []).map((m) => ({ name: m.name })) } };
}

describe('EDF resource sharing by the Stack Resource Policy', () => {
  it('m4-meter-12-tasks on edf/m4 for 2000 ms: no deadline miss, and metering stays well under its 1 ms deadline', () => {
    // The case names the ceiling protocol, which a deadline-keyed kernel runs as SRP.
    const w = readWorkloadFile(CASE);
    const sys = bootSystem({ target: m4, workload: w, profile: edfProfile });
    let misses = 0;
    let meteringWorst = 0;
    const metering = w.tasks.findIndex((t) => t.name === 'metering');
    sys.engine.probe.attach({
      onEvent(type, time, subject, data) {
        if (type === ProbeEvent.DeadlineMiss) misses++;
        if (type === ProbeEvent.JobEnd && subject === metering) meteringWorst = Math.max(meteringWorst, time - data);
      },
    });
    sys.run(msToCycles(m4, 2000));
    expect(misses).toBe(0);
    expect(meteringWorst).toBeGreaterThan(0);
    expect(meteringWorst).toBeLessThan(usToCycles(m4, (w.tasks[metering]?.deadlineUs ?? 0) / 2));
  });

  it('m4-meter-12-tasks as written (protocol "ceiling") runs on the edf profile exactly as under its own SRP: the ceiling protocol carried to EDF', () => {
    const trace = (w: Workload): readonly ProbeRecord[] => {
      const sys = bootSystem({ target: m4, workload: w, profile: edfProfile, keepTrace: true });
      sys.run(msToCycles(m4, 200));
      return sys.engine.probe.trace();
    };
    const asWritten = readWorkloadFile(CASE);
    expect(asWritten.resources?.mutexes?.every((m) => m.protocol === 'ceiling')).toBe(true);
    expect(trace(asWritten)).toEqual(trace(withProfileProtocol(asWritten)));
  });

  it('refuses inheritance on the edf profile, naming the field and the protocol offered', () => {
    const w = readWorkloadFile(CASE);
    const inheriting: Workload = { ...w, resources: { ...w.resources, mutexes: (w.resources?.mutexes ?? []).map((m) => ({ name: m.name, protocol: 'inheritance' as const })) } };
    expect(() => bootSystem({ target: m4, workload: inheriting, profile: edfProfile })).toThrow(ProfileLimitError);
    expect(() => bootSystem({ target: m4, workload: inheriting, profile: edfProfile })).toThrow(/resources\.mutexes\[0\]\.protocol: "inheritance" is not offered by profile edf \(offers: srp\)/);
  });

  /*
   * Sha, Rajkumar and Lehoczky's two-resource case under EDF (times in ms, M4, 1 kHz tick):
   *   low  (D 50): from 0, computes 0.5, holds r1 for 3, computes 0.5;
   *   mid  (D 20): from 1, holds r2 for 3 (deadline 21, earlier than low's 50);
   *   high (D 5):  from 2, holds r1 for 0.1, then r2 for 0.1 (deadline 7).
   * Ceilings: r1 = high's level (D 5), r2 = high's level. Under SRP low's lock of r1 at 0.5 raises
   * the system ceiling to high's level: mid (D 20) and high (its level, not above it) may not start until low
   * unlocks r1 at 3.5. Then high runs to its end without blocking again (once, before it starts),
   * then mid, then low. Without SRP, mid preempts low and takes r2, and high, started at 2, blocks
   * on r1 behind both critical sections.
   */
  function twoResources(profile: OsProfile): readonly ProbeRecord[] {
    const ms = (x: number): number => msToCycles(m4, x);
    const at = (offsetMs: number) => ({ trigger: { kind: 'periodic' as const, periodUs: 100_000, offsetUs: offsetMs * 1000 } });
    const w = workload(
      [
        periodic('high', 0, 100_000, [{ op: 'lock', mutex: 'r1' }, { op: 'compute', cycles: ms(0.1) }, { op: 'unlock', mutex: 'r1' }, { op: 'lock', mutex: 'r2' }, { op: 'compute', cycles: ms(0.1) }, { op: 'unlock', mutex: 'r2' }], { deadlineUs: 5000, ...at(2) }),
        periodic('mid', 1, 100_000, [{ op: 'lock', mutex: 'r2' }, { op: 'compute', cycles: ms(3) }, { op: 'unlock', mutex: 'r2' }], { deadlineUs: 20_000, ...at(1) }),
        periodic('low', 2, 100_000, [{ op: 'compute', cycles: ms(0.5) }, { op: 'lock', mutex: 'r1' }, { op: 'compute', cycles: ms(3) }, { op: 'unlock', mutex: 'r1' }, { op: 'compute', cycles: ms(0.5) }], { deadlineUs: 50_000 }),
      ],
      { referenceTarget: 'm4', resources: { mutexes: [{ name: 'r1' }, { name: 'r2' }] } },
    );
    const sys = bootSystem({ target: m4, workload: w, profile, keepTrace: true });
    sys.run(msToCycles(m4, 20));
    return sys.engine.probe.trace();
  }

  const first = (trace: readonly ProbeRecord[], type: number, subject: number, data?: number): number =>
    (trace.find((e) => e.type === type && e.subject === subject && (data === undefined || e.data === data)) as ProbeRecord).time;
  /** True when `task` is switched out between its job's start and end (it blocked or was preempted). */
  const switchedOutMidJob = (trace: readonly ProbeRecord[], task: number): boolean =>
    trace.some((e) => e.type === ProbeEvent.SwitchOut && e.subject === task && e.time > first(trace, ProbeEvent.JobStart, task) && e.time < first(trace, ProbeEvent.JobEnd, task));
  const HIGH = 0;
  const MID = 1;
  const LOW = 2;
  const R1 = 0;

  it('a job is blocked at most once, before it starts: high waits only for low\'s one critical section, then runs to its end', () => {
    const trace = twoResources(edfProfile);
    const lowUnlocksR1 = first(trace, ProbeEvent.SemGive, R1, LOW);
    const highStarts = first(trace, ProbeEvent.JobStart, HIGH);
    expect(highStarts).toBeGreaterThan(lowUnlocksR1);
    expect(highStarts - msToCycles(m4, 2)).toBeLessThan(msToCycles(m4, 3)); // at most one critical section (3 ms)
    expect(first(trace, ProbeEvent.JobStart, MID)).toBeGreaterThan(lowUnlocksR1); // the ceiling holds mid back too
    expect(switchedOutMidJob(trace, HIGH)).toBe(false);
    expect(trace.filter((e) => e.type === ProbeEvent.JobEnd).map((e) => e.subject)).toEqual([HIGH, MID, LOW]);
  });

  it('without SRP the same case blocks high after it starts, behind a second critical section', () => {
    const trace = twoResources({ ...edfProfile, inversion: ['ceiling'] });
    expect(switchedOutMidJob(trace, HIGH)).toBe(true);
    expect(first(trace, ProbeEvent.JobEnd, HIGH) - msToCycles(m4, 2)).toBeGreaterThan(msToCycles(m4, 3));
  });

  it('refuses SRP locks that do not nest, naming the step', () => {
    const w = workload([periodic('a', 0, 10_000, [{ op: 'lock', mutex: 'x' }, { op: 'lock', mutex: 'y' }, { op: 'unlock', mutex: 'x' }, { op: 'unlock', mutex: 'y' }])], {
      resources: { mutexes: [{ name: 'x' }, { name: 'y' }] },
    });
    expect(() => bootSystem({ target: m4, workload: w, profile: edfProfile })).toThrow(/tasks\[0\]\.body\[2\]\.mutex: unlocks "x" while "y", locked after it, is still held/);
  });

  it('refuses SRP on a design not keyed by deadline', () => {
    const w = workload([periodic('a', 0, 10_000, [{ op: 'lock', mutex: 'x' }, { op: 'unlock', mutex: 'x' }])], { resources: { mutexes: [{ name: 'x', protocol: 'srp' }] } });
    expect(() => bootSystem({ target: m4, workload: w, profile: 'ucos2' })).toThrow(/resources\.mutexes\[0\]\.protocol: "srp" is not offered by profile ucos2/);
    expect(() => bootSystem({ target: m4, workload: w, profile: { ...edfProfile, id: 'fp-srp', design: 'table-driven' } })).toThrow(/"srp" needs a deadline-keyed design/);
  });
});

describe('SRP treats a wake from a wait as an arrival', () => {
  it('a job that delays before its critical section waits for the ceiling when it wakes, so its lock never waits', () => {
    // short (D 10 ms) computes 0.1 ms and delays one tick; long (D 50 ms) then locks r for 3 ms
    // (ceiling: short's level). short wakes at 1 ms with the earlier deadline but may not preempt:
    // it resumes when long unlocks, and locks r free, so the delay is its only switch out.
    const ms = (x: number): number => msToCycles(m4, x);
    const w = workload(
      [
        periodic('short', 0, 100_000, [{ op: 'compute', cycles: ms(0.1) }, { op: 'delay', ticks: 1 }, { op: 'lock', mutex: 'r' }, { op: 'compute', cycles: ms(0.1) }, { op: 'unlock', mutex: 'r' }], { deadlineUs: 10_000 }),
        periodic('long', 1, 100_000, [{ op: 'lock', mutex: 'r' }, { op: 'compute', cycles: ms(3) }, { op: 'unlock', mutex: 'r' }], { deadlineUs: 50_000 }),
      ],
      { referenceTarget: 'm4', resources: { mutexes: [{ name: 'r' }] } },
    );
    const sys = bootSystem({ target: m4, workload: w, profile: edfProfile, keepTrace: true });
    sys.run(ms(20));
    const trace = sys.engine.probe.trace();
    const shortEnds = (trace.find((e) => e.type === ProbeEvent.JobEnd && e.subject === 0) as ProbeRecord).time;
    const longUnlocks = (trace.find((e) => e.type === ProbeEvent.SemGive && e.subject === 0 && e.data === 1) as ProbeRecord).time;
    expect(shortEnds).toBeGreaterThan(longUnlocks);
    expect(trace.filter((e) => e.type === ProbeEvent.SwitchOut && e.subject === 0 && e.time < shortEnds)).toHaveLength(1);
  });
});

describe('SRP preemption levels follow the exact relative deadlines', () => {
  /*
   * Safety set 74 on edf/ideal, reduced (times in us, ideal target, 1 kHz tick, exact releases):
   *   long  (D 100,000): from 0, holds m for 2,000;
   *   short (D 2,400):   from 1,000, computes 200, uses no mutex;
   *   mid   (D 3,000):   from 50,000, holds m for 100 (it only sets m's ceiling to its level).
   * Baker's levels order the relative deadlines: short (2.4 ms) is above m's ceiling (mid's 3 ms), so
   * at 1,000 short preempts long inside its section and ends at 1,200: response 200, its own C, as
   * the analysis says (no task with D <= 2.4 ms uses m). Levels counted in ticks made 2.4 and 3 ms
   * both 3 ticks: short was held back until long unlocked at 2,000 and answered 1,200.
   */
  it('safety set 74 reduced: a job whose deadline rounds to the same tick as the ceiling still preempts the section', () => {
    const us = (x: number): number => usToCycles(ideal, x);
    const w = workload(
      [
        periodic('long', 2, 100_000, [{ op: 'lock', mutex: 'm' }, { op: 'compute', cycles: us(2000) }, { op: 'unlock', mutex: 'm' }]),
        periodic('short', 0, 100_000, [{ op: 'compute', cycles: us(200) }], { deadlineUs: 2400, trigger: { kind: 'periodic', periodUs: 100_000, offsetUs: 1000 } }),
        periodic('mid', 1, 100_000, [{ op: 'lock', mutex: 'm' }, { op: 'compute', cycles: us(100) }, { op: 'unlock', mutex: 'm' }], { deadlineUs: 3000, trigger: { kind: 'periodic', periodUs: 100_000, offsetUs: 50_000 } }),
      ],
      { referenceTarget: 'ideal', tickHz: 1000, resources: { mutexes: [{ name: 'm', protocol: 'srp' }] } },
    );
    const sys = bootSystem({ target: ideal, workload: w, profile: edfProfile, keepTrace: true, releases: 'exact' });
    sys.run(us(10_000));
    const shortEnd = sys.engine.probe.trace().find((e) => e.type === ProbeEvent.JobEnd && e.subject === 1) as ProbeRecord;
    expect(shortEnd.time - shortEnd.data).toBe(us(200));
  });
});
