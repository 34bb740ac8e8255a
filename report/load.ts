import type { Row } from '../experiments/contract.ts';
import { readManifest, type Manifest } from '../experiments/runner/manifest.ts';
import { readResults } from '../experiments/runner/results-files.ts';
import type { ResultsSet } from './claims.ts';

/** The experiments the paper reproduction needs (issue 5), in report order. */
export const PAPER_EXPERIMENTS = ['fig1', 'fig2', 'table1', 'table2', 'fig3', 'fig4', 'bounds', 'indicators', 'breakdown'] as const;

/** What the report is built from: the rows of every experiment with results, and the manifest. */
export interface ReportInput {
  readonly results: ResultsSet;
  readonly manifest: Manifest;
  /** Experiment ids with results, in report order. */
  readonly order: readonly string[];
}

/** Reads results/ for the given experiment ids (registered ones first, then the paper's). */
export function loadResults(resultsDir: string, ids: readonly string[]): ReportInput {
  const results = new Map<string, readonly Row[]>();
  const order: string[] = [];
  for (const id of [...new Set([...ids, ...PAPER_EXPERIMENTS])]) {
    const result = readResults(resultsDir, id);
    if (result === undefined) continue;
    results.set(id, result.rows);
    order.push(id);
  }
  return { results, manifest: readManifest(resultsDir), order };
}
