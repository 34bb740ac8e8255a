#!/usr/bin/env node
// Runs the compiled CLI from dist/ (built by `npm install` through `prepare`, or `npm run build`),
// which starts in a fraction of a second. When the sources have changed since that build, runs them
// as they are through tsx instead: slower to start, never stale.
import { setFlagsFromString } from 'node:v8';
import { isBuildFresh } from './build-freshness.js';

// V8 optimises a function once it has run through its interrupt budget a few times (67,584 bytecode
// bytes in Node 20). With that default, each of reproduce's worker threads spends about 8 s of CPU
// compiling on V8's background threads, much of it on setup and analysis code that runs once per
// unit; on 2 cores that time is taken from the workers. Sixteen times the budget leaves that code in
// the baseline tiers and compiles only what stays hot: the compiler threads' CPU in a full reproduce
// fell from 16-18 s to about 8 s (9 s with the report), the workers' own CPU moved within noise,
// results are unchanged. It only changes when code is optimised, so it is set before any of kbench
// is loaded and holds for the worker threads too (V8 flags are per process).
setFlagsFromString(`--interrupt-budget=${16 * 67_584}`);

if (isBuildFresh()) {
  await import('../dist/cli/main.js');
} else {
  process.stderr.write('kbench: the sources changed since the last build; running them directly (`npm run build` restores the fast start)\n');
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli/main.ts');
}
