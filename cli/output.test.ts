import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExitCode } from './exit-codes.ts';
import { JSON_FORMATS, printJson } from './output.ts';
import { runKbench } from './run-kbench.ts';

afterEach(() => vi.restoreAllMocks());

const packageVersion = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('the JSON outputs of kbench', () => {
  it('each carry the kbench version, the shape they have and its format version, beside their own fields', async () => {
    const outputs: [string[], string, string][] = [
      [['run', '--profile', 'ucos2', '--target', 'avr', '--workload', 'meter', '--duration-ms', '20', '--json'], 'run', 'tasks'],
      [['analyze', '--workload', 'meter', '--policy', 'fp', '--json'], 'analyze', 'tasks'],
      [['kernels', '--json'], 'kernels', 'kernels'],
      [['targets', '--json'], 'targets', 'targets'],
    ];
    for (const [args, format, field] of outputs) {
      const run = await runKbench(args);
      expect(run.status, args.join(' ')).toBe(ExitCode.Ok);
      const json = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(json).toMatchObject({ kbenchVersion: packageVersion, format, formatVersion: 1 });
      expect(Array.isArray(json[field]), `${format}.${field}`).toBe(true);
    }
  });

  it('have integer format versions starting at 1', () => {
    for (const version of Object.values(JSON_FORMATS)) expect(Number.isInteger(version) && version >= 1).toBe(true);
  });

  it('refuse a value whose own field would be hidden by the stamp', () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(() => printJson('run', { formatVersion: 7 })).toThrow(/already has a field "formatVersion"/);
  });
});
