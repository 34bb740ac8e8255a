import { describe, expect, it } from 'vitest';
import { price } from '../hardware/block.ts';
import { MemoryBudgetError } from '../hardware/memory.ts';
import { ProbeEvent } from '../hardware/probe.ts';
import { avr, m4 } from '../hardware/targets/index.ts';
import { CORE_SERVICE_BLOCKS } from './core/blocks.ts';
import { periodic, workload } from './core/test-workloads.ts';
import { WorkloadError } from '../workloads/errors.ts';
import { allDesigns, allProfiles, bootSystem, comparedProfiles, footprint, getDesign, getProfile, kernelCosts, paperProfiles, portedUnits, unportedPairs } from './registry.ts';

describe('registry', () => {
  it('lists every design and profile, compares all but the EDF kernel, and names the known ids for an unknown one', () => {
    expect(allDesigns().map((d) => d.id)).toEqual(['table-driven', 'sorted-list', 'round-robin', 'edf', 'priority-lists', 'mos']);
    expect(allProfiles().map((p) => p.id)).toEqual(['webit', 'worix', 'ukernel', 'idcx', 'ucos2', 'mos', 'edf', 'liteos-m', 'freertos']);
    expect(comparedProfiles().map((p) => p.id)).toEqual(['webit', 'worix', 'ukernel', 'idcx', 'ucos2', 'mos', 'liteos-m', 'freertos']);
    expect(paperProfiles().map((p) => p.id)).toEqual(['webit', 'worix', 'ukernel', 'idcx', 'ucos2']);
    expect(() => getDesign('nope')).toThrow(/known designs are table-driven/);
    expect(() => getProfile('nope')).toThrow(/known profiles are webit/);
  });

  it("every profile cites its source (the paper, the MOS seed, or a kernel's public source files) and lists its assumptions", () => {
    for (const p of comparedProfiles()) {
      expect(p.cites.length).toBeGreaterThan(0);
      expect(p.assumptions.length).toBeGreaterThan(0);
      const cited = p.paper === true ? (c: string) => c.startsWith('Table 1') : p.id === 'mos' ? (c: string) => c.startsWith('seed 000') : (c: string) => /^[\w/]+\.[ch]\b/.test(c);
      expect(p.cites.some(cited), p.id).toBe(true);
    }
  });

  it('a kernel without a port for a core is refused there, naming the target, and its pairs are left out of the studies', () => {
    const w = workload([periodic('a', 0, 10_000, [{ op: 'compute', cycles: 100 }])]);
    expect(() => bootSystem({ target: avr, workload: w, profile: 'liteos-m' })).toThrow(/^target: profile liteos-m has no port for avr/);
    expect(() => bootSystem({ target: avr, workload: w, profile: 'freertos' })).not.toThrow();
    expect(portedUnits([{ target: 'avr', profile: 'liteos-m' }, { target: 'm4', profile: 'liteos-m' }, { target: 'avr', profile: 'freertos' }])).toEqual([{ target: 'm4', profile: 'liteos-m' }, { target: 'avr', profile: 'freertos' }]);
    expect(unportedPairs(['avr', 'm4', 'm4-f407'], ['liteos-m', 'freertos'])).toHaveLength(1);
  });
});

