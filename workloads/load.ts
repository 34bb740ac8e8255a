import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Prng } from '../hardware/prng.ts';
import { MICROBENCHMARKS } from './generators/microbench.ts';
import { PAPER_PAYLOADS, PAPER_TASK_COUNTS, paperPayloadWorkload, paperTaskCountWorkload } from './generators/paper-sweeps.ts';
import { randomTaskSet } from './generators/uunifast.ts';
import { parseWorkload, WorkloadError } from './schema.ts';
import type { Workload } from './types.ts';

/** Built-in workloads stored as JSON beside this file, by name. */
const JSON_WORKLOADS: Readonly<Record<string, string>> = {
  meter: 'meter/meter.json',
  'meter-irq-heavy': 'meter/meter-irq-heavy.json',
  'm4-management-module': 'meter/m4-management-module.json',
  'm4-multi-app-meter': 'meter/m4-multi-app-meter.json',
};


/** `uunifast-n<tasks>-u<utilisation>-s<seed>`: a seeded random set on the AVR, periods 1 ms to 1 s on a 1 kHz tick. */
const UUNIFAST_NAME = /^uunifast-n([1-9][0-9]?)-u(0\.[0-9]+|1)-s([0-9]+)$/;

/** Names of every built-in workload (JSON files, the paper's sweeps, the micro-benchmarks). */
export function builtinWorkloadNames(): string[] {
  return [
    ...Object.keys(JSON_WORKLOADS),
    ...PAPER_TASK_COUNTS.map((n) => `paper-tasks-${n}`),
    ...PAPER_PAYLOADS.map((p) => `paper-payload-${p}`),
    'paper-payload-<payload>-s<seed> (the set Figs. 3-4 run for that seed; paper-payload-<payload> is seed 1)',
    ...Object.keys(MICROBENCHMARKS),
    'uunifast-n<tasks>-u<utilisation>-s<seed> (e.g. uunifast-n8-u0.7-s1)',
  ];
}

/** A built-in workload by name (validated), or undefined if no built-in has that name. */
export function builtinWorkload(name: string): Workload | undefined {
  const file = JSON_WORKLOADS[name];
  if (file !== undefined) return readWorkloadFile(fileURLToPath(new URL(file, import.meta.url)));
  const tasks = /^paper-tasks-([1-8])$/.exec(name);
  if (tasks?.[1] !== undefined) return parseWorkload(paperTaskCountWorkload(Number(tasks[1])), name);
  const payload = /^paper-payload-(0\.[1-8])(?:-s([1-9][0-9]*))?$/.exec(name);
  if (payload?.[1] !== undefined) return parseWorkload(paperPayloadWorkload(Number(payload[1]), Number(payload[2] ?? 1)), name);
  const random = UUNIFAST_NAME.exec(name);
  if (random?.[1] !== undefined && random[2] !== undefined && random[3] !== undefined) {
    const options = { tasks: Number(random[1]), utilization: Number(random[2]), minPeriodUs: 1000, maxPeriodUs: 1_000_000, referenceTarget: 'avr', tickHz: 1000 };
    return parseWorkload({ ...randomTaskSet(options, new Prng(Number(random[3]))), name }, name);
  }
  const micro = MICROBENCHMARKS[name];
  return micro === undefined ? undefined : parseWorkload(micro(), name);
}

/** Reads and validates a workload JSON file; throws `WorkloadError` for unreadable, non-JSON or invalid content. */
export function readWorkloadFile(path: string): Workload {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new WorkloadError(`cannot read workload file ${path}: ${(e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new WorkloadError(`workload file ${path} is not valid JSON: ${(e as Error).message}`);
  }
  return parseWorkload(data, path);
}

/** Resolves a built-in workload name or a path to a JSON file; throws `WorkloadError` when neither works. */
export function loadWorkload(nameOrFile: string): Workload {
  const builtin = builtinWorkload(nameOrFile);
  if (builtin !== undefined) return builtin;
  if (existsSync(nameOrFile)) return readWorkloadFile(nameOrFile);
  throw new WorkloadError(`unknown workload "${nameOrFile}": not a file and not a built-in (${builtinWorkloadNames().join(', ')})`);
}
