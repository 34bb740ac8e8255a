import { setMaxListeners } from 'node:events';
import { kbench } from './kbench.ts';
import { ExitCode } from './exit-codes.ts';

// A closed pipe (`kbench ... | head`) ends output quietly instead of crashing.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

/**
 * Ctrl-C, for the commands that ask: the first one aborts the signal the runner checks between
 * units (it stops with whole files and exit 130); a second one stops at once, also with 130.
 * Commands that never ask keep Node's default, which ends the process at once.
 */
function interruptOnCtrlC(): AbortSignal {
  const controller = new AbortController();
  process.once('SIGINT', () => {
    process.stderr.write('kbench: stopping; finished units are kept (Ctrl-C again to stop at once)\n');
    controller.abort();
    process.once('SIGINT', () => process.exit(ExitCode.Interrupted));
  });
  // Every experiment running at once waits on this one signal (one listener each, removed when it
  // ends): more than Node's default of 10 is expected, not a leak.
  setMaxListeners(0, controller.signal);
  return controller.signal;
}

process.exitCode = await kbench(process.argv.slice(2), { interruptSignal: interruptOnCtrlC });
