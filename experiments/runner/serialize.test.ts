import { describe, expect, it } from 'vitest';
import { defineExperiment } from '../contract.ts';
import { normalizeRow, resultCsv } from './serialize.ts';

const experiment = defineExperiment<number, number>({
  id: 'example',
  title: 'example',
  description: 'example',
  columns: ['target', 'value'],
  settings: () => ({ seeds: [], targets: [], durationMs: null }),
  units: () => [],
  runUnit: (u) => u,
  reduce: () => [],
});

describe('results rows', () => {
  it('are put in column order, so JSON key order never depends on how a reducer built the row', () => {
    expect(Object.keys(normalizeRow(experiment, { value: 1, target: 'avr' }, 0))).toEqual(['target', 'value']);
  });

  it('are rejected naming the column when a key is missing, extra, or not a finite number', () => {
    expect(() => normalizeRow(experiment, { target: 'avr' }, 3)).toThrow(/row 3: column "value" is missing/);
    expect(() => normalizeRow(experiment, { target: 'avr', value: 1, other: 2 }, 0)).toThrow(/key "other"/);
    expect(() => normalizeRow(experiment, { target: 'avr', value: Number.NaN }, 0)).toThrow(/"value" must be a finite number/);
  });

  it('become CSV with a header, quoted cells where needed, and null as an empty cell', () => {
    const csv = resultCsv(['a', 'b'], [
      { a: 'x,y', b: null },
      { a: 'say "hi"', b: 2.5 },
    ]);
    expect(csv).toBe('a,b\n"x,y",\n"say ""hi""",2.5\n');
  });
});
