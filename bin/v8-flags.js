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
