import fc from 'fast-check';
import type { MosModuleSpec } from './config.ts';
import type { Step, TaskSpec, Workload } from '../../workloads/types.ts';

/** Test fixtures: random MOS-compatible workloads and configs for the property tests. */

/** A random workload: up to 8 tasks, periodic or on one of two I/O lines, some sending to the next task's queue. */
export const arbitraryWorkload: fc.Arbitrary<Workload> = fc
  .array(
    fc.record({
      priority: fc.integer({ min: 0, max: 4 }),
      trigger: fc.oneof(
        fc.record({ kind: fc.constant('periodic' as const), periodUs: fc.constantFrom(1000, 2000, 3000, 5000), offsetUs: fc.constantFrom(0, 1000) }),
        fc.record({ kind: fc.constant('io' as const), line: fc.constantFrom('pulse', 'uart') }),
      ),
      cycles: fc.array(fc.integer({ min: 50, max: 4000 }), { minLength: 1, maxLength: 3 }),
      sends: fc.boolean(),
      ioOut: fc.boolean(),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((raw) => {
    const tasks: TaskSpec[] = raw.map((r, i) => {
      const body: Step[] = [];
      if (i > 0) body.push({ op: 'receive', queue: `q${i}` });
      for (const c of r.cycles) body.push({ op: 'compute', cycles: c });
      const next = i + 1;
      if (r.sends && next < raw.length) body.push({ op: 'send', queue: `q${next}` });
      if (r.ioOut) body.push({ op: 'io-out' });
      return { name: `t${i}`, priority: r.priority, trigger: r.trigger, body };
    });
    return {
      name: 'random',
      description: 'property-test workload',
      referenceTarget: 'avr',
      tickHz: 1000,
      tasks,
      ioLines: [
        { name: 'pulse', priority: 0, arrival: { kind: 'random', meanInterArrivalUs: 1500 }, isrCycles: 80 },
        { name: 'uart', priority: 1, arrival: { kind: 'sporadic', minInterArrivalUs: 1040, maxExtraUs: 3000 }, isrCycles: 40 },
      ],
      resources: { queues: raw.map((_, i) => ({ name: `q${i}`, capacity: 2 })) },
    } satisfies Workload;
  });

/** Random user groups for a workload's default modules (one module per distinct priority). */
export function groupedModules(workload: Workload, groupOf: readonly number[]): MosModuleSpec[] {
  const priorities = [...new Set(workload.tasks.map((t) => t.priority))].sort((a, b) => a - b);
  return priorities.map((p, m) => ({
    name: `prio${p}`,
    tasks: workload.tasks.filter((t) => t.priority === p).map((t) => t.name),
    group: `user${groupOf[m % groupOf.length] ?? 0}`,
  }));
}
