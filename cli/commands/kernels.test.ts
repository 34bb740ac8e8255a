import { describe, expect, it } from 'vitest';
import { avr, m4 } from '../../hardware/targets/index.ts';
import { kernelBlocks } from '../../kernels/block-index.ts';
import { listKernels } from './kernels.ts';

describe('kbench kernels', () => {
  it('lists every design and profile with nonzero code and RAM on avr and m4', async () => {
    const rows = await listKernels();
    expect(rows.filter((r) => r.kind === 'design').map((r) => r.id)).toEqual(['table-driven', 'sorted-list', 'round-robin', 'edf', 'mos']);
    expect(rows.filter((r) => r.kind === 'profile').map((r) => r.id)).toEqual(['webit', 'worix', 'ukernel', 'idcx', 'ucos2', 'mos', 'edf']);
    for (const r of rows) {
      for (const t of ['avr', 'm4']) {
        expect(r.codeBytes[t]).toBeGreaterThan(0);
        expect(r.ramBytes[t]).toBeGreaterThan(0);
      }
    }
  });

  it('indexes the blocks of every design and timer strategy for listings, on both targets', () => {
    for (const target of [avr, m4]) {
      const names = kernelBlocks(target);
      for (const n of ['sched-new', 'rdylist-insert-step', 'rdytab-shift-step', 'rq-scan-step', 'edflist-insert-step', 'scan-tcb-delayed', 'sleepq-step', 'timerinfo-step', 'delta-tick', 'sem-pend-fast']) {
        expect(names.has(n)).toBe(true);
      }
    }
  });
});
