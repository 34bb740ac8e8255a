import type { Step, TaskSpec, Workload } from '../../workloads/types.ts';

/** A periodic task for tests (reference cycles on the AVR). */
export function periodic(name: string, priority: number, periodUs: number, body: readonly Step[], extra: Partial<TaskSpec> = {}): TaskSpec {
  return { name, priority, trigger: { kind: 'periodic', periodUs }, body, source: 'test', ...extra };
}

/** A workload for tests: AVR reference cycles, 1 kHz tick. */
export function workload(tasks: readonly TaskSpec[], extra: Partial<Workload> = {}): Workload {
  return { name: 'test', description: 'a small task set built in a test', referenceTarget: 'avr', tickHz: 1000, tasks, sources: ['test'], ...extra };
}
