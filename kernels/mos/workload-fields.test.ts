import { describe, expect, it } from 'vitest';
import { m4 } from '../../hardware/targets/index.ts';
import type { TaskSpec, Workload } from '../../workloads/types.ts';
import { ProfileLimitError } from '../core/validate.ts';
import { bootSystem } from '../registry.ts';
import { refusalMessage } from '../../workloads/test-refusal.ts';

function periodic(name: string, priority: number, extra: Partial<TaskSpec> = {}): TaskSpec {
  return { name, priority, trigger: { kind: 'periodic', periodUs: 10_000 }, body: [{ op: 'compute', cycles: 100 }], ...extra };
}

function workload(tasks: TaskSpec[], extra: Partial<Workload> = {}): Workload {
  return { name: 'w', description: '', referenceTarget: 'avr', tickHz: 1000, tasks, ...extra };
}

/** The message of the ProfileLimitError a MOS boot through the registry gives `w`. */
function refusal(w: Workload): string {
  return refusalMessage(() => bootSystem({ target: m4, workload: w, profile: 'mos' }), ProfileLimitError);
}

describe('MOS refusals name the workload field, not MOS internals', () => {
  it('names the 33rd task of a priority, not config.modules[0] (prio0).tasks', () => {
    const message = refusal(workload(Array.from({ length: 33 }, (_, i) => periodic(`t${i}`, 0))));
    expect(message).toBe('mos: tasks[32].priority: 33 tasks share priority 0; MOS makes one module per priority, and a module holds at most 32 tasks (one per message bit)');
  });

  it('names the first task of the 33rd distinct priority, not config.modules', () => {
    // Priorities 40, 39, ..., 0: sorted, the 33rd smallest is 32, held by task index 40 - 32 = 8.
    const message = refusal(workload(Array.from({ length: 41 }, (_, i) => periodic(`t${i}`, 40 - i))));
    expect(message).toBe('mos: tasks[8].priority: the workload has 41 distinct priorities; MOS makes one module per priority and has at most 32 modules (one module-ready word)');
  });

  it("writes MOS's workload.tasks[i] (name) as the workload's own path tasks[i]", () => {
    expect(refusal(workload([periodic('a', 1, { preemptionThreshold: 0 })]))).toMatch(/^mos: tasks\[0\]\.preemptionThreshold: MOS has no per-task preemption thresholds/);
    expect(refusal(workload([periodic('a', 0), periodic('b', 1, { body: [{ op: 'delay', ticks: 1 }] })]))).toMatch(/^mos: tasks\[1\]\.body\[0\]\.op: 'delay' is not a MOS service/);
  });

  it('names a queue too large for a MOS bus object by its index in resources.queues', () => {
    const w = workload([periodic('a', 0, { body: [{ op: 'send', queue: 'q' }] })], { resources: { queues: [{ name: 'small', capacity: 1 }, { name: 'q', capacity: 300 }] } });
    expect(refusal(w)).toMatch(/^mos: resources\.queues\[1\]\.capacity: must be a whole number from 1 to 255, got 300$/);
  });
});
