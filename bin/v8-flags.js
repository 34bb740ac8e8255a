// The V8 flags kbench runs with: bin/kbench.js sets them before any of kbench loads, and the
// instruction-count bench sets the same in the process it counts.
//
// V8 optimises a function once it has run through its interrupt budget a few times (67,584 bytecode
// bytes in Node 20). With that default, each of reproduce's worker threads spends about 8 s of CPU
// compiling on V8's background threads, much of it on setup and analysis code that runs once per
// unit; on 2 cores that time is taken from the workers. Sixteen times the budget leaves that code in
// the baseline tiers and compiles only what stays hot: the compiler threads' CPU in a full reproduce
// fell from 16-18 s to about 8 s (9 s with the report), the workers' own CPU moved within noise,
// results are unchanged. It only changes when code is optimised, so it is set before any of kbench
// is loaded and holds for the worker threads too (V8 flags are per process).

/** Flags for `v8.setFlagsFromString`, one string. */
export const KBENCH_V8_FLAGS = `--interrupt-budget=${16 * 67_584}`;

// The commands that fill every core with worker threads (reproduce and sweep, one worker per core
// by default) also compile and scavenge in the thread that needs it, not on V8's helper threads.
// There the helpers only compete with the workers for the cores, and a function queued for a
// background compile runs in the baseline tier until a core is free to compile it: on a loaded
// host, for a long time. Set before the workers start, so the workers' isolates, created after,
// compile synchronously, and from then on every thread scavenges its own heap. Full reproduce on 2
// cores: the helpers' CPU fell from about 8.6 s to 0.8 s and results are unchanged. Wall time, in 9
// pairs of runs one after the other on a shared host whose speed drifts by 15-30% within minutes: 6
// faster (by up to 17%, in its slowest phases), 3 slower (by up to 20%, in a round where each run
// was slower than the one before and these ran last); the mean gain, 1.6 s, is inside that noise.
// `--single-threaded` would say the same but cannot be set once Node runs (the garbage collector
// aborts at its next collection), so it would need a second process.

/** Flags added for a command that fills every core with worker threads. */
export const KBENCH_POOL_V8_FLAGS = '--no-concurrent-recompilation --no-parallel-scavenge';

/** Whether the command line (after `kbench`) runs a command that fills the cores with worker threads. */
export function fillsCoresWithWorkers(args) {
  const command = args.find((a) => !a.startsWith('-'));
  return command === 'reproduce' || command === 'sweep';
}