describe('footprints are derived from blocks and layouts', () => {
  it('every profile has nonzero code and RAM on both targets', () => {
    for (const p of comparedProfiles()) {
      for (const t of [avr, m4]) {
        const f = footprint(p, t);
        expect(f.codeBytes).toBeGreaterThan(0);
        expect(f.ramBytes).toBeGreaterThan(0);
      }
    }
  });

  it('code is the sum of its breakdown, and the services part is more than the timed blocks alone (whole functions)', () => {
    const f = footprint('ucos2', avr);
    const sum = Object.entries(f.breakdown).filter(([k]) => k.startsWith('code:')).reduce((a, [, v]) => a + v, 0);
    expect(f.codeBytes).toBe(sum);
    const blocks = new Set(Object.values(CORE_SERVICE_BLOCKS).flat());
    // ucos2 has every service but time slicing and the Stack Resource Policy (an EDF kernel's).
    for (const b of [...CORE_SERVICE_BLOCKS.timeSlice, ...CORE_SERVICE_BLOCKS.srp]) blocks.delete(b);
    const timedBytes = [...blocks].reduce((a, b) => a + price(b, avr).bytes, 0);
    expect(f.breakdown['code:services']).toBeGreaterThan(timedBytes);
  });

  it("the table-driven design pays the 256-byte OSUnMapTbl on the AVR but not on the M4, which has CLZ", () => {
    expect(footprint('ucos2', avr).breakdown['code:flash-tables']).toBe(256);
    expect(footprint('ucos2', m4).breakdown['code:flash-tables']).toBe(0);
    expect(footprint('webit', avr).breakdown['code:flash-tables']).toBe(0);
  });

  it('TCBs take more RAM on the 32-bit M4 (4-byte pointers) than on the AVR', () => {
    for (const p of paperProfiles()) expect(footprint(p, m4).breakdown['ram:tcbs']).toBeGreaterThan(footprint(p, avr).breakdown['ram:tcbs'] as number);
  });

  it("sizes RAM for a workload from its tasks' stacks and its declared objects", () => {
    const one = workload([periodic('a', 1, 10_000, [], { stackBytes: 120 })], { resources: { queues: [{ name: 'q', capacity: 4 }] } });
    const two = workload([...one.tasks, periodic('b', 2, 10_000, [], { stackBytes: 200 })], { resources: one.resources });
    const f1 = footprint('ucos2', avr, one);
    const f2 = footprint('ucos2', avr, two);
    const tcb = (f1.breakdown['ram:tcbs'] as number) / 2; // one task + idle
    // A second task costs its own stack and one more TCB, nothing else.
    expect(f2.ramBytes - f1.ramBytes).toBe(200 + tcb);
    // Four queue slots of one pointer each (2 bytes on the AVR) beside the queue's control block.
    const noSlots = footprint('ucos2', avr, workload(one.tasks, { resources: { queues: [{ name: 'q', capacity: 0 }] } }));
    expect(f1.ramBytes - noSlots.ramBytes).toBe(4 * 2);
  });

  it('a profile without a service does not pay for its code', () => {
    // Webit has no semaphores (Table 1): removing the flags service from uC/OS-II costs less code too.
    const ucos2 = getProfile('ucos2');
    const noFlags = { ...ucos2, services: { ...ucos2.services, flags: false } };
    expect(footprint(noFlags, avr).codeBytes).toBeLessThan(footprint(ucos2, avr).codeBytes);
  });
});

describe('kernel costs', () => {
  it('price a switch as at least a save and a restore, on both targets', () => {
    for (const p of comparedProfiles()) {
      for (const t of [avr, m4]) {
        const c = kernelCosts(p, t, 8);
        expect(c.switchCycles).toBeGreaterThan(0);
        expect(c.longestCriticalSectionCycles).toBeGreaterThan(0);
        expect(c.isrEntryCycles).toBeGreaterThan(0);
      }
    }
  });
});

