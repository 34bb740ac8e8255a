import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Calibration } from './calibrate.ts';

/** Where `npm run calibrate` writes its results. */
export const CALIBRATION_FILE = join(import.meta.dirname, '..', 'results', 'calibration.json');

/** The committed calibration, or undefined when it has not been written. */
export function loadCalibration(file = CALIBRATION_FILE): Calibration | undefined {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as Calibration;
}
