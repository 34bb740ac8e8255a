import type { Step, TaskSpec, Workload } from '../../workloads/types.ts';

/** A periodic task for tests (reference cycles on the AVR). */
export function periodic(name: string, priority: number, periodUs: number, body: readonly Step[], extra: Partial<TaskSpec> = {}): TaskSpec {
  return { name, priority, trigger: { kind: 'periodic', periodUs }, body, source: 'test', ...extra };
}

/** A workload for tests: AVR reference cycles, 1 kHz tick. */
export function workload(tasks: readonly TaskSpec[], extra: Partial<Workload> = {}): Workload {
  return { name: 'test', description: 'a small task set built in a test', referenceTarget: 'avr', tickHz: 1000, tasks, sources: ['test'], ...extra };
}

/** The paper's Figs. 1-2 set: `n` tasks that each compute `cycles`, then sleep until the next period on the tick. */
export function sleepWakeSet(n: number, priorities: number, periodUs = 10_000, cycles = 2000): Workload {
  return workload(
    Array.from({ length: n }, (_, i) => periodic(`t${i}`, Math.min(i, priorities - 1), periodUs, [{ op: 'compute', cycles }])),
  );
}
