import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExperimentSettings, RunMode } from '../contract.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { REPO_ROOT } from './fingerprint.ts';

/**
 * How one experiment's results were made. Everything that varies from run to run (wall time,
 * dates, worker counts, the commit) lives here, never in the results files, which stay
 * byte-identical across runs of the same code.
 */
export interface ManifestEntry {
  readonly title: string;
  readonly mode: RunMode;
  readonly settings: ExperimentSettings;
  readonly units: number;
  readonly rows: number;
  /** Wall time of the computation (summed over shards for a merge). */
  readonly wallMs: number;
  /** Worker threads, or the shard count for a merge. */
  readonly workers: number;
  readonly shards: number;
  readonly commit: string | null;
  /** True when the working tree had uncommitted changes outside results/ and paper/. */
  readonly dirty: boolean | null;
  readonly node: string;
  readonly sourceFingerprint: string;
  /** sha256 of `results/<id>.json`, to tie the entry to the bytes it describes. */
  readonly resultSha256: string;
  readonly finishedAt: string;
}

/** `results/manifest.json`. */
export interface Manifest {
  readonly experiments: Readonly<Record<string, ManifestEntry>>;
}

/** The git commit of the repository and whether its code has uncommitted changes (null outside git). */
export function gitState(): { commit: string | null; dirty: boolean | null } {
  try {
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = git('rev-parse', 'HEAD');
    const dirty = git('status', '--porcelain', '--', '.', ':(exclude)results', ':(exclude)paper').length > 0;
    return { commit, dirty };
  } catch {
    return { commit: null, dirty: null };
  }
}

/** Reads a results directory's manifest (empty when there is none yet). */
export function readManifest(resultsDir: string): Manifest {
  const path = join(resultsDir, 'manifest.json');
  if (!existsSync(path)) return { experiments: {} };
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** Sets one experiment's entry, keeping the others, entries sorted by id. */
export function recordInManifest(resultsDir: string, id: string, entry: ManifestEntry): void {
  const experiments: Record<string, ManifestEntry> = { ...readManifest(resultsDir).experiments, [id]: entry };
  const sorted = Object.fromEntries(Object.keys(experiments).sort().map((k) => [k, experiments[k] as ManifestEntry]));
  writeFileAtomic(join(resultsDir, 'manifest.json'), `${JSON.stringify({ experiments: sorted }, null, 2)}\n`);
}
