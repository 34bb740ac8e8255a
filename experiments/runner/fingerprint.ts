import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder at or above `dir` that holds a package.json. */
function packageRootOf(dir: string): string {
  if (existsSync(join(dir, 'package.json'))) return dir;
  const parent = dirname(dir);
  if (parent === dir) throw new Error(`no package.json above ${dir}`);
  return packageRootOf(parent);
}

/**
 * The repository root: the package that holds this file, found upwards because the compiled copy
 * runs from dist/experiments/runner/ and the sources from experiments/runner/.
 */
export const REPO_ROOT = packageRootOf(fileURLToPath(new URL('.', import.meta.url)));

/** Folders whose code decides what an experiment computes. */
const CODE_DIRS = ['hardware', 'kernels', 'workloads', 'analysis', 'experiments'];

function sourceFiles(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.(ts|mjs|json)$/.test(name) && !/\.(test|bench)\.ts$/.test(name)) out.push(path);
  }
}

let cached: string | undefined;

/**
 * A hash of the code that computes results (and the locked dependency versions). Unit results
 * cached for resuming, and shards to merge, are only reused when it matches: changed code means
 * recomputing.
 */
export function sourceFingerprint(): string {
  if (cached !== undefined) return cached;
  const files: string[] = [];
  for (const dir of CODE_DIRS) sourceFiles(join(REPO_ROOT, dir), files);
  const lock = join(REPO_ROOT, 'package-lock.json');
  if (existsSync(lock)) files.push(lock);
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(relative(REPO_ROOT, file).replaceAll('\\', '/'));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  cached = hash.digest('hex').slice(0, 16);
  return cached;
}
