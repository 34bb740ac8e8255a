import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/kbench.js', import.meta.url));

/** What a finished `kbench` process left behind. */
export interface KbenchRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the `kbench` command as a child process (for CLI tests: exit codes and output as a user sees them). */
export function runKbench(...args: string[]): KbenchRun {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
