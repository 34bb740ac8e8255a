import { IO_PERIOD_RANGE_US, IO_DURATION_MS } from './io-sim.ts';
import { ioExperiment } from './io-figure.ts';
import { INPUT_EVENT_TEXT, THRESHOLDS_TEXT } from './io-input.ts';

/** fig3: I/O delay and jitter against payload for iDCX 128 and Webit 5.0 as fixed-priority kernels, Webit also with the paper's thresholds. */
export const fig3 = ioExperiment(
  'fig3',
  "I/O delay and jitter vs payload, 7 tasks: iDCX 128 and Webit 5.0, fixed priority; Webit also with the paper's thresholds",
  `Per payload point (0.1-0.8) and target, seeded random task sets of 7 periodic tasks (UUniFast utilisations summing to the payload, periods log-uniform in ${IO_PERIOD_RANGE_US.min / 1000}-${IO_PERIOD_RANGE_US.max / 1000} ms rounded to the 1 ms tick, rate-monotonic priorities folded into the kernel's levels: iDCX's 5 levels put the 3 least urgent tasks on one level with its 5-tick round-robin slice). Each set runs at least ${IO_DURATION_MS} ms (longer by the horizon rule of experiments/horizon.ts) on the kernel as Table 1 describes it (fixed priority, its own ready table and timer). ${INPUT_EVENT_TEXT} ${THRESHOLDS_TEXT} Webit runs both plain and with thresholds; iDCX plain.`,
  [
    { profile: 'idcx', framing: 'fixed-priority', variant: 'plain' },
    { profile: 'webit', framing: 'fixed-priority', variant: 'plain' },
    { profile: 'webit', framing: 'fixed-priority', variant: 'thresholds' },
  ],
);
