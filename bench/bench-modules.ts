import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Engine } from '../hardware/engine.ts';
import type { getTarget } from '../hardware/targets/index.ts';
import type { msToCycles } from '../hardware/units.ts';
import type { installMeterDemo } from '../experiments/avr-meter-demo.ts';
import type { withoutLocks } from '../experiments/breakdown.ts';
import type { allDesigns, bootSystem } from '../kernels/registry.ts';
import type { loadWorkload } from '../workloads/load.ts';
import type { CompiledTree } from './compiled-tree.ts';

/**
 * What the bench uses of one kbench tree. Typed as this checkout has them; a baseline ref is taken
 * to offer the same calls (checked by name when loaded, so an older ref fails with the missing name).
 */
export interface BenchModules {
  readonly label: string;
  readonly Engine: typeof Engine;
  readonly getTarget: typeof getTarget;
  readonly msToCycles: typeof msToCycles;
  readonly installMeterDemo: typeof installMeterDemo;
  readonly withoutLocks: typeof withoutLocks;
  readonly allDesigns: typeof allDesigns;
  readonly bootSystem: typeof bootSystem;
  readonly loadWorkload: typeof loadWorkload;
}

/** Where each export the bench needs lives in a tree. */
const EXPORTS = {
  Engine: 'hardware/engine',
  getTarget: 'hardware/targets/index',
  msToCycles: 'hardware/units',
  installMeterDemo: 'experiments/avr-meter-demo',
  withoutLocks: 'experiments/breakdown',
  allDesigns: 'kernels/registry',
  bootSystem: 'kernels/registry',
  loadWorkload: 'workloads/load',
} as const satisfies Record<Exclude<keyof BenchModules, 'label'>, string>;

/** Imports the bench's exports from a compiled tree; throws naming any export it lacks. */
export async function loadBenchModules(tree: CompiledTree): Promise<BenchModules> {
  const found: Record<string, unknown> = { label: tree.label };
  for (const [name, module] of Object.entries(EXPORTS)) {
    const namespace = (await import(pathToFileURL(join(tree.jsRoot, `${module}.js`)).href)) as Record<string, unknown>;
    if (typeof namespace[name] !== 'function') throw new Error(`${tree.label}: ${module} has no export ${name}; the bench cannot run this tree`);
    found[name] = namespace[name];
  }
  return found as unknown as BenchModules;
}
