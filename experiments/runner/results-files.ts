import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyExperiment, ExperimentResult } from '../contract.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { resultCsv, resultJson } from './serialize.ts';

/** The paths of an experiment's results files: `<dir>/<id>.json` and `<dir>/<id>.csv`. */
export function resultsFilePaths(dir: string, id: string): { readonly json: string; readonly csv: string } {
  return { json: join(dir, `${id}.json`), csv: join(dir, `${id}.csv`) };
}

/** Writes `<dir>/<id>.json` and `<dir>/<id>.csv` (each write then rename); returns the JSON's sha256. */
export function writeResults(dir: string, experiment: AnyExperiment, result: ExperimentResult): string {
  const json = resultJson(result);
  const paths = resultsFilePaths(dir, experiment.id);
  writeFileAtomic(paths.csv, resultCsv(experiment.columns, result.rows));
  writeFileAtomic(paths.json, json);
  return createHash('sha256').update(json).digest('hex');
}

/** Reads `<dir>/<id>.json`, or undefined when the experiment has no results there. */
export function readResults(dir: string, id: string): ExperimentResult | undefined {
  const path = resultsFilePaths(dir, id).json;
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8')) as ExperimentResult;
}
