import { describe, expect, it } from 'vitest';
import { getProfile } from '../kernels/registry.ts';
import type { OsProfile } from '../kernels/profiles/types.ts';
import { appIssues } from '../workloads/app-rules.ts';
import { m4 } from '../hardware/targets/index.ts';
import { loadWorkload } from '../workloads/load.ts';
import { adaptWorkload } from './adapt.ts';

const FP = { keyedByDeadline: false };
const meter = loadWorkload('m4-multi-app-meter');

describe('adapting a workload with APPs', () => {
  it('keeps every APP and every task in its APP', () => {
    for (const id of ['worix', 'idcx', 'liteos-m', 'freertos', 'mos']) {
      const adapted = adaptWorkload(meter, getProfile(id), FP).workload;
      expect(adapted.apps?.map((a) => a.name)).toEqual(meter.apps?.map((a) => a.name));
      expect(adapted.tasks.map((t) => t.app)).toEqual(meter.tasks.map((t) => t.app));
    }
  });

  it("folds an APP's main-thread priority with its task and lists it", () => {
    // worix has 6 levels (0..5): the tasks at 7 (app-tariff) and 8 (app-load-monitor) fold onto 5,
    // and so do the main threads, whose pri_main is their task's priority.
    const adapted = adaptWorkload(meter, getProfile('worix'), FP);
    expect(adapted.workload.apps?.map((a) => a.header.mainPriority)).toEqual([5, 5]);
    expect(adapted.adaptations).toContain('APP tariff: pri_main 7 -> 5 (its main thread folded with the tasks)');
    expect(adapted.adaptations).toContain('APP load-monitor: pri_main 8 -> 5 (its main thread folded with the tasks)');
    expect(appIssues(adapted.workload, m4)).toEqual([]);
  });

  it("grants an APP the service its locks became, and lists it, so the SVC gate would not refuse the call", () => {
    // A kernel with semaphores and no mutexes: every lock becomes a take. The tariff APP's task locks
    // energy-db, so it now needs the semaphore permission; the load monitor locks nothing.
    const semaphoresOnly: OsProfile = { ...getProfile('ucos2'), id: 'semaphores-only', services: { ...getProfile('ucos2').services, mutex: false } };
    const adapted = adaptWorkload(meter, semaphoresOnly, FP);
    expect(adapted.workload.apps?.map((a) => a.header.permissions)).toEqual([['mutex', 'delay', 'semaphore'], ['delay']]);
    expect(adapted.adaptations.filter((a) => a.startsWith('APP '))).toEqual(['APP tariff: permission semaphore added to its header (its adapted tasks call this service through the SVC gate)']);
    expect(appIssues(adapted.workload, m4)).toEqual([]);
  });

  it('changes no APP header where the tasks keep their priorities and services', () => {
    const adapted = adaptWorkload(meter, getProfile('freertos'), FP);
    expect(adapted.workload.apps).toEqual(meter.apps);
    expect(adapted.adaptations.some((a) => a.startsWith('APP '))).toBe(false);
  });
});
