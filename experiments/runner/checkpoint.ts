import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';

/**
 * What an interrupted `reproduce` has finished so far, so that the next run picks up where it
 * stopped: unit results in chunk files and a marker per finished experiment (naming its results
 * files with their sha256), under a directory keyed by the source fingerprint and mode (changed
 * code starts afresh). Every file is written whole (write then rename); a complete run deletes the
 * lot.
 */
export class Checkpoint {
  private readonly dir: string;
  private chunk = 0;

  constructor(
    private readonly root: string,
    key: string,
  ) {
    this.dir = join(root, key);
  }

  private experimentDir(id: string): string {
    return join(this.dir, id);
  }

  /**
   * Unit results already computed for an experiment: unit index to JSON text. A chunk that does
   * not parse (edited or damaged from outside: the runner writes whole files) is skipped, so its
   * units are computed again rather than trusted.
   */
  load(id: string): Map<number, string> {
    const found = new Map<number, string>();
    const dir = this.experimentDir(id);
    if (!existsSync(dir)) return found;
    for (const name of readdirSync(dir).sort()) {
      if (!/^chunk-.*\.json$/.test(name)) continue;
      for (const [index, json] of readChunk(join(dir, name))) found.set(index, json);
    }
    return found;
  }

  /** Records finished units of an experiment. */
  save(id: string, results: ReadonlyMap<number, string>): void {
    if (results.size === 0) return;
    const name = `chunk-${process.pid}-${String(this.chunk++).padStart(6, '0')}.json`;
    writeFileAtomic(join(this.experimentDir(id), name), JSON.stringify(Object.fromEntries(results)));
  }

  /**
   * True when an earlier run of the same code finished this experiment and every file its marker
   * claims is still there with the bytes it had: a results file deleted or altered since means the
   * experiment is computed again.
   */
  isDone(id: string): boolean {
    const marker = join(this.experimentDir(id), 'done');
    if (!existsSync(marker)) return false;
    const claimed = readMarker(marker);
    if (claimed === undefined) return false;
    return Object.entries(claimed).every(([path, sha256]) => existsSync(path) && sha256OfFile(path) === sha256);
  }

  /**
   * Marks an experiment finished, after its results files are in place; the marker records the
   * sha256 of each of `files`, which `isDone` checks.
   */
  markDone(id: string, files: readonly string[]): void {
    const claimed: Marker = Object.fromEntries(files.map((f) => [resolve(f), sha256OfFile(f)]));
    writeFileAtomic(join(this.experimentDir(id), 'done'), `${JSON.stringify({ files: claimed })}\n`);
  }

  /** Forgets everything: the run completed. */
  clear(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** A finished marker's claims: absolute path to sha256 of the file's bytes. */
type Marker = Readonly<Record<string, string>>;

/** The sha256 of a file's bytes, in hex. */
export function sha256OfFile(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function readMarker(path: string): Marker | undefined {
  try {
    const files = (JSON.parse(readFileSync(path, 'utf8')) as { files?: unknown }).files;
    if (typeof files !== 'object' || files === null || Object.keys(files).length === 0) return undefined;
    if (!Object.values(files).every((v) => typeof v === 'string')) return undefined;
    return files as Marker;
  } catch {
    return undefined;
  }
}

function readChunk(path: string): [number, string][] {
  let chunk: unknown;
  try {
    chunk = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return [];
  }
  if (typeof chunk !== 'object' || chunk === null) return [];
  return Object.entries(chunk).flatMap(([index, json]): [number, string][] => (/^\d+$/.test(index) && typeof json === 'string' ? [[Number(index), json]] : []));
}
