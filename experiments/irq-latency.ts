import { getTarget, studiedTargets } from '../hardware/targets/index.ts';
import { defineExperiment, roundUs, type RunMode, type Row } from './contract.ts';
import { runAvrMeterDemo, type DemoResult } from './avr-meter-demo.ts';
import { grid, groupInOrder } from './unit-helpers.ts';

/*
 * The meter's interrupt sources (1 kHz tick, energy pulses, RS-485 bytes) on the bare port code of
 * each target, across seeds of the sporadic pulse source: the longest interrupt-disable time and
 * each line's interrupt latency (raised to entered). No kernel yet: this is the floor every kernel
 * design adds to, and the end-to-end check of the experiment machinery.
 */

/** The studied targets (`inStudies`), in registry order. */
const targetIds = (): string[] => studiedTargets().map((t) => t.id);

const PLAN: Record<RunMode, { readonly seeds: number; readonly durationMs: number }> = {
  quick: { seeds: 4, durationMs: 2000 },
  full: { seeds: 16, durationMs: 10_000 },
};

interface IrqLatencyUnit {
  readonly target: string;
  readonly seed: number;
  readonly durationMs: number;
}

function seedsOf(mode: RunMode): number[] {
  return Array.from({ length: PLAN[mode].seeds }, (_, i) => i + 1);
}

/** The irq-latency experiment: one unit per target x seed. */
export const irqLatency = defineExperiment<IrqLatencyUnit, DemoResult>({
  id: 'irq-latency',
  title: 'Meter interrupts on the bare port: max interrupt-disable time and latency per line',
  description:
    'The meter interrupt demo (1 kHz tick with context save/restore, sporadic energy pulses, 960 Hz RS-485 byte interrupts, a super-loop with critical sections) per target and seed; latency = raised to entered, from the probe.',
  columns: ['target', 'line', 'seeds', 'interrupts', 'latencyMeanUs', 'latencyMaxUs', 'maxIrqOffUs'],
  settings: (mode) => ({ seeds: seedsOf(mode), targets: targetIds(), durationMs: PLAN[mode].durationMs }),
  units: (mode) => grid({ target: targetIds(), seed: seedsOf(mode), durationMs: [PLAN[mode].durationMs] }),
  runUnit: ({ target, seed, durationMs }) => runAvrMeterDemo(getTarget(target), durationMs, seed),
  reduce: (results) => {
    const rows: Row[] = [];
    for (const runs of groupInOrder(results, (r) => r.target)) {
      const target = runs[0]?.target ?? '';
      const maxIrqOffUs = Math.max(...runs.map((r) => r.maxIrqOffUs));
      const lines = Object.keys(runs[0]?.latencyUs ?? {});
      for (const line of lines) {
        const per = runs.map((r) => r.latencyUs[line] ?? { max: 0, mean: 0, count: 0 });
        const interrupts = per.reduce((n, l) => n + l.count, 0);
        // The mean over every interrupt of every seed: each run's mean weighted by its count.
        const meanUs = interrupts === 0 ? 0 : per.reduce((s, l) => s + l.mean * l.count, 0) / interrupts;
        rows.push({
          target,
          line,
          seeds: runs.length,
          interrupts,
          latencyMeanUs: roundUs(meanUs),
          latencyMaxUs: roundUs(Math.max(...per.map((l) => l.max))),
          maxIrqOffUs: roundUs(maxIrqOffUs),
        });
      }
    }
    return rows;
  },
});
