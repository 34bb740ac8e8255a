import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { threadId } from 'node:worker_threads';

let sequence = 0;

/**
 * Writes a file so that readers see either the old content or the new, never a half-written file:
 * the data goes to a temporary file in the same directory, which is then renamed over the target
 * (rename is atomic within one file system). Creates the directory if needed.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}-${threadId}-${sequence++}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/** Copies a file with the same guarantee as `writeFileAtomic`. */
export function copyFileAtomic(from: string, to: string): void {
  writeFileAtomic(to, readFileSync(from));
}
