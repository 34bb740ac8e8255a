import type { Engine } from '../../hardware/engine.ts';
import type { Target } from '../../hardware/target.ts';
import type { Cycles } from '../../hardware/units.ts';
import { KERNEL_PATHS } from './blocks.ts';
import { priceAll } from './pricing.ts';

/** The priced kernel paths and port blocks, as plain numbers. */
export type CoreCycles = Readonly<Record<keyof typeof KERNEL_PATHS | 'contextSave' | 'contextRestore', Cycles>>;

/** One record per target: every boot on it reads the same prices (a fresh record per boot was a tenth of setup). */
const byTarget = new WeakMap<Target, CoreCycles>();

/** The core's kernel paths and the port's context save and restore priced on `engine`'s target (shared: read only). */
export function corePathCycles(engine: Engine): CoreCycles {
  const known = byTarget.get(engine.target);
  if (known !== undefined) return known;
  const port = engine.portCycles;
  const cycles: CoreCycles = Object.freeze({ ...priceAll(KERNEL_PATHS, engine.target), contextSave: port['context-save'], contextRestore: port['context-restore'] });
  byTarget.set(engine.target, cycles);
  return cycles;
}
