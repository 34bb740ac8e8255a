import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * kbench's version, from its package.json. Read from disk rather than imported so `--version` and
 * `--help` load nothing else; the file is found by walking up, as the sources sit one folder below it
 * and the compiled CLI two (dist/cli/).
 */
export function kbenchVersion(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'kbench' && typeof pkg.version === 'string') return (cached = pkg.version);
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("kbench's package.json was not found above its sources");
    dir = parent;
  }
}
