import type { ReducerFactory } from './reducer.ts';

/** Share of simulated time in each kind of work, in percent with two decimals (a kernel on a fast core spends well under 0.1%). */
export interface CpuSplit {
  readonly task: number;
  readonly kernel: number;
  readonly isr: number;
  readonly idle: number;
}

/** The CPU split of the run: task, kernel, ISR and idle time over the simulated time, read from the engine's counters. */
export function cpuSplit(): ReducerFactory<CpuSplit> {
  return () => ({
    result: ({ engine }) => {
      const total = Math.max(1, engine.now);
      const pct = (c: number): number => Math.round((10_000 * c) / total) / 100;
      const cpu = engine.cpu;
      return { task: pct(cpu.task), kernel: pct(cpu.kernel), isr: pct(cpu.isr), idle: pct(cpu.idle) };
    },
  });
}
