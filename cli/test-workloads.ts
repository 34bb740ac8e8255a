import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { avr } from '../hardware/targets/index.ts';
import { msToCycles } from '../hardware/units.ts';

/** A periodic task for `writePeriodicWorkload`: computes `computeMs` of AVR time every `periodMs` (deadline = period). */
export interface PeriodicTask {
  readonly periodMs: number;
  readonly computeMs: number;
}

/**
 * Writes a workload file of periodic tasks on the AVR (distinct priorities in the order given,
 * 1 kHz tick) and returns its path: the task sets the CLI tests check exit codes with.
 */
export function writePeriodicWorkload(dir: string, name: string, tasks: readonly PeriodicTask[]): string {
  const workload = {
    name,
    description: 'a periodic task set for the CLI tests',
    referenceTarget: avr.id,
    tickHz: 1000,
    tasks: tasks.map((t, i) => ({
      name: `t${i + 1}`,
      priority: i + 1,
      trigger: { kind: 'periodic', periodUs: t.periodMs * 1000 },
      body: [{ op: 'compute', cycles: msToCycles(avr, t.computeMs) }],
    })),
  };
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(workload));
  return path;
}
