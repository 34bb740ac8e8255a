/**
 * MOS, the modular meter operating system of seed 000 section 3.5: modules with 32 task-message
 * bits, run-to-completion tasks, a few execution levels with one stack each, a bus with a
 * user-group security check. `bootMos` runs a workload on it; `mosFootprint` and `mosCosts` price it.
 */
export { bootMos, type BootMosOptions, type MosSystem } from './boot.ts';
export { mapWorkload, bandLevel, MESSAGE_BITS, MAX_MODULES, MAX_LEVELS, DEFAULT_LEVELS, type MosConfig, type MosModuleSpec, type MosMapping } from './config.ts';
export { mosFootprint, mosLayout, levelStackBytes, defaultTaskStackBytes, type MosLayout } from './footprint.ts';
export { mosCosts, mosSwitchCosts, type MosSwitchCosts } from './costs.ts';
export type { MosStats } from './kernel.ts';
export { MOS_PROFILE, MOS_REFERENCE_LAYOUT, type MosCitation } from './profile.ts';
export { mosDesign } from './design.ts';
