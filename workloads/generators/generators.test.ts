import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Prng } from '../../hardware/prng.ts';
import { getTarget } from '../../hardware/targets/index.ts';
import { parseWorkload } from '../schema.ts';
import { worstCycles } from '../execution.ts';
import { MICROBENCHMARKS } from './microbench.ts';
import { PAPER_PAYLOADS, PAYLOAD_PERIOD_RANGE_US, PAYLOAD_TASKS, paperPayloadWorkload, paperTaskCountWorkload } from './paper-sweeps.ts';
import { logUniformPeriodUs, randomTaskSet, uunifast } from './uunifast.ts';

const utilisation = (w: ReturnType<typeof paperPayloadWorkload>): number => {
  const hz = getTarget(w.referenceTarget).clockHz;
  return w.tasks.reduce((s, t) => s + worstCycles(t) / ((t.trigger.kind === 'periodic' ? t.trigger.periodUs : 1) * hz * 1e-6), 0);
};

describe('UUniFast', () => {
  it('splits the total utilisation into n non-negative shares that sum to it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.double({ min: 0.01, max: 1, noNaN: true }), fc.nat(), (n, u, seed) => {
        const shares = uunifast(n, u, new Prng(seed));
        expect(shares).toHaveLength(n);
        for (const s of shares) expect(s).toBeGreaterThanOrEqual(0);
        expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(u, 9);
      }),
    );
  });

  it('repeats the same set for the same seed and differs for another', () => {
    const opts = { tasks: 6, utilization: 0.7, minPeriodUs: 1000, maxPeriodUs: 100_000, referenceTarget: 'avr', tickHz: 1000 };
    expect(randomTaskSet(opts, new Prng(7))).toEqual(randomTaskSet(opts, new Prng(7)));
    expect(randomTaskSet(opts, new Prng(7))).not.toEqual(randomTaskSet(opts, new Prng(8)));
  });

  it('draws periods inside the range on the tick grid and assigns rate-monotonic priorities', () => {
    const prng = new Prng(3);
    for (let k = 0; k < 200; k++) {
      const p = logUniformPeriodUs(1000, 1_000_000, 1000, prng);
      expect(p % 1000).toBe(0);
      expect(p).toBeGreaterThanOrEqual(1000);
      expect(p).toBeLessThanOrEqual(1_000_000);
    }
    const w = parseWorkload(randomTaskSet({ tasks: 8, utilization: 0.5, minPeriodUs: 1000, maxPeriodUs: 1_000_000, referenceTarget: 'avr', tickHz: 1000 }, new Prng(11)), 'uunifast');
    const periods = w.tasks.map((t) => (t.trigger.kind === 'periodic' ? t.trigger.periodUs : 0));
    expect(periods).toEqual([...periods].sort((a, b) => a - b));
  });
});

describe("the paper's sweeps", () => {
  it('builds 1 to 8 tasks that all wake on every tick at distinct priorities, and refuses 0 and 9', () => {
    for (let n = 1; n <= 8; n++) {
      const w = parseWorkload(paperTaskCountWorkload(n), `n${n}`);
      expect(w.name).toBe(`paper-tasks-${n}`);
      expect(w.tasks.map((t) => t.priority)).toEqual(Array.from({ length: n }, (_, i) => i));
      for (const t of w.tasks) expect(t.trigger.kind === 'periodic' && t.trigger.periodUs * w.tickHz).toBe(1e6);
    }
    expect(() => paperTaskCountWorkload(0)).toThrow(/1\.\.8/);
    expect(() => paperTaskCountWorkload(9)).toThrow(/1\.\.8/);
  });

  it('builds 7 tasks per payload set whose utilisation is the payload (to the rounding of whole cycles), periods on the tick in range', () => {
    for (const payload of PAPER_PAYLOADS) {
      for (const seed of [1, 2, 3]) {
        const w = parseWorkload(paperPayloadWorkload(payload, seed), `p${payload}`);
        expect(w.name).toBe(`paper-payload-${payload}-s${seed}`);
        expect(w.tasks).toHaveLength(PAYLOAD_TASKS);
        expect(utilisation(w)).toBeCloseTo(payload, 3);
        for (const t of w.tasks) {
          const p = t.trigger.kind === 'periodic' ? t.trigger.periodUs : NaN;
          expect(p % 1000).toBe(0);
          expect(p).toBeGreaterThanOrEqual(PAYLOAD_PERIOD_RANGE_US.min);
          expect(p).toBeLessThanOrEqual(PAYLOAD_PERIOD_RANGE_US.max);
        }
      }
    }
  });

  it('draws the same payload set for the same seed and another for another seed', () => {
    expect(paperPayloadWorkload(0.5, 3)).toEqual(paperPayloadWorkload(0.5, 3));
    expect(paperPayloadWorkload(0.5, 4)).not.toEqual(paperPayloadWorkload(0.5, 3));
    expect(paperPayloadWorkload(0.5)).toEqual(paperPayloadWorkload(0.5, 1));
  });
});

describe('micro-benchmark workloads', () => {
  it('are valid workloads covering the six Rhealstones, the four 12180 indicators and Thread-Metric', () => {
    const names = Object.keys(MICROBENCHMARKS);
    expect(names.filter((n) => n.startsWith('rhealstone-'))).toHaveLength(6);
    expect(names.filter((n) => n.startsWith('qgdw-'))).toHaveLength(4);
    expect(names.some((n) => n.startsWith('thread-metric-'))).toBe(true);
    for (const [name, build] of Object.entries(MICROBENCHMARKS)) expect(parseWorkload(build(), name).name).toBe(name);
  });
});
