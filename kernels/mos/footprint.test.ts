import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../hardware/engine.ts';
import { avr, m4 } from '../../hardware/targets/index.ts';
import type { Workload } from '../../workloads/types.ts';
import { bootMos } from './boot.ts';
import { mosFootprint, type MosLayout } from './footprint.ts';
import { MOS_REFERENCE_LAYOUT } from './profile.ts';

/*
 * Hand counts (data widths from the layouts; frames from the targets: AVR 35-byte frame, 2-byte
 * pointers; M4 68-byte frame, 4-byte pointers):
 * - one level on the AVR: stack 35 (default task frame) + 3 return addresses * 2 + 35 (context frame)
 *   = 76, level record 2 (saved SP) + 1 + 1 = 4, one more preempted-stack byte: 81.
 * - one level on the M4: 68 + 3 * 4 + 68 = 148, record 4 + 2 = 6, + 1: 155.
 */
const PER_LEVEL_RAM = { avr: 76 + 4 + 1, m4: 148 + 6 + 1 } as const;
/** A periodic task's only RAM: its 16-bit countdown. */
const PER_PERIODIC_TASK_RAM = 2;

const layoutArb: fc.Arbitrary<MosLayout> = fc.record({
  levels: fc.integer({ min: 1, max: 7 }),
  modules: fc.integer({ min: 1, max: 32 }),
  tasks: fc.integer({ min: 1, max: 64 }),
  periodicTimers: fc.integer({ min: 0, max: 32 }),
  busSlots: fc.array(fc.integer({ min: 1, max: 8 }), { maxLength: 4 }),
  isrCount: fc.integer({ min: 1, max: 6 }),
});

describe('MOS footprint: RAM has stacks per level, not per task', () => {
  it('adds one stack, one level record and one preempted-stack byte per level', () => {
    fc.assert(
      fc.property(layoutArb, (layout) => {
        for (const target of [avr, m4]) {
          const more = mosFootprint(target, { ...layout, levels: layout.levels + 1 }).ramBytes - mosFootprint(target, layout).ramBytes;
          expect(more).toBe(PER_LEVEL_RAM[target.id as 'avr' | 'm4']);
        }
      }),
    );
  });

  it('adds no RAM for a task released by a message or an interrupt, and only a countdown for a periodic one', () => {
    fc.assert(
      fc.property(layoutArb, fc.integer({ min: 1, max: 32 }), (layout, added) => {
        for (const target of [avr, m4]) {
          const base = mosFootprint(target, layout).ramBytes;
          expect(mosFootprint(target, { ...layout, tasks: layout.tasks + added }).ramBytes).toBe(base);
          expect(mosFootprint(target, { ...layout, tasks: layout.tasks + added, periodicTimers: layout.periodicTimers + added }).ramBytes).toBe(base + added * PER_PERIODIC_TASK_RAM);
        }
      }),
    );
  });

  it('sizes a level stack by its largest task frame, not by the sum of its tasks', () => {
    const small = mosFootprint(avr, { ...MOS_REFERENCE_LAYOUT, ownStackBytes: [40, 40, 40] }).ramBytes;
    const bigger = mosFootprint(avr, { ...MOS_REFERENCE_LAYOUT, ownStackBytes: [40, 100, 40] }).ramBytes;
    expect(bigger - small).toBe(60);
  });

  it('needs the 256-byte OSUnMapTbl in flash on the AVR and none on the M4 (CLZ)', () => {
    expect(mosFootprint(avr, MOS_REFERENCE_LAYOUT).breakdown['code: flash tables: OSUnMapTbl']).toBe(256);
    expect(mosFootprint(m4, MOS_REFERENCE_LAYOUT).breakdown['code: flash tables: OSUnMapTbl']).toBe(0);
  });

  it('adds up its breakdown to the code and RAM totals', () => {
    for (const target of [avr, m4]) {
      const f = mosFootprint(target, MOS_REFERENCE_LAYOUT);
      const sum = (prefix: string): number => Object.entries(f.breakdown).filter(([k]) => k.startsWith(prefix)).reduce((a, [, v]) => a + v, 0);
      expect(sum('code: ')).toBe(f.codeBytes);
      expect(sum('ram: ')).toBe(f.ramBytes);
      expect(f.codeBytes).toBeGreaterThan(0);
    }
  });

  it('keeps a booted system\'s RAM flat as interrupt-released tasks are added, and sizes each level by its largest task', () => {
    const system = (tasks: number, bigStack: number): number => {
      const w: Workload = {
        name: 'flat',
        description: 'n tasks on one I/O line, two priorities',
        referenceTarget: 'avr',
        tickHz: 1000,
        tasks: Array.from({ length: tasks }, (_, i) => ({
          name: `t${i}`,
          priority: i % 2,
          stackBytes: i === 0 ? bigStack : 40,
          trigger: { kind: 'io' as const, line: 'uart' },
          body: [{ op: 'compute' as const, cycles: 10 }],
        })),
        ioLines: [{ name: 'uart', priority: 0, arrival: { kind: 'periodic', periodUs: 1000 }, isrCycles: 10 }],
      };
      return bootMos({ engine: new Engine({ target: avr, seed: 1 }), workload: w }).footprint().ramBytes;
    };
    const two = system(2, 40);
    for (const n of [3, 8, 20, 64]) expect(system(n, 40)).toBe(two);
    // Task 0 alone grows its level's stack (level 0) by 100 - 40 bytes.
    expect(system(20, 100) - system(20, 40)).toBe(60);
  });
});
