import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';

/**
 * What an interrupted `reproduce` has finished so far, so that the next run picks up where it
 * stopped: unit results in chunk files and a marker per finished experiment, under a directory
 * keyed by the source fingerprint and mode (changed code starts afresh). Every file is written
 * whole (write then rename); a complete run deletes the lot.
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

  /** Unit results already computed for an experiment: unit index to JSON text. */
  load(id: string): Map<number, string> {
    const found = new Map<number, string>();
    const dir = this.experimentDir(id);
    if (!existsSync(dir)) return found;
    for (const name of readdirSync(dir).sort()) {
      if (!/^chunk-.*\.json$/.test(name)) continue;
      const chunk = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, string>;
      for (const [index, json] of Object.entries(chunk)) found.set(Number(index), json);
    }
    return found;
  }

  /** Records finished units of an experiment. */
  save(id: string, results: ReadonlyMap<number, string>): void {
    if (results.size === 0) return;
    const name = `chunk-${process.pid}-${String(this.chunk++).padStart(6, '0')}.json`;
    writeFileAtomic(join(this.experimentDir(id), name), JSON.stringify(Object.fromEntries(results)));
  }

  /** True when an earlier run of the same code finished this experiment and wrote its results. */
  isDone(id: string): boolean {
    return existsSync(join(this.experimentDir(id), 'done'));
  }

  /** Marks an experiment finished (after its results files are in place). */
  markDone(id: string): void {
    mkdirSync(this.experimentDir(id), { recursive: true });
    writeFileAtomic(join(this.experimentDir(id), 'done'), '');
  }

  /** Forgets everything: the run completed. */
  clear(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
