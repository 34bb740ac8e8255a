import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ExitCode } from './exit-codes.ts';
import { runKbench } from './run-kbench.ts';
import { kbenchVersion } from './version.ts';

const packageVersion = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('kbench --version', () => {
  it("prints package.json's version and exits 0", async () => {
    const run = await runKbench(['--version']);
    expect(run.status).toBe(ExitCode.Ok);
    expect(run.stdout).toBe(`${packageVersion}\n`);
  });

  it('is the version kbenchVersion() returns to the library', () => {
    expect(kbenchVersion()).toBe(packageVersion);
  });
});
