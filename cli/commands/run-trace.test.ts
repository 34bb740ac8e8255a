import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChromeTrace } from '../../analysis/reducers/chrome-trace.ts';
import { traceSpans } from '../../analysis/reducers/test-support.ts';
import { ExitCode } from '../exit-codes.ts';
import { runKbench } from '../run-kbench.ts';

const kbench = (...args: string[]) => runKbench(args);
const scratch = mkdtempSync(join(tmpdir(), 'kbench-run-trace-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// One task computing 3 ms every 10 ms on the ideal target (zero kernel cost, 1 cycle = 1 us, exact
// releases): it runs 0-3 ms and 10-13 ms of a 20 ms run, the idle task the rest.
const workload = join(scratch, 'one-task.json');
writeFileSync(
  workload,
  JSON.stringify({
    name: 'one-task',
    description: 'one periodic task for the trace test',
    referenceTarget: 'ideal',
    tickHz: 1000,
    tasks: [{ name: 'solo', priority: 1, trigger: { kind: 'periodic', periodUs: 10_000 }, body: [{ op: 'compute', cycles: 3000 }] }],
  }),
);
const run = (...extra: string[]) => kbench('run', '--profile', 'ucos2', '--target', 'ideal', '--workload', workload, '--duration-ms', '20', ...extra);

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
