import { describe, expect, it } from 'vitest';
import { getProfile } from '../kernels/registry.ts';
import type { OsProfile } from '../kernels/profiles/types.ts';
import type { TaskSpec, Workload } from '../workloads/types.ts';
import { adaptWorkload } from './adapt.ts';

const FP = { keyedByDeadline: false };

function task(name: string, priority: number, body: TaskSpec['body'] = [{ op: 'compute', cycles: 100 }]): TaskSpec {
  return { name, priority, trigger: { kind: 'periodic', periodUs: 10_000 }, body };
}

function workload(tasks: TaskSpec[], mutexes: NonNullable<Workload['resources']>['mutexes'] = []): Workload {
  return { name: 'w', description: 'test', referenceTarget: 'm4', tickHz: 1000, tasks, resources: { mutexes } };
}

const locking = [{ op: 'lock', mutex: 'm' }, { op: 'compute', cycles: 50 }, { op: 'unlock', mutex: 'm' }] as const;

describe('adapting a workload to a profile', () => {
  it('changes nothing and lists nothing when the profile hosts the workload as it is', () => {
    const w = workload([task('a', 0, [...locking]), task('b', 3)], [{ name: 'm', protocol: 'ceiling' }]);
    const adapted = adaptWorkload(w, getProfile('ucos2'), FP);
    expect(adapted.workload).toBe(w);
    expect(adapted.adaptations).toEqual([]);
  });

  it("folds priorities into a sharing kernel's levels, order kept, the least urgent sharing its last level", () => {
    // worix: 6 levels (0..5), equal priorities allowed. Priorities 0, 2, 4, 6, 8, 10, 12 rank 0..6;
    // ranks 5 and 6 fold onto level 5.
    const w = workload([0, 2, 4, 6, 8, 10, 12].map((p, i) => task(`t${i}`, p)));
    const adapted = adaptWorkload(w, getProfile('worix'), FP);
    expect(adapted.workload.tasks.map((t) => t.priority)).toEqual([0, 1, 2, 3, 4, 5, 5]);
    expect(adapted.adaptations).toHaveLength(1);
    expect(adapted.adaptations[0]).toContain('t5, t6 share level 5');
  });

  it('gives every task its own level on a kernel without equal priorities, ties broken by task order', () => {
    // ukernel: 8 levels, no equal priorities. Priorities 5, 5, 1 become 1, 2, 0.
    const w = workload([task('a', 5), task('b', 5), task('c', 1)]);
    expect(adaptWorkload(w, getProfile('ukernel'), FP).workload.tasks.map((t) => t.priority)).toEqual([1, 2, 0]);
  });

  it('leaves priorities alone when a kernel without equal priorities has fewer levels than tasks (its boot rejects it)', () => {
    const w = workload(Array.from({ length: 9 }, (_, i) => task(`t${i}`, i)));
    expect(adaptWorkload(w, getProfile('ukernel'), FP).adaptations).toEqual([]);
  });

  it("swaps a mutex protocol the kernel lacks for the kernel's own and says so", () => {
    const w = workload([task('a', 0, [...locking])], [{ name: 'm', protocol: 'ceiling' }]);
    const adapted = adaptWorkload(w, getProfile('worix'), FP);
    expect(adapted.workload.resources?.mutexes).toEqual([{ name: 'm', protocol: 'inheritance' }]);
    expect(adapted.adaptations).toEqual(['mutex m: ceiling -> inheritance (worix offers inheritance)']);
  });

  it('maps a mutex onto a binary semaphore on a kernel with semaphores and no mutexes', () => {
    const noMutex: OsProfile = { ...getProfile('ucos2'), id: 'no-mutex', services: { ...getProfile('ucos2').services, mutex: false } };
    const adapted = adaptWorkload(workload([task('a', 0, [...locking])], [{ name: 'm' }]), noMutex, FP);
    expect(adapted.workload.tasks[0]?.body.map((s) => s.op)).toEqual(['take', 'compute', 'give']);
    expect(adapted.workload.resources?.semaphores).toEqual([{ name: 'm', initial: 1, max: 1 }]);
    expect(adapted.unprotectedMutexes).toEqual([]);
  });

  it('removes the locks on a kernel with neither mutexes nor semaphores and names the unprotected mutex', () => {
    const adapted = adaptWorkload(workload([task('a', 0, [...locking])], [{ name: 'm', protocol: 'ceiling' }]), getProfile('mos'), FP);
    expect(adapted.workload.tasks[0]?.body).toEqual([{ op: 'compute', cycles: 50 }]);
    expect(adapted.unprotectedMutexes).toEqual(['m']);
    expect(adapted.adaptations[0]).toMatch(/^mutex m removed .*unprotected/);
  });
});