describe('workloads a profile cannot run are refused with the field named', () => {
  const one = (priority: number) => periodic('a', priority, 10_000, [{ op: 'compute', cycles: 100 }]);

  it('too many tasks', () => {
    const w = workload(Array.from({ length: 9 }, (_, i) => periodic(`t${i}`, i % 5, 10_000, [{ op: 'compute', cycles: 10 }])));
    expect(() => bootSystem({ target: avr, workload: w, profile: 'idcx' })).toThrow(/^tasks: 9 tasks exceed profile idcx's limit of 8/);
  });

  it('a priority outside the profile', () => {
    expect(() => bootSystem({ target: avr, workload: workload([one(6)]), profile: 'worix' })).toThrow(/tasks\[0\]\.priority: 6 is outside profile worix's 6 priorities/);
  });

  it('a shared priority where the profile forbids it', () => {
    expect(() => bootSystem({ target: avr, workload: workload([one(3), periodic('b', 3, 10_000, [])]), profile: 'ucos2' })).toThrow(/tasks\[1\]\.priority: 3 is already task "a"'s/);
  });

  it('a service the profile lacks', () => {
    const w = workload([periodic('a', 1, 10_000, [{ op: 'take', semaphore: 's' }])], { resources: { semaphores: [{ name: 's', initial: 1 }] } });
    expect(() => bootSystem({ target: avr, workload: w, profile: 'webit' })).toThrow(/tasks\[0\]\.body\[0\]\.op: "take" needs semaphores, which profile webit does not offer/);
  });

  it('a mutex protocol the profile lacks', () => {
    const w = workload([one(1)], { resources: { mutexes: [{ name: 'm', protocol: 'ceiling' }] } });
    expect(() => bootSystem({ target: avr, workload: w, profile: 'worix' })).toThrow(/resources\.mutexes\[0\]\.protocol: "ceiling" is not offered by profile worix/);
  });

  it('an unknown object name', () => {
    const w = workload([periodic('a', 1, 10_000, [{ op: 'take', semaphore: 'nope' }])]);
    expect(() => bootSystem({ target: avr, workload: w, profile: 'ucos2' })).toThrow(/tasks\[0\]\.body\[0\]\.semaphore: unknown semaphore "nope"/);
  });

  it('a period shorter than one tick', () => {
    expect(() => bootSystem({ target: avr, workload: workload([periodic('a', 1, 500, [])]), profile: 'ucos2' })).toThrow(/tasks\[0\]\.trigger\.periodUs: 500 us is shorter than one tick/);
  });
});

describe('periods that are not a whole number of ticks', () => {
  it('release each job at the first tick at or after its nominal release', () => {
    const system = bootSystem({ target: avr, workload: workload([periodic('a', 1, 1500, [{ op: 'compute', cycles: 100 }])]), profile: 'ucos2', keepTrace: true });
    system.run(Math.round(avr.clockHz * 0.0305));
    const releases = system.engine.probe.trace().filter((e) => e.type === ProbeEvent.JobRelease && e.subject === 0);
    // Job j at tick 1 + ceil(1.5 j), tick n firing at (n - 1) ms: 30.5 ms covers ticks 1..31, so j = 0..20.
    expect(releases).toHaveLength(21);
    const tickCycles = avr.clockHz / 1000;
    const gaps = releases.slice(1, 5).map((e, i) => Math.round((e.time - (releases[i] as { time: number }).time) / tickCycles));
    expect(gaps).toEqual([2, 1, 2, 1]);
  });
});

describe('MOS through the registry', () => {
  it('boots like the core kernels and names its interrupt lines the same way', () => {
    const w = workload([periodic('a', 0, 10_000, [{ op: 'compute', cycles: 500 }, { op: 'io-out' }])], {
      ioLines: [{ name: 'uart', priority: 1, arrival: { kind: 'periodic', periodUs: 5000 }, isrCycles: 40 }],
    });
    const system = bootSystem({ target: avr, workload: w, profile: 'mos' });
    system.run(avr.clockHz / 100);
    expect(system.profile.design).toBe('mos');
    expect([...system.lines.keys()]).toEqual(['tick', 'uart']);
    expect(system.engine.now).toBe(avr.clockHz / 100);
  });
});

describe('bootSystem checks the workload on its target before any design boots', () => {
  it('refuses tickHz above the clock with a WorkloadError naming tickHz, on every design', () => {
    const fast = workload([periodic('a', 0, 10_000, [{ op: 'compute', cycles: 100 }])], { tickHz: 10_000_000 });
    for (const d of allDesigns()) {
      // 10 MHz is within the M4's 200 MHz clock but above the AVR's 8 MHz.
      expect(() => bootSystem({ target: avr, workload: fast, design: d.id }), d.id).toThrow(WorkloadError);
      expect(() => bootSystem({ target: avr, workload: fast, design: d.id }), d.id).toThrow(/tickHz: 10000000 Hz is above the avr clock of 8000000 Hz/);
      expect(() => bootSystem({ target: m4, workload: fast, design: d.id }), d.id).not.toThrow();
    }
  });

  it('refuses a sporadic maxExtraUs of 1e300 on m4 naming the field, not the engine source', () => {
    const w = workload([{ name: 's', priority: 0, trigger: { kind: 'sporadic', minInterArrivalUs: 1000, maxExtraUs: 1e300 }, body: [{ op: 'compute', cycles: 100 }] }]);
    expect(() => bootSystem({ target: m4, workload: w, profile: 'ucos2' })).toThrow(/tasks\[0\]\.trigger\.maxExtraUs: 1e\+300 us is 2e\+302 cycles on m4/);
  });
});

describe('bootSystem refuses a configuration its target cannot hold', () => {
  // Two tasks whose stacks alone take all of the AVR's SRAM: with TCBs, globals and the idle task's
  // stack on top, the footprint is over the budget whatever the kernel.
  const w = workload([0, 1].map((p) => periodic(`big${p}`, p, 10_000, [{ op: 'compute', cycles: 100 }], { stackBytes: avr.ramBytes / 2 })), { name: 'big-stacks' });

  it('throws MemoryBudgetError naming the RAM budget and the footprint, on every paper profile', () => {
    for (const p of paperProfiles()) {
      const need = footprint(p, avr, w).ramBytes;
      expect(need, p.id).toBeGreaterThan(avr.ramBytes);
      expect(() => bootSystem({ target: avr, workload: w, profile: p }), p.id).toThrow(MemoryBudgetError);
      expect(() => bootSystem({ target: avr, workload: w, profile: p }), p.id).toThrow(`big-stacks on ${p.id} does not fit on avr: needs ${need} bytes of ram, ${avr.ramBytes} available`);
    }
  });

  it('boots the same configuration on the M4, whose SRAM holds it', () => {
    expect(() => bootSystem({ target: m4, workload: w, profile: 'ucos2' })).not.toThrow();
  });
});
