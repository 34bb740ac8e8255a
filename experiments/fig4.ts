import { IO_PERIOD_RANGE_US, IO_DURATION_MS } from './io-sim.ts';
import { ioExperiment } from './io-figure.ts';
import { INPUT_EVENT_TEXT, THRESHOLDS_TEXT } from './io-input.ts';

/** fig4: I/O delay and jitter against payload for WORIX, uKernel and uC/OS-II in the paper's EDF framing (WORIX also with the paper's thresholds), uC/OS-II's fixed-priority framing beside it. */
export const fig4 = ioExperiment(
  'fig4',
  "I/O delay and jitter vs payload, 7 tasks: WORIX, uKernel, uC/OS-II 128 as the paper frames them (EDF), WORIX also with the paper's thresholds, uC/OS-II also fixed priority",
  `The fig3 task sets (7 periodic tasks, UUniFast utilisation = payload, periods ${IO_PERIOD_RANGE_US.min / 1000}-${IO_PERIOD_RANGE_US.max / 1000} ms on the 1 ms tick, at least ${IO_DURATION_MS} ms per set, longer by the horizon rule of experiments/horizon.ts). Framing 'dynamic-priority' is the paper's section 5: each kernel keeps its own tick/timer strategy, services, limits and preemptiveness (uKernel stays non-preemptive, so it is non-preemptive EDF) but its ready queue is ordered by absolute deadline (deadline = period); the bounds experiment analyses these with the EDF bounds. Framing 'fixed-priority' is uC/OS-II 128 as Table 1 describes it (rate-monotonic priorities on its bitmap ready table). ${INPUT_EVENT_TEXT} ${THRESHOLDS_TEXT} WORIX runs both plain and with thresholds (EDF analysis); the others plain.`,
  [
    { profile: 'worix', framing: 'dynamic-priority', variant: 'plain' },
    { profile: 'worix', framing: 'dynamic-priority', variant: 'thresholds' },
    { profile: 'ukernel', framing: 'dynamic-priority', variant: 'plain' },
    { profile: 'ucos2', framing: 'dynamic-priority', variant: 'plain' },
    { profile: 'ucos2', framing: 'fixed-priority', variant: 'plain' },
  ],
);
