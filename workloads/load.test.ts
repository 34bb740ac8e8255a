import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getTarget } from '../hardware/targets/index.ts';
import { cyclesToUs } from '../hardware/units.ts';
import { worstCycles } from './execution.ts';
import { builtinWorkloadNames, loadWorkload } from './load.ts';
import { WorkloadError } from './schema.ts';

describe('loadWorkload', () => {
  it('loads every built-in workload through the schema', () => {
    for (const name of builtinWorkloadNames().filter((n) => !n.includes('<'))) expect(loadWorkload(name).tasks.length).toBeGreaterThan(0);
  });

  it('builds a seeded UUniFast set from its name, the same every time', () => {
    const w = loadWorkload('uunifast-n8-u0.7-s3');
    expect(w.name).toBe('uunifast-n8-u0.7-s3');
    expect(w.tasks).toHaveLength(8);
    expect(loadWorkload('uunifast-n8-u0.7-s3')).toEqual(w);
    expect(loadWorkload('uunifast-n8-u0.7-s4')).not.toEqual(w);
  });

  it('gives every meter task and interrupt line a source', () => {
    for (const name of ['meter', 'meter-irq-heavy']) {
      const w = loadWorkload(name);
      expect(w.referenceTarget).toBe('avr');
      for (const t of w.tasks) expect(t.source ?? '').not.toBe('');
      for (const l of w.ioLines ?? []) expect(l.source ?? '').not.toBe('');
    }
  });

  it('makes the interrupt-heavy meter variant interrupt more often than the meter', () => {
    const spacing = (name: string): number => Math.min(...(loadWorkload(name).ioLines ?? []).map((l) => (l.arrival.kind === 'periodic' ? l.arrival.periodUs : l.arrival.kind === 'sporadic' ? l.arrival.minInterArrivalUs : Infinity)));
    expect(spacing('meter-irq-heavy')).toBeLessThan(spacing('meter'));
  });

  it('keeps the meter below full load on the AVR', () => {
    const w = loadWorkload('meter');
    const avr = getTarget('avr');
    const u = w.tasks.reduce((s, t) => s + cyclesToUs(avr, worstCycles(t)) / (t.trigger.kind === 'periodic' ? t.trigger.periodUs : t.trigger.kind === 'sporadic' ? t.trigger.minInterArrivalUs : Infinity), 0);
    expect(u).toBeGreaterThan(0);
    expect(u).toBeLessThan(1);
  });

  it('reads a JSON file and rejects an invalid one with a WorkloadError naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kbench-load-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ name: 'g', description: '', referenceTarget: 'avr', tickHz: 1000, tasks: [{ name: 'a', priority: 0, trigger: { kind: 'periodic', periodUs: 1000 }, body: [{ op: 'compute', cycles: 10 }] }] }));
    expect(loadWorkload(good).name).toBe('g');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ name: 'b', description: '', referenceTarget: 'avr', tickHz: 100, tasks: [{ name: 'a', priority: 0, trigger: { kind: 'periodic', periodUs: -1 }, body: [{ op: 'compute', cycles: 10 }] }] }));
    expect(() => loadWorkload(bad)).toThrow(WorkloadError);
    expect(() => loadWorkload(bad)).toThrow(/tasks\[0\]\.trigger\.periodUs: must be > 0 us/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ not json');
    expect(() => loadWorkload(broken)).toThrow(/not valid JSON/);
  });

  it('names the built-ins when neither a built-in nor a file matches', () => {
    expect(() => loadWorkload('no-such-workload')).toThrow(/unknown workload "no-such-workload".*meter/);
  });
});
