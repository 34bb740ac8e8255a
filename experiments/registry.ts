import type { AnyExperiment } from './contract.ts';
import { bounds } from './bounds.ts';
import { breakdown } from './breakdown.ts';
import { fig1 } from './fig1.ts';
import { fig2 } from './fig2.ts';
import { fig3 } from './fig3.ts';
import { fig4 } from './fig4.ts';
import { indicators } from './indicators.ts';
import { irqLatency } from './irq-latency.ts';
import { meterChoice } from './meter-choice.ts';
import { multiappFaults } from './multiapp-faults.ts';
import { multiappFlash } from './multiapp-flash.ts';
import { multiappHeap } from './multiapp-heap.ts';
import { multiappIndicators } from './multiapp-indicators.ts';
import { multiappIsolation } from './multiapp-isolation.ts';
import { multiappLaunch } from './multiapp-launch.ts';
import { portCosts } from './port-costs.ts';
import { safety } from './safety.ts';
import { table1 } from './table1.ts';
import { table2 } from './table2.ts';

/**
 * Every experiment `kbench reproduce` runs, in run and report order. A new experiment is one file
 * in experiments/ plus one line here.
 */
export const EXPERIMENTS: readonly AnyExperiment[] = [portCosts, irqLatency, table1, fig1, fig2, table2, fig3, fig4, bounds, safety, indicators, breakdown, meterChoice, multiappIsolation, multiappLaunch, multiappFlash, multiappHeap, multiappIndicators, multiappFaults];

/** Ids of the registered experiments, in order. */
export const EXPERIMENT_IDS: readonly string[] = EXPERIMENTS.map((e) => e.id);

/** Looks an experiment up by id; throws naming the known ids when it does not exist. */
export function getExperiment(id: string): AnyExperiment {
  const experiment = EXPERIMENTS.find((e) => e.id === id);
  if (experiment === undefined) throw new RangeError(`unknown experiment "${id}": known experiments are ${EXPERIMENT_IDS.join(', ')}`);
  return experiment;
}
