import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runKbench } from '../run-kbench.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kbench-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const kbench = runKbench;

describe('kbench experiment commands', () => {
  it('exit 2 naming the option and the rule on bad input', () => {
    const cases: [string[], RegExp][] = [
      [['reproduce', '--only', 'nope'], /--only: unknown experiment "nope"/],
      [['sweep', '--experiment', 'port-costs', '--shard', '3/2', '--out', scratch], /--shard: must be i\/n/],
      [['reproduce', '--workers', 'many'], /--workers: must be a whole number/],
      [['merge', join(scratch, 'missing')], /merge: .*no such file/],
    ];
    for (const [args, message] of cases) {
      const r = kbench(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  }, 30_000);

  it('sweep two shards and merge them into the results a single reproduce writes', () => {
    const shards = join(scratch, 'shards');
    for (const shard of ['0/2', '1/2']) expect(kbench('sweep', '--experiment', 'port-costs', '--quick', '--workers', '0', '--shard', shard, '--out', shards).status).toBe(0);
    const merged = kbench('merge', shards, '--results-dir', join(scratch, 'merged'), '--json');
    expect(merged.status).toBe(0);
    // 8 port blocks on each of 3 targets, plus the tail-chain on the two Cortex-M4 targets: 26 rows.
    expect(JSON.parse(merged.stdout)).toEqual([{ id: 'port-costs', shards: 2, units: 3, rows: 26 }]);
    const single = kbench('reproduce', '--quick', '--only', 'port-costs', '--workers', '0', '--no-report', '--json', '--results-dir', join(scratch, 'single'));
    expect(single.status).toBe(0);
    expect(readFileSync(join(scratch, 'merged', 'port-costs.json'), 'utf8')).toBe(readFileSync(join(scratch, 'single', 'port-costs.json'), 'utf8'));
  }, 30_000);
});
