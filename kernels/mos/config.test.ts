import { describe, expect, it } from 'vitest';
import { ProfileLimitError } from '../core/validate.ts';
import { Engine } from '../../hardware/engine.ts';
import { m4 } from '../../hardware/targets/index.ts';
import type { TaskSpec, Workload } from '../../workloads/types.ts';
import { bootMos } from './boot.ts';
import { bandLevel, mappedWorkload, mapWorkload, type MosConfig } from './config.ts';
import { refusalMessage } from '../../workloads/test-refusal.ts';

function periodic(name: string, priority: number, extra: Partial<TaskSpec> = {}): TaskSpec {
  return { name, priority, trigger: { kind: 'periodic', periodUs: 10_000 }, body: [{ op: 'compute', cycles: 100 }], ...extra };
}

function workload(tasks: TaskSpec[], extra: Partial<Workload> = {}): Workload {
  return { name: 'w', description: 'mapping test', referenceTarget: 'avr', tickHz: 1000, tasks, ...extra };
}

function bootError(w: Workload, config?: MosConfig): string {
  return refusalMessage(() => bootMos({ engine: new Engine({ target: m4, seed: 1 }), workload: w, ...(config === undefined ? {} : { config }) }), ProfileLimitError);
}

describe('MOS mapping of a workload onto modules, bits and levels', () => {
  it('maps a workload once per level count and default stack: the same mapping as mapWorkload gives, another for another config', () => {
    const w = workload([periodic('a', 3), periodic('b', 0), periodic('c', 7)]);
    const once = mappedWorkload(w, {});
    expect(once).toEqual(mapWorkload(w));
    expect(mappedWorkload(w, { tickPriority: 2 })).toBe(once);
    const twoLevels = mappedWorkload(w, { levels: 2 });
    expect(twoLevels).not.toBe(once);
    expect(twoLevels).toEqual(mapWorkload(w, { levels: 2 }));
  });

  it('makes one module per distinct priority, gives bits in workload order and splits modules into level bands', () => {
    const m = mapWorkload(workload([periodic('a', 3), periodic('b', 0), periodic('c', 3), periodic('d', 7)]));
    expect(m.modules.map((x) => [x.name, x.tasks, x.level])).toEqual([
      ['prio0', [1], 0],
      ['prio3', [0, 2], 1],
      ['prio7', [3], 2],
    ]);
    expect(m.places[2]).toEqual({ module: 1, bit: 1, level: 1 });
    expect(m.groupNames).toEqual(['system']);
  });

  it('bands modules evenly, most urgent band on level 0', () => {
    // 8 modules on 3 levels: floor(rank * 3 / 8) = 0,0,0,1,1,1,2,2.
    expect(Array.from({ length: 8 }, (_, r) => bandLevel(r, 8, 3))).toEqual([0, 0, 0, 1, 1, 1, 2, 2]);
  });

  it('gives a bus object to the module of the task that receives from it', () => {
    const m = mapWorkload(
      workload([periodic('tx', 0, { body: [{ op: 'send', queue: 'q' }] }), periodic('rx', 1, { body: [{ op: 'receive', queue: 'q' }] })], {
        resources: { queues: [{ name: 'q', capacity: 3 }] },
      }),
    );
    expect(m.busObjects).toEqual([{ name: 'q', capacity: 3, owner: 1, receiver: 1 }]);
  });
});

describe('MOS refuses what it cannot run, naming the field', () => {
  it.each([
    ['take', 'workload.tasks[0] (a).body[1].op'],
    ['lock', 'workload.tasks[0] (a).body[1].op'],
    ['delay', 'workload.tasks[0] (a).body[1].op'],
    ['wait', 'workload.tasks[0] (a).body[1].op'],
  ])('rejects a %s step', (op, field) => {
    const steps = { take: { op: 'take', semaphore: 's' }, lock: { op: 'lock', mutex: 'm' }, delay: { op: 'delay', ticks: 1 }, wait: { op: 'wait', flags: 'f', mask: 1 } } as const;
    const w = workload([periodic('a', 0, { body: [{ op: 'compute', cycles: 1 }, steps[op as keyof typeof steps]] })]);
    expect(bootError(w)).toContain(field);
    expect(bootError(w)).toContain('is not a MOS service');
  });

  it('rejects a preemption threshold and a run-to-completion threshold', () => {
    expect(bootError(workload([periodic('a', 2, { preemptionThreshold: 1 })]))).toContain('workload.tasks[0] (a).preemptionThreshold');
    expect(bootError(workload([periodic('a', 2, { preemptibleCycles: 10 })]))).toContain('workload.tasks[0] (a).preemptibleCycles');
  });

  it('rejects an unknown I/O line, an undeclared queue and a period shorter than a tick', () => {
    expect(bootError(workload([{ name: 'a', priority: 0, trigger: { kind: 'io', line: 'nope' }, body: [] }]))).toContain('workload.tasks[0] (a).trigger.line');
    expect(bootError(workload([periodic('a', 0, { body: [{ op: 'send', queue: 'q' }] })]))).toContain('workload.tasks[0] (a).body[0].queue');
    expect(bootError(workload([{ name: 'a', priority: 0, trigger: { kind: 'periodic', periodUs: 100 }, body: [] }]))).toContain('workload.tasks[0] (a).trigger.periodUs');
  });

  it('rejects more than 32 tasks in a module and a level count out of range', () => {
    const many = Array.from({ length: 33 }, (_, i) => periodic(`t${i}`, 0));
    expect(bootError(workload(many))).toContain('config.modules[0] (prio0).tasks');
    expect(bootError(workload([periodic('a', 0)]), { levels: 9 })).toContain('config.levels');
  });

  it('rejects modules whose levels run against their rank', () => {
    const config: MosConfig = { levels: 2, modules: [{ name: 'x', tasks: ['a'], level: 1 }, { name: 'y', tasks: ['b'], level: 0 }] };
    expect(bootError(workload([periodic('a', 0), periodic('b', 1)]), config)).toContain('config.modules[1] (y).level');
  });
});
