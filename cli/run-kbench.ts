import { spawn, type ChildProcess } from 'node:child_process';
import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { kbench, type KbenchEnvironment } from './kbench.ts';

/** What a finished `kbench` left behind: its exit code and what it printed. */
export interface KbenchRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const text = (chunk: string | Uint8Array): string => (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));

function collector(into: string[]): Writable {
  return new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      into.push(text(chunk));
      done();
    },
  });
}

/** A stand-in for a stream's `write` that keeps the text and calls back as a stream would. */
function capture(into: string[]) {
  return (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    into.push(text(chunk));
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    if (done !== undefined) queueMicrotask(done);
    return true;
  };
}

/**
 * Runs `kbench <args>` in this process, as `bin/kbench.js` would run it, and returns the exit code
 * with everything the command printed (stdout, stderr and the console are captured meanwhile, not
 * shown). For tests: the whole CLI path, argument parsing to exit code, without a process start.
 */
export async function runKbench(args: readonly string[], env: KbenchEnvironment = {}): Promise<KbenchRun> {
  const out: string[] = [];
  const err: string[] = [];
  const { stdout, stderr } = process;
  const saved = { out: stdout.write, err: stderr.write, console: globalThis.console };
  stdout.write = capture(out) as typeof stdout.write;
  stderr.write = capture(err) as typeof stderr.write;
  globalThis.console = new Console({ stdout: collector(out), stderr: collector(err) });
  try {
    const status = await kbench(args, env);
    return { status, stdout: out.join(''), stderr: err.join('') };
  } finally {
    stdout.write = saved.out;
    stderr.write = saved.err;
    globalThis.console = saved.console;
  }
}

const bin = fileURLToPath(new URL('../bin/kbench.js', import.meta.url));

/** A `kbench` process under way: the child (to signal it) and its outcome once it exits. */
export interface KbenchProcess {
  readonly child: ChildProcess;
  readonly finished: Promise<KbenchRun & { readonly signal: NodeJS.Signals | null }>;
}

/**
 * Starts `kbench <args>` as a child process, for the few end-to-end tests of what only a process
 * shows (the bin script, Ctrl-C). Everything else goes through `runKbench`, in process.
 */
export function startKbench(args: readonly string[], cwd?: string): KbenchProcess {
  const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const finished = new Promise<KbenchRun & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
  return { child, finished };
}
