import { describe, expect, it } from 'vitest';
import { getProfile } from '../kernels/registry.ts';
import { table1, table1Row } from './table1.ts';

describe('table1', () => {
  it('has one row per profile, profile first, and no target column (mechanisms hold on every CPU)', () => {
    const rows = table1.units('full').map((u) => table1.runUnit(u));
    expect(rows.map((r) => r.profile)).toEqual(['webit', 'worix', 'ukernel', 'idcx', 'ucos2', 'mos', 'liteos-m', 'freertos']);
    expect(table1.columns[0]).toBe('profile');
    expect(table1.columns).not.toContain('target');
    for (const r of rows) expect(Object.keys(r)).toEqual([...table1.columns]);
  });

  it("finds uC/OS-II's model equal to the paper's Table 1 column, 56 application tasks being its 64 less 8 reserved", () => {
    expect(table1Row(getProfile('ucos2'))).toMatchObject({ priorities: '64', maxTasks: '56', scheduling: 'fixed-priority preemptive', inversionAvoidance: 'ceiling', differsFromPaper: '' });
  });

  it("names WORIX's equal priorities as its one departure from Table 1, and none once the profile follows the paper", () => {
    const worix = getProfile('worix');
    expect(table1Row(worix).differsFromPaper).toBe('same-priority tasks: paper "no", modelled "yes"');
    expect(table1Row({ ...worix, samePriority: false }).differsFromPaper).toBe('');
  });

  it('derives synchronisation from the services: a queue stands in where there is no semaphore', () => {
    const webit = getProfile('webit');
    expect(table1Row(webit).synchronisation).toBe('mutex, message queue, event flags');
    expect(table1Row({ ...webit, services: { ...webit.services, semaphore: true } }).synchronisation).toBe('semaphore, mutex, event flags');
  });

  it('leaves the paper comparison null for MOS, which the paper does not cover', () => {
    expect(table1Row(getProfile('mos')).differsFromPaper).toBeNull();
  });
});
