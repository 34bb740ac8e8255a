import { horizonRuleText } from '../experiments/horizon.ts';
import { interruptNesting } from '../kernels/profiles/nesting.ts';
import { DEFAULT_NESTING } from '../kernels/profiles/types.ts';
import { comparedProfiles } from '../kernels/registry.ts';
import { TABLE2_CODE_KB } from '../experiments/published.ts';
import { mcuTargets } from '../hardware/targets/index.ts';
import { A_LITTLE, GROWTH, STABLE_SPREAD } from './claims.ts';
import { markdownTable } from './markdown.ts';
import { pct } from './prose.ts';

/** The report's methods section: cost model, framings and assumptions, with the targets table. */
export function methodsSection(): string {
  const targets = markdownTable(
    mcuTargets().map((t) => ({ id: t.id, part: t.name, clockMHz: t.clockHz / 1e6, ramBytes: t.ramBytes, flashBytes: t.flashBytes, fetch: t.fetchModel })),
  );
  // Nesting is a fact of a core's port: one row per core, naming the targets built on it.
  const cores = [...new Set(mcuTargets().map((t) => t.core))].map((core) => ({ core, targets: mcuTargets().filter((t) => t.core === core).map((t) => t.id).join(', ') }));
  const nesting = markdownTable(
    comparedProfiles().flatMap((p) =>
      cores.map(({ core, targets: on }) => {
        const n = interruptNesting(p, { core });
        return { profile: p.displayName, targets: on, nesting: n.nested ? 'on' : 'off', basis: n.basis, source: n.basis === 'default' ? 'the default rule' : n.source };
      }),
    ),
  );
  return `## Methods

**Cost model.** Time is an integer count of CPU cycles. Kernels execute basic blocks of
target-neutral micro-ops; each target lowers every micro-op to real instructions whose cycles and
bytes come from the datasheet or the ARM Technical Reference Manual, each entry with its source.
Interrupt entry and exit, context save and restore and critical sections are the instruction
sequences of public ports (FreeRTOS ATMega323 and ARM_CM4F, uC/OS-II Cortex-M4), priced
instruction by instruction. Code size is the bytes of every block a configuration includes plus
the port code; nothing is typed in. \`kbench listing\` prints the instructions behind any figure.

**Measurement.** The probe records timestamped events (interrupt raised/entered/left, mask on/off,
switch out/in, job release/start/end, I/O in/out) and reducers compute the metrics from that
stream, as the paper's oscilloscope did from a toggled pin: the max interrupt-disable time is the
longest masked interval; interrupt latency runs from raised to entered; task-switch time from the
paused task's switch-out to the next task's first instruction; I/O delay from a job's release or
I/O event to its output, and jitter is its max minus its min.

**Interrupt nesting.** Whether a kernel's tick ISR re-enables interrupts is a fact of its port, cited
per profile and core beside the value; ${DEFAULT_NESTING.rule}. Fig. 1 also runs every kernel with
nesting forced on and off, and claim 1 is judged on the cited values with that variant beside it.

${nesting}

**Horizons.** Maxima and jitter need many jobs of every task. ${horizonRuleText()}. Figs. 1-4,
the bounds, safety and indicator studies all take their run length from this one rule.

**Framings.** The paper's Table 1 calls uC/OS-II fixed-priority preemptive and uKernel
non-preemptive, yet its section 5 analyses WORIX, uKernel and uC/OS-II as dynamic-priority (EDF).
Each I/O row carries its \`framing\`: Fig. 3 is fixed-priority; Fig. 4 is the paper's
dynamic-priority framing, with uC/OS-II's fixed-priority framing shown beside it.

**Assumptions.** The paper's figures survive only as axis ranges and the text's claims, so our
curves are compared with those ranges and the claims are judged from our rows by the rules stated
in each verdict (stable: a spread of at most ${pct(STABLE_SPREAD)} of the mean; grows: more than ${pct(GROWTH)} from the fewest
to the most tasks; a little above: at most ${A_LITTLE} times). Table 2's KB are taken as ${TABLE2_CODE_KB.bytesPerKB} bytes.
Random task sets, sporadic arrivals and every other draw come from a seeded PRNG (xoshiro128**);
the seeds are in the manifest, and the same code and seeds give byte-identical results.

**Targets.**

${targets}
`;
}
