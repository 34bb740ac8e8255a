import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portCosts } from '../port-costs.ts';
import { mergeShards } from './merge.ts';
import { decodeShardFile, encodeShardFile, ShardError, type ShardContent, type ShardFile } from './shard-file.ts';
import { sweepShard } from './sweep.ts';
import { inProcessRunner } from './unit-runner.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kbench-merge-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// port-costs has 3 quick units: shard 0 of 2 holds units 0 and 2, shard 1 of 2 holds unit 1.
const swept = join(scratch, 'swept');
const shard0 = join(swept, 'port-costs.shard-0-of-2.json');
const shard1 = join(swept, 'port-costs.shard-1-of-2.json');
beforeAll(async () => {
  for (const index of [0, 1]) await sweepShard(portCosts, 'quick', { index, count: 2 }, swept, inProcessRunner());
});

let case_ = 0;
/** A fresh directory holding the given files (name to text), for one merge. */
function shardDir(files: Record<string, string>): string {
  const dir = join(scratch, `case-${case_++}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const read = (path: string): string => readFileSync(path, 'utf8');
const contentOf = (path: string): ShardContent => {
  const { contentSha256: _, ...content } = decodeShardFile(read(path), path);
  return content;
};

/** Merges `paths` expecting a ShardError; returns its message, and checks no results were written. */
function mergeFault(paths: string[]): string {
  const resultsDir = join(scratch, `results-${case_++}`);
  let fault: unknown;
  try {
    mergeShards(paths, resultsDir);
  } catch (e) {
    fault = e;
  }
  expect(fault).toBeInstanceOf(ShardError);
  expect(existsSync(resultsDir)).toBe(false);
  return (fault as ShardError).message;
}

describe('shard files', () => {
  it('carry the sha256 of their content, and decode to what was encoded', () => {
    const content = contentOf(shard0);
    const file: ShardFile = decodeShardFile(encodeShardFile(content), 'x');
    expect(file).toEqual({ ...content, contentSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(content.results.map((r) => r.unit)).toEqual([0, 2]);
  });
});

describe('merge refuses, naming the file and the fault', () => {
  it('a shard file cut short', () => {
    const dir = shardDir({ 'port-costs.shard-0-of-2.json': read(shard0).slice(0, 200), 'port-costs.shard-1-of-2.json': read(shard1) });
    expect(mergeFault([dir])).toMatch(new RegExp(`^${join(dir, 'port-costs.shard-0-of-2.json')}: not valid JSON, so cut short or damaged`));
  });

  it('a shard file altered after sweep wrote it, though still valid JSON', () => {
    const altered = read(shard1).replace(/"cycles":(\d+)/, (_, n: string) => `"cycles":${Number(n) + 1}`);
    expect(altered).not.toBe(read(shard1));
    const dir = shardDir({ 'port-costs.shard-0-of-2.json': read(shard0), 'port-costs.shard-1-of-2.json': altered });
    expect(mergeFault([dir])).toMatch(/port-costs\.shard-1-of-2\.json: content does not match its contentSha256/);
  });

  it('a shard file without a content hash', () => {
    const { contentSha256: _, ...content } = JSON.parse(read(shard0)) as ShardFile;
    const dir = shardDir({ 'port-costs.shard-0-of-2.json': JSON.stringify(content), 'port-costs.shard-1-of-2.json': read(shard1) });
    expect(mergeFault([dir])).toMatch(/port-costs\.shard-0-of-2\.json: has no contentSha256/);
  });

  it('a shard index out of range for its count', () => {
    const outOfRange = encodeShardFile({ ...contentOf(shard1), shard: { index: 2, count: 2 } });
    const dir = shardDir({ 'port-costs.shard-2-of-2.json': outOfRange });
    expect(mergeFault([dir])).toMatch(/port-costs\.shard-2-of-2\.json: shard index 2 is out of range for 2 shards \(0 to 1\)/);
  });

  it('a shard given twice', () => {
    const again = shardDir({ 'port-costs.shard-0-of-2.json': read(shard0) });
    expect(mergeFault([swept, again])).toMatch(/port-costs\.shard-0-of-2\.json: shard 0 of 2 of port-costs is given twice \(also .*swept\/port-costs\.shard-0-of-2\.json\)/);
  });

  it('a missing shard, naming the file it looked for and where', () => {
    const dir = shardDir({ 'port-costs.shard-0-of-2.json': read(shard0) });
    expect(mergeFault([dir])).toBe(`experiment port-costs: 1 of 2 shards missing: no port-costs.shard-1-of-2.json in ${dir}; run those shards and merge again`);
  });

  it('shards of different counts', () => {
    const whole = shardDir({ 'port-costs.shard-0-of-1.json': encodeShardFile({ ...contentOf(shard0), shard: { index: 0, count: 1 } }) });
    expect(mergeFault([swept, whole])).toMatch(/port-costs\.shard-0-of-1\.json: shard 0 of 1, but .* is one of 2 shards/);
  });

  it('a shard holding a unit of another shard, or lacking one of its own', () => {
    const other = contentOf(shard1).results;
    const stray = encodeShardFile({ ...contentOf(shard0), results: [...contentOf(shard0).results, ...other] });
    expect(mergeFault([shardDir({ 'port-costs.shard-0-of-2.json': stray, 'port-costs.shard-1-of-2.json': read(shard1) })])).toMatch(
      /port-costs\.shard-0-of-2\.json: shard 0 of 2 holds unit 1, which is not one of its units/,
    );
    const lacking = encodeShardFile({ ...contentOf(shard0), results: contentOf(shard0).results.slice(0, 1) });
    expect(mergeFault([shardDir({ 'port-costs.shard-0-of-2.json': lacking, 'port-costs.shard-1-of-2.json': read(shard1) })])).toMatch(
      /port-costs\.shard-0-of-2\.json: shard 0 of 2 lacks unit 2 \(1 of its 2 units missing\)/,
    );
  });

});

describe('merge', () => {
  it('takes one file named twice over (a directory and its own path) as one shard', () => {
    const copy = join(scratch, 'copy');
    cpSync(swept, copy, { recursive: true });
    const paths = [copy, join(copy, 'port-costs.shard-0-of-2.json'), join(copy, '.', 'port-costs.shard-1-of-2.json')];
    expect(mergeShards(paths, join(scratch, 'merged'))).toEqual([{ id: 'port-costs', shards: 2, units: 3, rows: 26 }]);
  });
});
