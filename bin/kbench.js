#!/usr/bin/env node
// Runs the compiled CLI from dist/ (built by `npm install` through `prepare`, or `npm run build`),
// which starts in a fraction of a second. When the sources have changed since that build, runs them
// as they are through tsx instead: slower to start, never stale.
import { setFlagsFromString } from 'node:v8';
import { isBuildFresh } from './build-freshness.js';
import { fillsCoresWithWorkers, KBENCH_POOL_V8_FLAGS, KBENCH_V8_FLAGS } from './v8-flags.js';

// V8's flags (bin/v8-flags.js says why), before any of kbench loads.
setFlagsFromString(KBENCH_V8_FLAGS);
if (fillsCoresWithWorkers(process.argv.slice(2))) setFlagsFromString(KBENCH_POOL_V8_FLAGS);

if (isBuildFresh()) {
  await import('../dist/cli/main.js');
} else {
  process.stderr.write('kbench: the sources changed since the last build; running them directly (`npm run build` restores the fast start)\n');
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli/main.ts');
}
