import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runKbench } from '../cli/run-kbench.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The README's library example, verbatim: the first TypeScript block under "## As a library". */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf('## As a library');
  const block = at < 0 ? null : /```ts\n([\s\S]*?)```/.exec(readme.slice(at));
  if (block?.[1] === undefined) throw new Error('README.md: no ```ts example under "## As a library"');
  return block[1];
}

/** The JSON a `kbench` command prints, run in process. */
async function kbenchJson(...args: string[]): Promise<Record<string, unknown>> {
  return JSON.parse((await runKbench([...args, '--json'])).stdout) as Record<string, unknown>;
}

describe('the library entry point', () => {
  // Inside the repository (ignored by git) so that the test runner resolves 'kbench' for it as for
  // the tests: to lib/index.ts, the sources of what the package exports.
  mkdirSync(join(ROOT, '.kbench-tmp'), { recursive: true });
  const scratch = mkdtempSync(join(ROOT, '.kbench-tmp', 'readme-example-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  afterEach(() => vi.restoreAllMocks());

  it("runs the README's example as written and prints what the CLI prints for the same inputs", async () => {
    const file = join(scratch, 'example.ts');
    writeFileSync(file, readmeExample());
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await import(pathToFileURL(file).href);
    const printed = log.mock.calls;
    log.mockRestore();
    expect(printed).toHaveLength(4);

    const analysis = await kbenchJson('analyze', '--workload', 'meter', '--profile', 'ucos2', '--target', 'm4');
    const tasks = analysis.tasks as { task: string; wcrtUs: number | null }[];
    expect(printed[0]).toEqual(['schedulable:', analysis.schedulable, tasks.map((t) => `${t.task} ${t.wcrtUs} us`)]);

    const run = await kbenchJson('run', '--workload', 'meter', '--profile', 'ucos2', '--target', 'm4', '--duration-ms', '1000', '--seed', '1');
    const runTasks = run.tasks as { deadlineMisses: number }[];
    expect(printed[1]).toEqual(['misses:', runTasks.map((t) => t.deadlineMisses), 'max irq-off us:', run.maxIrqOffUs, 'code bytes:', run.codeBytes]);

    const choice = await kbenchJson('compare', '--workload', 'm4-management-module', '--targets', 'm4', '--adapt');
    expect(printed[2]).toEqual([choice.recommendation]);

    // One row per port sequence of each unit, computed here unit by unit without the runner (whose
    // rows are checked against `kbench reproduce` in experiments/runner/run-experiment.test.ts).
    const { getExperiment } = await import('../experiments/registry.ts');
    const portCosts = getExperiment('port-costs');
    const sequences = portCosts.units('quick').reduce((sum: number, unit) => sum + (portCosts.runUnit(unit) as unknown[]).length, 0);
    expect(printed[3]).toEqual(['port-costs rows:', sequences]);
  });

  it('is what package.json exports: the build compiles lib/index.ts to the files `exports` names', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, { types: string; default: string }> };
    const build = JSON.parse(readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '')) as { include: string[]; compilerOptions: { outDir: string; declaration: boolean } };
    expect(build.include).toContain('lib/index.ts');
    expect(build.compilerOptions.declaration).toBe(true);
    expect(pkg.exports['.']).toEqual({ types: `./${build.compilerOptions.outDir}/lib/index.d.ts`, default: `./${build.compilerOptions.outDir}/lib/index.js` });
  });
});
