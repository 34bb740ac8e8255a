import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChromeTrace } from '../../analysis/reducers/chrome-trace.ts';
import { ganttData } from '../../report/gantt.ts';
import { ExitCode } from '../exit-codes.ts';
import { oneTaskRun } from './one-task-fixture.ts';

const { scratch, run } = oneTaskRun('run-gantt');

describe('kbench run --gantt', () => {
  it('draws the window from the same trace --trace writes, in one run', async () => {
    const svgPath = join(scratch, 'solo.svg');
    const tracePath = join(scratch, 'solo.json');
    const r = await run('--trace', tracePath, '--gantt', svgPath, '--window-ms', '0:12', '--json');
    expect(r.status).toBe(ExitCode.Ok);
    expect(JSON.parse(r.stdout)).toMatchObject({ workload: 'one-task' });
    expect(r.stderr).toMatch(/gantt chart of 0-12 ms written to .*solo\.svg/);
    const data = ganttData(JSON.parse(readFileSync(tracePath, 'utf8')) as ChromeTrace, { fromUs: 0, toUs: 12_000 });
    expect(data.bars.filter((b) => b.row === 'solo').map((b) => [b.fromUs, b.toUs])).toEqual([
      [0, 3000],
      [10_000, 12_000],
    ]);
    const svg = readFileSync(svgPath, 'utf8');
    for (const row of data.rows) expect(svg).toContain(`>${row}<`);
    expect(svg).toContain('one-task on ucos2');
  });

  it('writes a PNG when the file ends in .png, the first 10 ms by default', async () => {
    const path = join(scratch, 'solo.png');
    const r = await run('--gantt', path);
    expect(r.status).toBe(ExitCode.Ok);
    expect(r.stderr).toMatch(/gantt chart of 0-10 ms/);
    expect([...readFileSync(path).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('exits 2 naming the option for a bad file type or window', async () => {
    const cases: [string[], RegExp][] = [
      [['--gantt', join(scratch, 'g.txt')], /--gantt: the file must end in \.svg or \.png/],
      [['--gantt', join(scratch, 'g.svg'), '--window-ms', '5:1'], /--window-ms: must have 0 <= a < b/],
      [['--gantt', join(scratch, 'g.svg'), '--window-ms', '0:30'], /--window-ms: ends at 30 ms, after the run's 20 ms/],
      [['--gantt', join(scratch, 'g.svg'), '--window-ms', 'soon'], /--window-ms: must be a:b in milliseconds/],
      [['--window-ms', '0:5'], /--window-ms: only with --gantt/],
    ];
    for (const [args, message] of cases) {
      const r = await run(...args);
      expect(r.status).toBe(ExitCode.BadInput);
      expect(r.stderr).toMatch(message);
    }
  });
});
