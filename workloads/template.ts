import type { Target } from '../hardware/target.ts';
import { usToCycles } from '../hardware/units.ts';
import type { Step, Workload } from './types.ts';

/**
 * A starting workload for `kbench init`: a small meter-like set (a metering interrupt and task, a
 * serial frame handler, a display refresh sharing the energy registers under a mutex) that shows
 * every kind of field in use. JSON has no comments, so each item's `source` says what its numbers
 * mean and asks for the reference the user's own numbers come from. Execution is written here in
 * microseconds of work and converted to cycles on `target`, the file's reference target, so the
 * template means the same load on every MCU.
 */
export function templateWorkload(target: Target): Workload {
  const cycles = (us: number): number => usToCycles(target, us);
  const compute = (worstUs: number, bestUs: number): Step => ({ op: 'compute', cycles: cycles(worstUs), bestCycles: cycles(bestUs) });
  const onTarget = `cycles on ${target.id} at ${target.clockHz / 1e6} MHz`;
  return {
    name: 'my-meter',
    description:
      `A template: replace every item with your own. Units: periods, offsets and deadlines in microseconds; execution in ${onTarget} (the referenceTarget; kbench scales them to other targets by their instruction timings). ` +
      'Priorities: 0 is the most urgent. Each task body runs once per release. Give each number a source (a datasheet section, a measurement, or "inferred"), as the items below do.',
    referenceTarget: target.id,
    tickHz: 1000,
    sources: ['[template] the numbers of this file are placeholders written by kbench init: replace them and cite where yours come from'],
    ioLines: [
      {
        name: 'adc-ready',
        priority: 0,
        arrival: { kind: 'periodic', periodUs: 10_000 },
        isrCycles: cycles(10),
        source: '[template] the metering chip signals a sample block every 10 ms; the ISR acknowledges it and wakes the metering task: 10 us of work (inferred)',
      },
      {
        name: 'uart-rx',
        priority: 1,
        arrival: { kind: 'sporadic', minInterArrivalUs: 1146, maxExtraUs: 500_000 },
        isrCycles: cycles(8),
        source: '[template] DL/T 645 at 9600 baud, 11 bits per byte: a byte every 1146 us at most, up to 500 ms apart; the ISR stores the byte: 8 us of work (inferred)',
      },
    ],
    resources: {
      mutexes: [{ name: 'energy-registers', protocol: 'ceiling' }],
    },
    tasks: [
      {
        name: 'metering',
        priority: 0,
        trigger: { kind: 'io', line: 'adc-ready' },
        deadlineUs: 10_000,
        body: [compute(800, 600), { op: 'lock', mutex: 'energy-registers' }, compute(40, 30), { op: 'unlock', mutex: 'energy-registers' }],
        source: '[template] released by adc-ready: reads the samples and accumulates energy (800 us worst, 600 us best), then updates the shared registers under the mutex (40 us) (inferred)',
      },
      {
        name: 'comms',
        priority: 1,
        trigger: { kind: 'io', line: 'uart-rx' },
        deadlineUs: 20_000,
        body: [compute(300, 50), { op: 'io-out' }],
        source: '[template] released per received byte: parses the frame and, at its end, answers (io-out marks the reply); DL/T 645 allows 20 ms before the response (inferred)',
      },
      {
        name: 'display',
        priority: 2,
        trigger: { kind: 'periodic', periodUs: 500_000 },
        body: [{ op: 'lock', mutex: 'energy-registers' }, compute(60, 40), { op: 'unlock', mutex: 'energy-registers' }, compute(2000, 1500)],
        source: '[template] every 500 ms: copies the registers under the mutex (60 us), then redraws the LCD (2 ms); the deadline defaults to the period (inferred)',
      },
    ],
  };
}
