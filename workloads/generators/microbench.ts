import type { Step, TaskSpec, Workload } from '../types.ts';

/*
 * Kernel micro-benchmarks as workloads. Each is a tiny task set whose structure forces the kernel
 * path the benchmark times; the metric itself comes from the probe (switch, release, semaphore and
 * message events), not from these files. Work per job is a counting loop of COUNT_CYCLES (the
 * Thread-Metric style: each job bumps a counter), small so kernel paths dominate.
 *
 * Sources: Kar and Porter, "Rhealstones: a real-time benchmarking proposal", Dr. Dobb's Journal
 * 14(2), 1989 (six Rhealstones); Q/GDW 12180-2021 kernel real-time indicators (task switching,
 * channel communication, semaphore shuffling, signal reception); Express Logic's Thread-Metric
 * suite (tm_*_test.c: cooperative and preemptive scheduling, interrupt, message, synchronisation).
 */

const TICK_HZ = 1000;
const TICK_US = 1e6 / TICK_HZ;
/** One counter increment and loop test on the AVR (a 32-bit add and compare), inferred. */
const COUNT_CYCLES = 20;
const count: Step = { op: 'compute', cycles: COUNT_CYCLES };
/**
 * A long count: 60000 loop passes, 150 ms on the 8 MHz AVR and, scaled by workloads/scaling.ts,
 * over a millisecond on the 200 MHz Cortex-M4, so a 1 kHz tick always lands inside it (inferred).
 */
const LONG_COUNT_CYCLES = COUNT_CYCLES * 60_000;

function periodic(name: string, priority: number, ticks: number, body: Step[], source: string): TaskSpec {
  return { name, priority, trigger: { kind: 'periodic', periodUs: ticks * TICK_US }, body, source };
}

function workload(name: string, description: string, tasks: TaskSpec[], extra: Partial<Workload> = {}): Workload {
  return { name, description, referenceTarget: 'avr', tickHz: TICK_HZ, tasks, sources: ['Kar and Porter 1989; Q/GDW 12180-2021; Thread-Metric'], ...extra };
}

