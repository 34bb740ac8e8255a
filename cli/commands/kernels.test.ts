import { describe, expect, it } from 'vitest';
import { avr, m4 } from '../../hardware/targets/index.ts';
import { kernelBlocks } from '../../kernels/block-index.ts';
import { ExitCode } from '../exit-codes.ts';
import { runKbench } from '../run-kbench.ts';
import { listKernels } from './kernels.ts';

describe('kbench kernels', () => {
  it('lists every design and profile with nonzero code and RAM on avr and m4', async () => {
    const rows = await listKernels();
    expect(rows.filter((r) => r.kind === 'design').map((r) => r.id)).toEqual(['table-driven', 'sorted-list', 'round-robin', 'edf', 'priority-lists', 'mos']);
    expect(rows.filter((r) => r.kind === 'profile').map((r) => r.id)).toEqual(['webit', 'worix', 'ukernel', 'idcx', 'ucos2', 'mos', 'edf', 'liteos-m', 'freertos']);
    // LiteOS-M has no AVR port: no size there.
    expect(rows.find((r) => r.id === 'liteos-m')?.codeBytes['avr']).toBeUndefined();
    for (const r of rows) {
      for (const t of ['avr', 'm4'].filter((t) => !(r.id === 'liteos-m' && t === 'avr'))) {
        expect(r.codeBytes[t]).toBeGreaterThan(0);
        expect(r.ramBytes[t]).toBeGreaterThan(0);
      }
    }
  });

  it('prints an aligned table: each size under its heading, lined up on the right', async () => {
    const run = await runKbench(['kernels']);
    expect(run.status).toBe(ExitCode.Ok);
    expect(run.stdout).not.toMatch(/[│┌─]/);
    const rows = await listKernels();
    const [header = '', ...lines] = run.stdout.split('\n').slice(0, rows.length + 1);
    for (const [t, column] of [['avr', 'avr code B'], ['m4', 'm4 RAM B']] as const) {
      const end = header.indexOf(column) + column.length;
      lines.forEach((line, i) => {
        const r = rows[i];
        const bytes = (column.endsWith('code B') ? r?.codeBytes[t] : r?.ramBytes[t]) ?? '-';
        expect(line.slice(0, end)).toMatch(new RegExp(`^${r?.kind} +${r?.id} .* ${bytes}$`));
      });
    }
  });

  it('indexes the blocks of every design and timer strategy for listings, on both targets', () => {
    for (const target of [avr, m4]) {
      const names = kernelBlocks(target);
      for (const n of ['sched-new', 'rdylist-insert-test', 'rdytab-shift-step', 'rq-scan-step', 'edflist-insert-test', 'scan-tcb-decrement', 'sleepq-step', 'timerinfo-step', 'delta-tick-head', 'sem-pend-fast']) {
        expect(names.has(n)).toBe(true);
      }
    }
  });
});
