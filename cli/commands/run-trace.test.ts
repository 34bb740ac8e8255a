import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChromeTrace } from '../../analysis/reducers/chrome-trace.ts';
import { traceSpans } from '../../analysis/reducers/test-support.ts';
import { ExitCode } from '../exit-codes.ts';
import { oneTaskRun } from './one-task-fixture.ts';

const { scratch, run } = oneTaskRun('run-trace');

describe('kbench run --trace', () => {
  it('writes the run as a Chrome trace beside the metrics, leaving --json output one JSON value', async () => {
    const path = join(scratch, 'out', 'solo.json');
    const r = await run('--json', '--trace', path);
    expect(r.status).toBe(ExitCode.Ok);
    expect(JSON.parse(r.stdout)).toMatchObject({ workload: 'one-task', target: 'ideal' });
    expect(r.stderr).toMatch(/trace written to .*solo\.json\n?$/);
    const trace = JSON.parse(readFileSync(path, 'utf8')) as ChromeTrace;
    expect(trace.displayTimeUnit).toBe('ns');
    expect(trace.otherData).toMatchObject({ format: 'chrome-trace', formatVersion: 1, truncated: false, truncatedAtUs: null });
    const tracks = trace.traceEvents.flatMap((e) => (e.ph === 'M' && e.name === 'thread_name' && 'name' in e.args ? [e.args.name] : []));
    expect(tracks).toEqual(expect.arrayContaining(['solo', 'idle', 'interrupts off', 'ISR tick']));
    expect(traceSpans(trace, 'solo')).toEqual([
      [0, 3000],
      [10_000, 13_000],
    ]);
  });

  it('stops at --trace-limit events and says so in the file and on stderr', async () => {
    const path = join(scratch, 'short.json');
    const r = await run('--trace', path, '--trace-limit', '3');
    expect(r.status).toBe(ExitCode.Ok);
    expect(r.stderr).toMatch(/stopped at 3 events, [\d.]+ us into the run: raise --trace-limit/);
    const trace = JSON.parse(readFileSync(path, 'utf8')) as ChromeTrace;
    expect(trace.traceEvents.filter((e) => e.ph !== 'M')).toHaveLength(3);
    expect(trace.otherData).toMatchObject({ eventLimit: 3, truncated: true });
  });

  it('exits 2 naming --trace-limit when it is not a whole number >= 1', async () => {
    const r = await run('--trace', join(scratch, 'never.json'), '--trace-limit', '0');
    expect(r.status).toBe(ExitCode.BadInput);
    expect(r.stderr).toMatch(/--trace-limit: must be a whole number >= 1, got "0"/);
  });
});
