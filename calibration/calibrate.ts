import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linearRegression } from 'simple-statistics';
import { avr, m4 } from '../hardware/targets/index.ts';
import { CALIBRATED_PATHS, callReturnCycles, type CalibratedPath } from './model-paths.ts';
import { parseHarnessOutput, type HarnessRun } from './harness-output.ts';
import { buildAvrImage, functionSizes, runOnSimavr, toolVersion } from './toolchain.ts';
import { METHOD_ROUTINES, routineCycles } from './method-routines.ts';

/** A straight line a + b*k fitted over the state sizes. */
export interface Fit {
  readonly a: number;
  readonly b: number;
}

/** One path's calibration: cycles per state size, the fitted lines, and bytes on both targets. */
export interface PathCalibration {
  readonly id: string;
  readonly cFunctions: readonly string[];
  readonly states: readonly { readonly k: number; readonly modelCycles: number; readonly compiledCycles: number }[];
  readonly fit?: { readonly model: Fit; readonly compiled: Fit };
  /** Model (absent where the model does not price the whole function) and compiled bytes per target. */
  readonly bytes: { readonly avr: { readonly model?: number; readonly compiled: number }; readonly m4: { readonly model?: number; readonly compiled: number } };
}

/** What `npm run calibrate` writes. */
export interface Calibration {
  readonly tools: Readonly<Record<string, string>>;
  readonly method: readonly { readonly routine: string; readonly expectedCycles: number; readonly measuredCycles: number }[];
  readonly paths: readonly PathCalibration[];
  /** Every function of every C file, bytes per target (the sizes the footprint is checked against). */
  readonly functions: { readonly avr: Readonly<Record<string, number>>; readonly m4: Readonly<Record<string, number>> };
}

/** Least-squares line through (k, cycles); a single state gives a flat line. */
export function fitLine(points: readonly (readonly [number, number])[]): Fit {
  if (points.length === 0) return { a: 0, b: 0 };
  if (points.length === 1) return { a: (points[0] as readonly [number, number])[1], b: 0 };
  const { m, b } = linearRegression(points.map(([x, y]) => [x, y]));
  return { a: round(b), b: round(m) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function sumSizes(sizes: Readonly<Record<string, number>>, names: readonly string[], target: string): number {
  return names.reduce((sum, n) => {
    const s = sizes[n];
    if (s === undefined) throw new Error(`calibration: no compiled function ${n} for ${target}`);
    return sum + s;
  }, 0);
}

function calibratePath(p: CalibratedPath, run: HarnessRun, sizes: Calibration['functions']): PathCalibration {
  const extra = p.modelCountsCallReturn ? callReturnCycles(avr) : 0;
  const states = p.cycles === undefined ? [] : p.states.map((k) => {
    const measured = run.cycles.get(`${p.id},${k}`);
    if (measured === undefined) throw new Error(`calibration: the harness printed no figure for ${p.id} at k=${k}`);
    return { k, modelCycles: (p.cycles as NonNullable<CalibratedPath['cycles']>)(avr, k), compiledCycles: measured + extra };
  });
  const bytes = {
    avr: { ...(p.bytes === undefined ? {} : { model: p.bytes(avr) }), compiled: sumSizes(sizes.avr, p.cFunctions, 'avr') },
    m4: { ...(p.bytes === undefined ? {} : { model: p.bytes(m4) }), compiled: sumSizes(sizes.m4, p.m4Functions ?? p.cFunctions, 'm4') },
  };
  if (states.length === 0) return { id: p.id, cFunctions: p.cFunctions, states, bytes };
  const fit = {
    model: fitLine(states.map((s) => [s.k, s.modelCycles] as const)),
    compiled: fitLine(states.map((s) => [s.k, s.compiledCycles] as const)),
  };
  return { id: p.id, cFunctions: p.cFunctions, states, fit, bytes };
}

/** Compiles, times and sizes the C kernel, and sets every calibrated path's model figures beside it. */
export function calibrate(): Calibration {
  const dir = mkdtempSync(join(tmpdir(), 'kbench-calibration-'));
  try {
    const run = parseHarnessOutput(runOnSimavr(buildAvrImage(dir)));
    const functions = { avr: functionSizes('avr', dir), m4: functionSizes('m4', dir) };
    const method = METHOD_ROUTINES.map((r) => {
      const measured = run.cycles.get(`method/${r.name},0`);
      if (measured === undefined) throw new Error(`calibration: the harness printed no figure for method/${r.name}`);
      return { routine: r.name, expectedCycles: routineCycles(r, avr), measuredCycles: measured };
    });
    const wrong = method.filter((m) => m.expectedCycles !== m.measuredCycles);
    if (wrong.length > 0) throw new Error(`calibration: the timing method is off: ${wrong.map((m) => `${m.routine} measured ${m.measuredCycles}, expected ${m.expectedCycles}`).join('; ')}`);
    return {
      tools: Object.fromEntries(['avr-gcc', 'simavr', 'arm-none-eabi-gcc'].map((t) => [t, toolVersion(t)])),
      method,
      paths: CALIBRATED_PATHS.map((p) => calibratePath(p, run, functions)),
      functions,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
