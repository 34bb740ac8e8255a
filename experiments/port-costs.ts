import { portListing, tailChainListing, type Listing } from '../hardware/block.ts';
import { PORT_BLOCKS } from '../hardware/target.ts';
import { getTarget, mcuTargets } from '../hardware/targets/index.ts';
import { cyclesToUs } from '../hardware/units.ts';
import { defineExperiment, roundUs, type Row } from './contract.ts';

/*
 * The price of the port code every kernel shares, per target: interrupt entry and exit, ISR
 * prologue and epilogue, context save and restore, critical-section enter and exit, and the
 * Cortex-M tail-chain. Each figure is the sum of the target's instruction listing, so the report
 * can show what a kernel pays before it does any work of its own.
 */

interface PortCostUnit {
  readonly target: string;
}

interface PortCostLine {
  readonly target: string;
  readonly block: string;
  readonly cycles: number;
  readonly us: number;
  readonly bytes: number;
  readonly instructions: number;
}

function line(target: string, l: Listing): PortCostLine {
  return { target, block: l.block, cycles: l.cycles, us: roundUs(cyclesToUs(getTarget(target), l.cycles)), bytes: l.bytes, instructions: l.lines.length };
}

/** The port-costs experiment: one unit per registered MCU (the ideal machine's port costs nothing). */
export const portCosts = defineExperiment<PortCostUnit, readonly PortCostLine[]>({
  id: 'port-costs',
  title: 'Port code per target: interrupt entry/exit, context save/restore, critical sections, tail-chain',
  description:
    'Cycles, microseconds and bytes of each port sequence, summed from the target instruction listing (`kbench listing --target <t> --block <b>` prints the instructions).',
  columns: ['target', 'block', 'cycles', 'us', 'bytes', 'instructions'],
  settings: () => ({ seeds: [], targets: mcuTargets().map((t) => t.id), durationMs: null }),
  units: () => mcuTargets().map((t) => ({ target: t.id })),
  runUnit: ({ target }) => {
    const t = getTarget(target);
    const lines = PORT_BLOCKS.map((name) => line(target, portListing(name, t)));
    const chain = tailChainListing(t);
    return chain === undefined ? lines : [...lines, line(target, chain)];
  },
  reduce: (results) => results.flat().map((l): Row => ({ ...l })),
});
