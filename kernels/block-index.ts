import type { Block } from '../hardware/block.ts';
import type { Target } from '../hardware/target.ts';
import { CORE_SERVICE_BLOCKS, KERNEL_PATHS } from './core/blocks.ts';
import { allDesigns, allProfiles, getDesign } from './registry.ts';
import { KERNEL_SERVICES } from './core/service-catalogue.ts';
import { createTimer } from './timers/index.ts';
import { TIMER_STRATEGY_IDS } from './profiles/types.ts';

/** Every kernel block by name on `target`: core services (timed and code-only), each profile's ready structure, each timer strategy. */
export function kernelBlocks(target: Target): ReadonlyMap<string, Block> {
  const all = new Map<string, Block>();
  const add = (b: Block): void => void all.set(b.name, b);
  Object.values(KERNEL_PATHS).forEach(add);
  Object.values(CORE_SERVICE_BLOCKS).flat().forEach(add);
  KERNEL_SERVICES.flatMap((s) => s.blocks).forEach(add);
  for (const p of [...allProfiles(), ...allDesigns().map((d) => d.defaultProfile)]) getDesign(p.design).readyBlocks(target, p).forEach(add);
  for (const id of TIMER_STRATEGY_IDS) createTimer(id, target, []).blocks.forEach(add);
  return all;
}