/** The six Rhealstones, the four Q/GDW 12180 indicators and the Thread-Metric tests, by workload name. */
export const MICROBENCHMARKS: Readonly<Record<string, () => Workload>> = {
  'rhealstone-task-switch': () =>
    workload('rhealstone-task-switch', 'Rhealstone 1: switch between equal-priority tasks; both wake on the same tick and run one after the other.', [
      periodic('a', 1, 1, [count], 'Kar and Porter 1989, task-switch time: independent active tasks of equal priority'),
      periodic('b', 1, 1, [count], 'Kar and Porter 1989, task-switch time'),
    ]),
  'rhealstone-preemption': () =>
    workload('rhealstone-preemption', 'Rhealstone 2: a tick-released high-priority task preempts a busy low-priority one.', [
      periodic('high', 0, 1, [count, { op: 'io-out' }], 'Kar and Porter 1989, preemption time'),
      periodic(
        'low',
        1,
        200,
        [{ op: 'compute', cycles: LONG_COUNT_CYCLES }],
        'Kar and Porter 1989: the preempted task counts for long; LONG_COUNT_CYCLES spans ticks on every target, so ticks release the high task while it runs (inferred)',
      ),
    ]),
  'rhealstone-interrupt-latency': () =>
    workload(
      'rhealstone-interrupt-latency',
      'Rhealstone 3: latency from an I/O interrupt to its ISR while a task computes.',
      [periodic('background', 1, 10, [{ op: 'compute', cycles: COUNT_CYCLES * 200 }], 'Kar and Porter 1989, interrupt latency: the interrupted task')],
      { ioLines: [{ name: 'irq', priority: 0, arrival: { kind: 'sporadic', minInterArrivalUs: 997, maxExtraUs: 500 }, isrCycles: COUNT_CYCLES, source: 'Kar and Porter 1989; spacing off the tick so the interrupt lands at varied points (inferred)' }] },
    ),
  'rhealstone-semaphore-shuffle': () =>
    workload(
      'rhealstone-semaphore-shuffle',
      'Rhealstone 4: the low task takes the semaphore, then wakes the high task, which asks for the semaphore and waits; the low task gives it back and the high task runs.',
      [
        periodic('high', 0, 1, [{ op: 'take', semaphore: 'go' }, { op: 'take', semaphore: 's' }, count, { op: 'give', semaphore: 's' }], 'Kar and Porter 1989, semaphore shuffle'),
        periodic(
          'low',
          1,
          1,
          [{ op: 'take', semaphore: 's' }, { op: 'give', semaphore: 'go' }, { op: 'compute', cycles: COUNT_CYCLES * 10 }, { op: 'give', semaphore: 's' }],
          'Kar and Porter 1989, semaphore shuffle: the holder itself wakes the contender, so the contention happens on every target whatever its speed (inferred)',
        ),
      ],
      { resources: { semaphores: [{ name: 's', initial: 1, max: 1 }, { name: 'go', initial: 0, max: 1 }] } },
    ),
  'rhealstone-deadlock-break': () =>
    workload(
      'rhealstone-deadlock-break',
      'Rhealstone 5: a low task holds a mutex and wakes a high task that needs it and a medium task that does not (priority inversion, broken by the kernel\'s protocol).',
      [
        periodic('high', 0, 1, [{ op: 'wait', flags: 'go', mask: 1 }, { op: 'lock', mutex: 'm' }, count, { op: 'unlock', mutex: 'm' }], 'Kar and Porter 1989, deadlock-break time'),
        periodic('medium', 1, 1, [{ op: 'wait', flags: 'go', mask: 2 }, { op: 'compute', cycles: COUNT_CYCLES * 20 }], 'Kar and Porter 1989'),
        periodic(
          'low',
          2,
          1,
          [{ op: 'lock', mutex: 'm' }, { op: 'set', flags: 'go', mask: 3 }, { op: 'compute', cycles: COUNT_CYCLES * 20 }, { op: 'unlock', mutex: 'm' }],
          'Kar and Porter 1989: the holder wakes both, so the high task meets the held mutex on every target whatever its speed (inferred)',
        ),
      ],
      // No protocol named: each kernel uses its own (inheritance, or uC/OS-II's ceiling).
      { resources: { mutexes: [{ name: 'm' }], eventFlags: [{ name: 'go' }] } },
    ),
  'rhealstone-message-latency': () =>
    workload(
      'rhealstone-message-latency',
      'Rhealstone 6: intertask message latency; a sender posts to a queue a higher-priority receiver waits on.',
      [
        periodic('receiver', 0, 1, [{ op: 'receive', queue: 'q' }, count], 'Kar and Porter 1989, intertask message latency'),
        periodic('sender', 1, 1, [count, { op: 'send', queue: 'q' }], 'Kar and Porter 1989'),
      ],
      { resources: { queues: [{ name: 'q', capacity: 4 }] } },
    ),
  'qgdw-task-switching': () =>
    workload('qgdw-task-switching', 'Q/GDW 12180 indicator: task switching time between two tasks of different priority.', [
      periodic('t1', 0, 1, [count, { op: 'delay', ticks: 1 }], 'Q/GDW 12180-2021: task switching time'),
      periodic('t2', 1, 1, [count], 'Q/GDW 12180-2021: task switching time'),
    ]),
  'qgdw-channel-communication': () =>
    workload(
      'qgdw-channel-communication',
      'Q/GDW 12180 indicator: channel communication time, a message from one task to another through a queue.',
      [
        periodic('consumer', 0, 1, [{ op: 'receive', queue: 'channel' }, count], 'Q/GDW 12180-2021: channel communication time'),
        periodic('producer', 1, 1, [count, { op: 'send', queue: 'channel' }], 'Q/GDW 12180-2021: channel communication time'),
      ],
      { resources: { queues: [{ name: 'channel', capacity: 1 }] } },
    ),
  'qgdw-semaphore-shuffling': () =>
    workload(
      'qgdw-semaphore-shuffling',
      'Q/GDW 12180 indicator: semaphore shuffling time, two tasks passing control back and forth through two semaphores.',
      [
        periodic('ping', 0, 1, [{ op: 'take', semaphore: 'ping' }, count, { op: 'give', semaphore: 'pong' }], 'Q/GDW 12180-2021: semaphore shuffling time'),
        periodic('pong', 1, 1, [{ op: 'give', semaphore: 'ping' }, { op: 'take', semaphore: 'pong' }, count], 'Q/GDW 12180-2021: semaphore shuffling time'),
      ],
      { resources: { semaphores: [{ name: 'ping', initial: 0, max: 1 }, { name: 'pong', initial: 0, max: 1 }] } },
    ),
  'qgdw-signal-reception': () =>
    workload(
      'qgdw-signal-reception',
      'Q/GDW 12180 indicator: signal reception time, from an event-flag set by one task to the waiting task running.',
      [
        periodic('receiver', 0, 1, [{ op: 'wait', flags: 'signal', mask: 1 }, count], 'Q/GDW 12180-2021: signal reception time'),
        periodic('signaller', 1, 1, [count, { op: 'set', flags: 'signal', mask: 1 }], 'Q/GDW 12180-2021: signal reception time'),
      ],
      { resources: { eventFlags: [{ name: 'signal' }] } },
    ),
  'thread-metric-cooperative': () =>
    workload(
      'thread-metric-cooperative',
      'Thread-Metric cooperative scheduling: five equal-priority counting tasks.',
      [1, 2, 3, 4, 5].map((k) => periodic(`counter${k}`, 1, 1, [count], 'Thread-Metric tm_cooperative_scheduling_test.c: five equal-priority tasks, each counts and relinquishes')),
    ),
  'thread-metric-preemptive': () =>
    workload(
      'thread-metric-preemptive',
      'Thread-Metric preemptive scheduling: five counting tasks of distinct priorities, each released in turn.',
      [1, 2, 3, 4, 5].map((k) => periodic(`counter${k}`, k - 1, 1, [count], 'Thread-Metric tm_preemptive_scheduling_test.c: five priorities, each task resumes the next')),
    ),
  'thread-metric-interrupt': () =>
    workload(
      'thread-metric-interrupt',
      'Thread-Metric interrupt processing: an ISR releases a counting task.',
      [
        { name: 'counter', priority: 0, trigger: { kind: 'io', line: 'soft-irq' }, body: [count], source: 'Thread-Metric tm_interrupt_processing_test.c: the ISR posts, the task counts' },
      ],
      {
        ioLines: [{ name: 'soft-irq', priority: 0, arrival: { kind: 'periodic', periodUs: 500 }, isrCycles: COUNT_CYCLES, source: 'Thread-Metric: the test raises a software interrupt in a loop; every 500 us here (inferred)' }],
      },
    ),
  'thread-metric-message': () =>
    workload(
      'thread-metric-message',
      'Thread-Metric message processing: one task sends a message to a queue and receives it back.',
      [periodic('counter', 0, 1, [{ op: 'send', queue: 'q' }, { op: 'receive', queue: 'q' }, count], 'Thread-Metric tm_message_processing_test.c: send and receive a 16-byte message')],
      { resources: { queues: [{ name: 'q', capacity: 1 }] } },
    ),
  'thread-metric-synchronization': () =>
    workload(
      'thread-metric-synchronization',
      'Thread-Metric synchronisation processing: one task gets and puts a semaphore.',
      [periodic('counter', 0, 1, [{ op: 'take', semaphore: 's' }, { op: 'give', semaphore: 's' }, count], 'Thread-Metric tm_synchronization_processing_test.c: semaphore get and put')],
      { resources: { semaphores: [{ name: 's', initial: 1, max: 1 }] } },
    ),
};
