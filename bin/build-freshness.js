// Whether dist/ holds a build of the sources as they are now: the CLI runs it only then, so an
// edited kernel never runs as its stale compiled copy.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in bin/). */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where the build goes. */
export const DIST = join(ROOT, 'dist');

/** Written last by a successful build: its time is the build's. */
export const STAMP = join(DIST, '.built');

/** The folders compiled into dist/ (their `.ts` code and the `.json` data the code reads beside itself). */
export const SOURCE_DIRS = ['analysis', 'cli', 'compare', 'experiments', 'hardware', 'kernels', 'lib', 'report', 'system', 'workloads'];

/** Files whose change changes the build: code and data, not tests or benches. */
export const isBuildInput = (name) => (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.bench.ts')) || name.endsWith('.json');

// Plain string paths and suffix tests: this walk runs at every start, so it stays a few milliseconds.
function newestInputMs(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    const ms = entry.isDirectory() ? newestInputMs(path) : isBuildInput(entry.name) ? statSync(path).mtimeMs : 0;
    if (ms > newest) newest = ms;
  }
  return newest;
}

/** True when dist/ was built after the last change to any source or build setting. */
export function isBuildFresh() {
  let builtMs;
  try {
    builtMs = statSync(STAMP).mtimeMs;
  } catch {
    return false;
  }
  const settings = ['tsconfig.json', 'tsconfig.build.json'].map((f) => statSync(join(ROOT, f)).mtimeMs);
  return Math.max(...settings, ...SOURCE_DIRS.map((d) => newestInputMs(join(ROOT, d)))) <= builtMs;
}
