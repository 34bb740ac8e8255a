import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { runKbench } from '../run-kbench.ts';

/**
 * A scratch folder with one task computing 3 ms every 10 ms on the ideal target (zero kernel cost,
 * 1 cycle = 1 us, exact releases): the task runs 0-3 ms and 10-13 ms of a 20 ms run, the idle task
 * the rest. `run` runs it on uC/OS-II in process with extra options; the folder goes after the file.
 */
export function oneTaskRun(label: string): { readonly scratch: string; readonly run: (...extra: string[]) => ReturnType<typeof runKbench> } {
  const scratch = mkdtempSync(join(tmpdir(), `kbench-${label}-`));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const workload = join(scratch, 'one-task.json');
  writeFileSync(
    workload,
    JSON.stringify({
      name: 'one-task',
      description: `one periodic task for the ${label} test`,
      referenceTarget: 'ideal',
      tickHz: 1000,
      tasks: [{ name: 'solo', priority: 1, trigger: { kind: 'periodic', periodUs: 10_000 }, body: [{ op: 'compute', cycles: 3000 }] }],
    }),
  );
  return { scratch, run: (...extra) => runKbench(['run', '--profile', 'ucos2', '--target', 'ideal', '--workload', workload, '--duration-ms', '20', ...extra]) };
}
