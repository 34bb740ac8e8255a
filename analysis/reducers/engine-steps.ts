import type { ReducerFactory } from './reducer.ts';

/** How many events the engine processed in the run: the unit of host speed the benches report. */
export function engineSteps(): ReducerFactory<number> {
  return () => ({ result: (end) => end.engine.steps });
}
