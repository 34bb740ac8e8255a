import { horizonRuleText } from '../experiments/horizon.ts';
import { interruptNesting } from '../kernels/profiles/nesting.ts';
import { DEFAULT_NESTING } from '../kernels/profiles/types.ts';
import { comparedProfiles } from '../kernels/registry.ts';
import { TABLE2_CODE_KB } from '../experiments/published.ts';
import { mcuTargets } from '../hardware/targets/index.ts';
import { A_LITTLE, GROWTH, PARTLY_AGREEING_PAIRS, STABLE_SPREAD } from './claims.ts';
import { CLAIM_DELAY, CROSSOVER, JITTER_CONTROL_VARIANT } from './io-claims.ts';
import { READING_SUPPORTED_SHARE } from './io-reading.ts';
import { MIN_PAIRS, PAIRED_CONFIDENCE } from './paired.ts';
import { markdownTable } from './markdown.ts';
import { FLAT_WITHIN, pct } from './prose.ts';

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
to the most tasks, flat: within ${pct(FLAT_WITHIN)}, and slightly between; a little above: at most ${A_LITTLE} times, and much longer: more than ${A_LITTLE} times; an order holds
partly when at least ${pct(PARTLY_AGREEING_PAIRS)} of its pairs agree). Table 2's KB are taken as ${TABLE2_CODE_KB.bytesPerKB} bytes.

**Paired statistics (claims 9 and 10).** Every series of Figs. 3-4 runs the same seeded task sets, so
each comparison a claim makes is judged set by set: the mean of the per-set differences over the
sets both series ran, with its two-sided ${pct(PAIRED_CONFIDENCE)} Student t-interval (n - 1 degrees of freedom, at least
${MIN_PAIRS} sets; the t quantile from the published table for 1-4 degrees of freedom, else the Cornish-Fisher
expansion, within 0.001 of the table). A comparison holds only when its interval excludes 0 on the
claimed side; "A at most ${A_LITTLE} times B" is the difference ${A_LITTLE} B - A. The claims read the ${CLAIM_DELAY.name}
delay (the paper's equations define I/O delay as the response time), Webit and WORIX in the
'${JITTER_CONTROL_VARIANT}' variant (the paper's jitter control), and "past payload ${CROSSOVER}" as every payload
point above it; "while schedulable" keeps the sets the analysis finds schedulable fully preemptive,
and every comparison keeps only the sets in which no task starved (silentTasks 0).
The unit of the paper's I/O axes is read from the data: a reading is supported when more than
${pct(READING_SUPPORTED_SHARE)} of kbench's mean delays fall inside the delay axes under it, and magnitudes are compared on
that reading only; the jitter axes carry no unit and get no ratio.
Random task sets, sporadic arrivals and every other draw come from a seeded PRNG (xoshiro128**);
the seeds are in the manifest, and the same code and seeds give byte-identical results.

**Targets.**

${targets}
`;
}
