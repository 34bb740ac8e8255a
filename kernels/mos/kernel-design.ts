import type { KernelDesign, KernelSystem } from '../types.ts';
import * as mosBlocks from './blocks.ts';
import { mosMessageServiceCycles } from './costs.ts';
import { mosDesign } from './design.ts';
import type { MosSystem } from './index.ts';
import { mos } from './os-profile.ts';
import { mosSystemTasks } from './system-tasks.ts';

/** MOS names its lines by kind; experiments look them up as the core kernels name them. */
function withLineMap(system: MosSystem): KernelSystem & { lines: ReadonlyMap<string, number> } {
  const lines = new Map<string, number>([['tick', system.lines.tick], ...system.lines.io]);
  for (const [task, line] of system.lines.sporadic) lines.set(`release:${system.taskNames[task] ?? task}`, line);
  return { run: (until: number) => system.run(until), taskNames: system.taskNames, lines, releaseQuantisation: system.releaseQuantisation };
}

/** MOS in the registry's shape: its design with the MOS profile, line names, and its scheduling in Table 1's words. */
export const mosKernelDesign: KernelDesign = {
  ...mosDesign,
  defaultProfile: mos,
  readyBlocks: () => Object.values(mosBlocks).flat(),
  boot: (profile, options) => withLineMap(mosDesign.boot(profile, options)),
  policy: 'fp',
  systemTasks: (_profile, workload) => mosSystemTasks(workload),
  // Bus objects: a send posts the receiving task, whose receive never blocks.
  receiversBlock: false,
  messageServiceCycles: mosMessageServiceCycles,
  ownScheduling: { rule: 'execution levels: a higher level preempts, tasks on a level run to completion', preemption: 'between levels only' },
};
