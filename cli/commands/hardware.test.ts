import { describe, expect, it } from 'vitest';
import { allTargets } from '../../hardware/targets/index.ts';
import { ExitCode } from '../exit-codes.ts';
import { runKbench } from '../run-kbench.ts';

describe('kbench targets', () => {
  it('prints an aligned table, one line per target, with RAM and flash lined up on the right', async () => {
    const run = await runKbench(['targets']);
    expect(run.status).toBe(ExitCode.Ok);
    const [header = '', ...lines] = run.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^id +core +MHz/);
    expect(run.stdout).not.toMatch(/[│┌─]/);
    const targets = allTargets();
    expect(lines.map((l) => l.split(' ')[0])).toEqual(targets.map((t) => t.id));
    const ramEnd = header.indexOf('RAM B') + 'RAM B'.length;
    const flashEnd = header.indexOf('flash B') + 'flash B'.length;
    lines.forEach((line, i) => {
      expect(line.slice(0, ramEnd)).toMatch(new RegExp(` ${targets[i]?.ramBytes}$`));
      expect(line.slice(0, flashEnd)).toMatch(new RegExp(` ${targets[i]?.flashBytes}$`));
    });
  });
});
