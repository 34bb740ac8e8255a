import type { Row } from '../experiments/contract.ts';
import { IO_PERIOD_RANGE_US, IO_TASKS } from '../experiments/io-sim.ts';
import type { Fig1Row, Fig2Row, IoRow, Table2Row } from '../experiments/paper-rows.ts';
import { TABLE2_CODE_KB } from '../experiments/published.ts';
import { CROSSOVER, judgeClaim10, judgeClaim9 } from './io-claims.ts';
import { getProfile, type OsProfile } from '../kernels/registry.ts';
import { paperProfileIds, profileName } from './profiles.ts';
import { changeWord, pct, plottedRange, relativeChange, signedPct } from './prose.ts';

/*
 * The paper's ten claims, each judged from results rows. A verdict is generated text with the
 * numbers behind it; while an experiment a claim needs has no results, the claim reads "not yet
 * measured". The paper's claims are about the ATmega128L, so verdicts read the `avr` rows.
 */

/** Experiment id to its rows, as read from results/. */
export type ResultsSet = ReadonlyMap<string, readonly Row[]>;

/** A generated verdict. */
export interface Verdict {
  readonly status: 'reproduced' | 'partly reproduced' | 'not reproduced';
  readonly text: string;
}

/** One claim of the paper. */
export interface Claim {
  readonly n: number;
  readonly text: string;
  readonly source: string;
  /** Experiments whose rows the verdict reads. */
  readonly experiments: readonly string[];
  /** The mechanism the paper names, as kbench's profiles model it. */
  readonly mechanism: string;
  /** The verdict, or undefined while the rows it needs are missing. */
  judge(results: ResultsSet): Verdict | undefined;
}

/**
 * kbench's reading of "stable": a time whose spread (largest minus smallest) is at most this
 * fraction of its mean. The paper gives no number; 10% is what an oscilloscope user would call flat.
 */
export const STABLE_SPREAD = 0.1;

/** kbench's reading of "grows": the value at the most tasks exceeds the value at the fewest by this fraction. */
export const GROWTH = 0.05;

/** kbench's reading of "a little above": at most this factor above (and of "much longer": more than this factor). */
export const A_LITTLE = 1.5;

/** kbench's reading of "partly" for an order of several items: at least this share of its pairs in the paper's order. */
export const PARTLY_AGREEING_PAIRS = 0.5;

const TARGET = 'avr';

/** The profile facts the mechanisms below cite, read from the profiles rather than retyped. */
const [webit, idcx, ukernel] = ['webit', 'idcx', 'ukernel'].map(getProfile) as [OsProfile, OsProfile, OsProfile];

/** The paper's Table 2 range in KB, to the tenth it is quoted at. */
const paperKbRange = ((kb: number[]) => `${Math.min(...kb).toFixed(1)}-${Math.max(...kb).toFixed(1)}`)(Object.values(TABLE2_CODE_KB.values));

/** The period range of the I/O figures' random task sets, in milliseconds. */
const ioPeriodsMs = `${IO_PERIOD_RANGE_US.min / 1000}-${IO_PERIOD_RANGE_US.max / 1000} ms`;


function rowsOf<T>(results: ResultsSet, id: string, profiles: readonly string[]): T[] | undefined {
  const rows = results.get(id)?.filter((r) => r.target === TARGET) as T[] | undefined;
  if (rows === undefined) return undefined;
  const present = new Set(rows.map((r) => (r as { profile: string }).profile));
  return profiles.every((p) => present.has(p)) ? rows : undefined;
}

function byTasks<T extends { profile: string; tasks: number }>(rows: readonly T[], profile: string): T[] {
  return rows.filter((r) => r.profile === profile).sort((a, b) => a.tasks - b.tasks);
}

function spreadOf(values: readonly number[]): { min: number; max: number; mean: number; relative: number } {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return { min, max, mean, relative: mean === 0 ? 0 : (max - min) / mean };
}

function us(v: number): string {
  return `${Number(v.toFixed(2))} us`;
}

function fromCount(ok: number, of: number): Verdict['status'] {
  if (ok === of) return 'reproduced';
  return ok === 0 ? 'not reproduced' : 'partly reproduced';
}

function taskCounts<T extends { tasks: number }>(rows: readonly T[]): number[] {
  return [...new Set(rows.map((r) => r.tasks))].sort((a, b) => a - b);
}

/** Task counts at which `profile` has the smallest `key` of the given profiles (ties count). */
function smallestAt<T extends { profile: string; tasks: number }>(rows: readonly T[], profile: string, profiles: readonly string[], key: keyof T): { ok: number; of: number } {
  const counts = taskCounts(rows);
  let ok = 0;
  for (const n of counts) {
    const at = rows.filter((r) => r.tasks === n && profiles.includes(r.profile));
    const mine = at.find((r) => r.profile === profile);
    if (mine !== undefined && at.every((r) => (mine[key] as number) <= (r[key] as number))) ok++;
  }
  return { ok, of: counts.length };
}

/** How a per-task-count series changed, in words a rule picks: "31.38 us at 1 task -> 32.5 us at 8: rises slightly, +3.6%". */
function seriesChange<T extends { tasks: number }>(series: readonly T[], key: keyof T): string {
  const first = series[0];
  const last = series[series.length - 1];
  if (first === undefined || last === undefined) return 'not measured';
  const [a, b] = [first[key] as number, last[key] as number];
  return `${us(a)} at ${first.tasks} task${first.tasks === 1 ? '' : 's'} -> ${us(b)} at ${last.tasks}: ${changeWord(a, b, GROWTH)}, ${signedPct(relativeChange(a, b))}`;
}

function stability(rows: readonly Fig2Row[], profile: string): { stable: boolean; text: string } {
  const series = byTasks(rows, profile);
  const s = spreadOf(series.map((r) => r.switchMeanUs));
  const tasks = `${series[0]?.tasks ?? 0}-${series[series.length - 1]?.tasks ?? 0}`;
  return { stable: s.relative <= STABLE_SPREAD, text: `${profileName(profile)}'s mean switch time spans ${us(s.min)}-${us(s.max)} over ${tasks} tasks (spread ${pct(s.relative)} of its mean)` };
}

/** uC/OS-II's own series in a fig1 column: its value at the fewest and at the most tasks, and the word the change rule gives. */
function ownSeries(rows: readonly Fig1Row[], value: (r: Fig1Row) => number): string {
  const series = byTasks(rows, 'ucos2');
  const first = series[0];
  const last = series[series.length - 1];
  if (first === undefined || last === undefined) return 'none';
  const [a, b] = [value(first), value(last)];
  return `${us(a)} at ${first.tasks} task${first.tasks === 1 ? '' : 's'} -> ${us(b)} at ${last.tasks}: ${changeWord(a, b, GROWTH)}, ${signedPct(relativeChange(a, b))}`;
}

/** Claim 1 judged on the kernels as their ports nest interrupts, with the nesting variant beside it. */
function judgeClaim1(rows: readonly Fig1Row[]): Verdict {
  const paper = paperProfileIds();
  const at = (value: (r: Fig1Row) => number): { ok: number; of: number } => smallestAt(rows.map((r) => ({ ...r, v: value(r) })), 'ucos2', paper, 'v');
  const asPorts = at((r) => r.maxIrqOffUs);
  const allOn = at((r) => r.irqOffNestingOnUs);
  const allOff = at((r) => r.irqOffNestingOffUs);
  const ucosAlone = at((r) => (r.profile === 'ucos2' ? r.irqOffNestingOnUs : r.maxIrqOffUs));
  const basis = (b: Fig1Row['nestingBasis']): string => {
    const ids = paper.filter((p) => rows.some((r) => r.profile === p && r.nestingBasis === b));
    return ids.length === 0 ? 'none' : ids.map((p) => `${profileName(p)} (nesting ${rows.find((r) => r.profile === p)?.nesting ?? '?'})`).join(', ');
  };
  return {
    status: fromCount(asPorts.ok, asPorts.of),
    text:
      `With interrupt nesting as each port has it on the ATmega128L (cited: ${basis('cited')}; the default rule: ${basis('default')}), uC/OS-II has the smallest max interrupt-disable time of the five at ${asPorts.ok} of ${asPorts.of} task counts; its own: ${ownSeries(rows, (r) => r.maxIrqOffUs)}. ` +
      `Sensitivity: with nesting on for uC/OS-II alone it is the smallest at ${ucosAlone.ok} of ${ucosAlone.of} (its own: ${ownSeries(rows, (r) => r.irqOffNestingOnUs)}); with nesting on for every kernel at ${allOn.ok} of ${allOn.of}; with nesting off for every kernel at ${allOff.ok} of ${allOff.of}.`,
  };
}

/** The ten claims of the paper, in its order (reference/five-os-paper.md). */
export const CLAIMS: readonly Claim[] = [
  {
    n: 1,
    text: "uC/OS-II's max interrupt-disable time is the smallest of the five.",
    source: 'section 4.1, Figure 1',
    experiments: ['fig1'],
    mechanism:
      "uC/OS-II makes a task ready or not ready with O(1) bitmap updates (OSRdyGrp/OSRdyTbl), and its tick walks the TCB list with a short critical section per TCB. That shortens the masked time only where the tick ISR runs with interrupts enabled: its public Cortex-M port does (only the per-TCB sections and the switch mask), its public AVR port does not (the AVR clears I on entry and the port never sets it again, so the whole scan is one masked interval that grows with the TCBs). The other four keep interrupts off for their whole timer ISR, as the paper's section 4.1 says of each. The fig1 rows say, per kernel, whether its nesting was cited or follows the default rule, and the sensitivity variant runs every kernel with nesting on and off.",
    judge: (results) => {
      const rows = rowsOf<Fig1Row>(results, 'fig1', paperProfileIds());
      if (rows === undefined) return undefined;
      return judgeClaim1(rows);
    },
  },
  {
    n: 2,
    text: "WORIX's, uKernel's and Webit's max interrupt-disable time grows with the number of tasks.",
    source: 'section 4.1, Figure 1',
    experiments: ['fig1'],
    mechanism:
      "Their kernel-aware ISRs do not nest, so the whole timer ISR is one masked section, and it walks a queue: WORIX's sleep queue, uKernel's waiting list (a delta list: the work grows with the tasks whose sleep reaches zero in that tick, which in the sweep is all of them), Webit's timer_info queue; each task it wakes is also inserted into the ready structure inside that section. The more tasks, the longer interrupts stay off. (iDCX's per-task soft clocks grow the same way.)",
    judge: (results) => {
      const rows = rowsOf<Fig1Row>(results, 'fig1', ['worix', 'ukernel', 'webit']);
      if (rows === undefined) return undefined;
      const parts = ['worix', 'ukernel', 'webit'].map((p) => {
        const series = byTasks(rows, p);
        const first = series[0]?.maxIrqOffUs ?? 0;
        const last = series[series.length - 1]?.maxIrqOffUs ?? 0;
        return { p, grows: last > first * (1 + GROWTH), text: `${profileName(p)} ${seriesChange(series, 'maxIrqOffUs')}` };
      });
      const ok = parts.filter((x) => x.grows).length;
      return { status: fromCount(ok, parts.length), text: `${ok} of ${parts.length} grow by more than ${pct(GROWTH)} from the fewest to the most tasks: ${parts.map((x) => x.text).join('; ')}.` };
    },
  },
  {
    n: 3,
    text: "Webit's timer interrupt is longer than WORIX's (it processes more per tick).",
    source: 'section 4.1, Figure 1',
    experiments: ['fig1'],
    mechanism:
      "Webit's timer_info entries carry a repeat count besides the sleep time, so each entry the tick visits costs more than a WORIX sleep-queue entry; and each task the tick wakes is inserted into Webit's priority-sorted linked ready list by a walk, where WORIX appends it to its priority's queue.",
    judge: (results) => {
      const rows = rowsOf<Fig1Row>(results, 'fig1', ['webit', 'worix']);
      if (rows === undefined) return undefined;
      const counts = taskCounts(rows);
      const ok = counts.filter((n) => {
        const w = rows.find((r) => r.tasks === n && r.profile === 'webit');
        const x = rows.find((r) => r.tasks === n && r.profile === 'worix');
        return w !== undefined && x !== undefined && w.maxIrqOffUs > x.maxIrqOffUs;
      }).length;
      return { status: fromCount(ok, counts.length), text: `Webit's max interrupt-disable time exceeds WORIX's at ${ok} of ${counts.length} task counts.` };
    },
  },
  {
    n: 4,
    text: "uC/OS-II's switch time is stable across the number of tasks.",
    source: 'section 4.2, Figure 2',
    experiments: ['fig2'],
    mechanism: 'Pick-next is two table lookups (OSUnMapTbl on the AVR, CLZ on the M4) whatever the number of tasks.',
    judge: (results) => {
      const rows = rowsOf<Fig2Row>(results, 'fig2', ['ucos2']);
      if (rows === undefined) return undefined;
      const s = stability(rows, 'ucos2');
      return { status: s.stable ? 'reproduced' : 'not reproduced', text: `${s.text}; stable means a spread of at most ${pct(STABLE_SPREAD)}.` };
    },
  },
  {
    n: 5,
    text: "iDCX's switch time is the smallest of the five, and stable.",
    source: 'section 4.2, Figure 2',
    experiments: ['fig2'],
    mechanism:
      "iDCX keeps task_ready_tab sorted on insertion, so pick-next takes the first entry; the sorting cost falls on the release (inside the timer ISR, where it lengthens the interrupt-disable time instead), not on the switch. Webit's sorted linked list is close behind: its head is as quick to find, but it is a pointer, where iDCX's first entry holds an 8-bit task index (ITD), a cheaper load and store on the 8-bit AVR. kbench prices iDCX's blocks like the others' and does not model its hand-written assembly as such.",
    judge: (results) => {
      const rows = rowsOf<Fig2Row>(results, 'fig2', paperProfileIds());
      if (rows === undefined) return undefined;
      const { ok, of } = smallestAt(rows, 'idcx', paperProfileIds(), 'switchMeanUs');
      const s = stability(rows, 'idcx');
      const parts = (ok === of ? 1 : 0) + (s.stable ? 1 : 0);
      return { status: fromCount(parts, 2), text: `iDCX has the smallest mean switch time at ${ok} of ${of} task counts; ${s.text}.` };
    },
  },
  {
    n: 6,
    text: "WORIX's switch time depends on the priority of the task that becomes ready (unstable).",
    source: 'section 4.2, Figure 2',
    experiments: ['fig2'],
    mechanism:
      "Pick-next scans the per-priority queue array from the top until a non-empty queue: one step when a priority-0 task is ready, every level when only the lowest is. In kbench's Fig. 2 set task i has priority i, so as the tasks sleep one by one each switch picks the next lower level, and the last picks the idle task below them all: the switch time rises with the level picked, while the table-driven and sorted picks cost the same at every level.",
    judge: (results) => {
      const rows = rowsOf<Fig2Row>(results, 'fig2', ['worix']);
      if (rows === undefined) return undefined;
      const series = byTasks(rows, 'worix');
      const widest = series.reduce((best, r) => ((r.switchMaxUs - r.switchMinUs) / r.switchMeanUs > (best.switchMaxUs - best.switchMinUs) / best.switchMeanUs ? r : best));
      const relative = (widest.switchMaxUs - widest.switchMinUs) / widest.switchMeanUs;
      return {
        status: relative > STABLE_SPREAD ? 'reproduced' : 'not reproduced',
        text: `WORIX's switch times at ${widest.tasks} tasks range ${us(widest.switchMinUs)}-${us(widest.switchMaxUs)} (${pct(relative)} of the mean; unstable means more than ${pct(STABLE_SPREAD)}).`,
      };
    },
  },
  {
    n: 7,
    text: "uKernel's switch time is stable but a little above uC/OS-II's.",
    source: 'section 4.2, Figure 2',
    experiments: ['fig2'],
    mechanism:
      `OSSched() saves, picks with the 'fast localisation algorithm' and restores. The paper names that algorithm but does not describe it, so kbench models uKernel's ready table as uC/OS-II's table-driven bitmap (one group for its ${ukernel.priorities} priorities) with the same save and restore: its switch runs the very blocks uC/OS-II's does and costs exactly the same. Stable is reproduced; 'a little above uC/OS-II' is not, and cannot be without a description of what uKernel's pick does beyond the bitmap. (Its non-preemption and delta-list timer change when it switches, not what a switch costs.)`,
    judge: (results) => {
      const rows = rowsOf<Fig2Row>(results, 'fig2', ['ukernel', 'ucos2']);
      if (rows === undefined) return undefined;
      const s = stability(rows, 'ukernel');
      const ratios = taskCounts(rows).map((n) => {
        const k = rows.find((r) => r.tasks === n && r.profile === 'ukernel')?.switchMeanUs ?? 0;
        const u = rows.find((r) => r.tasks === n && r.profile === 'ucos2')?.switchMeanUs ?? 1;
        return k / u;
      });
      const above = ratios.every((r) => r > 1 && r <= A_LITTLE);
      const parts = (s.stable ? 1 : 0) + (above ? 1 : 0);
      const r = spreadOf(ratios);
      return {
        status: fromCount(parts, 2),
        text: `${s.text}, so ${s.stable ? 'stable' : 'not stable'}; uKernel / uC/OS-II mean switch time is ${r.min.toFixed(2)}-${r.max.toFixed(2)} over the task counts, so ${above ? '' : 'not '}"a little above" (above 1 and at most ${A_LITTLE} at every task count).`,
      };
    },
  },
  {
    n: 8,
    text: 'Code size: iDCX < WORIX < uKernel < Webit < uC/OS-II.',
    source: 'section 4.3, Table 2',
    experiments: ['table2'],
    mechanism:
      `Code size is the bytes of every function a profile's configuration compiles in, whole (the paths the kernel runs plus each function's argument checks, error returns and untaken branches, and its helpers), with the ready structure, timer and port code: task create, delete, suspend, resume and query and the time services in every kernel, OSTaskChangePrio where priorities change dynamically, and create, delete, pend, post, accept and query of each object kind Table 1 lists, each function's bytes checked against the same uC/OS-II 2.x function compiled with avr-gcc -Os. The order follows from which services and structures each profile carries. uKernel is modelled as uC/OS-II's table-driven core with the same services, so it differs only by its delta-list timer, whose code is larger than uC/OS-II's TCB scan: it lands above uC/OS-II where the paper has it below. Webit carries no semaphore or mailbox code (Table 1), which outweighs its larger timer_info code, so it lands below WORIX and uKernel. kbench's totals are above the paper's ${paperKbRange} KB: every function of the five object kinds compiles to more than that, and uC/OS-II's own size is given as 5 to 24 KB by configuration (Wikipedia, Micro-Controller Operating Systems), so the paper's builds must have left functions out (uC/OS-II's os_cfg.h switches delete, query and accept off one by one) or counted less than the whole kernel; the paper does not say which.`,
    judge: (results) => {
      const order = ['idcx', 'worix', 'ukernel', 'webit', 'ucos2'];
      const rows = rowsOf<Table2Row>(results, 'table2', order);
      if (rows === undefined) return undefined;
      const size = (p: string): number => rows.find((r) => r.profile === p)?.codeBytes ?? 0;
      let agree = 0;
      let pairs = 0;
      for (let i = 0; i < order.length; i++) {
        for (let j = i + 1; j < order.length; j++) {
          pairs++;
          if (size(order[i] as string) < size(order[j] as string)) agree++;
        }
      }
      const ours = [...order].sort((a, b) => size(a) - size(b)).map((p) => `${profileName(p)} ${size(p)} B`).join(' < ');
      return { status: agree === pairs ? 'reproduced' : agree >= PARTLY_AGREEING_PAIRS * pairs ? 'partly reproduced' : 'not reproduced', text: `kbench's order: ${ours}; ${agree} of ${pairs} pairs agree with the paper's order.` };
    },
  },
  {
    n: 9,
    text: `Webit's I/O jitter is below iDCX's while schedulable, the advantage shrinks with payload, and Webit's mean I/O delay exceeds iDCX's past payload ${CROSSOVER}.`,
    source: 'section 5.2, Figure 3',
    experiments: ['fig3'],
    mechanism:
      // The task sets fold into iDCX's levels one task each from the top, the rest sharing the last level.
      `Both run the same seeded task sets as fixed-priority kernels with a sorted ready list. With ${IO_TASKS} tasks, Webit's ${webit.priorities} levels give every task its own priority, so its time slice never acts; iDCX's ${idcx.priorities} levels put the ${IO_TASKS - idcx.priorities + 1} least urgent tasks on one level, where its ${idcx.timeSliceTicks}-tick slice rotates them. The paper credits Webit's lower jitter to its jitter-control strategy, per-task run-to-completion thresholds, so the verdict reads Webit with the thresholds kbench assigns (per set the smallest that keep it schedulable: the longest final non-preemptive regions). The paper's argument is that a final region no release interrupts ends each job at a steadier time; the same region blocks the more urgent tasks released meanwhile, the cost in mean delay the paper names. The kernel paths add microseconds on top: Webit's tick walks its timer_info queue and its release inserts into a linked list, both dearer than iDCX's tick scan and array insert. kbench's jobs take a share of a ${ioPeriodsMs} period, so their delays are milliseconds on the AVR: the paper's ${plottedRange('Fig. 3 (delay)')} axis read in milliseconds (the comparison with the paper's ranges says which reading the data supports).`,
    judge: (results) => {
      const rows = rowsOf<IoRow>(results, 'fig3', ['webit', 'idcx']);
      const verdict = rows === undefined ? undefined : judgeClaim9(rows);
      return verdict === undefined ? undefined : { status: fromCount(verdict.held, verdict.of), text: verdict.text };
    },
  },
  {
    n: 10,
    text: "Among the dynamic three: WORIX has the least jitter without much extra delay; uKernel's jitter is in the middle but its delay is much longer; uC/OS-II has the least delay and the most jitter.",
    source: 'section 5.4, Figure 4',
    experiments: ['fig4'],
    mechanism:
      "In the paper's EDF framing the three share one deadline-ordered ready list; what stays each kernel's own is its tick (WORIX's sleep queue, uKernel's delta list, uC/OS-II's per-TCB scan), WORIX's time slice among equal deadlines, and uKernel's non-preemption. The paper credits WORIX's low jitter to the jitter-control strategy, so the verdict reads WORIX with the run-to-completion thresholds kbench assigns under the EDF analysis (per set the smallest that keep it schedulable); their final non-preemptive regions are meant to steady each job's end, and they delay the jobs with earlier deadlines released meanwhile. uKernel's non-preemption is the same trade taken whole: a job with an earlier deadline waits for the running job to finish. uC/OS-II keeps full preemption, and its tick work differs from the others' by microseconds against jobs of milliseconds. Table 1 calls uC/OS-II fixed-priority and uKernel non-preemptive; fig4 shows uC/OS-II's fixed-priority framing beside its EDF one.",
    judge: (results) => {
      const rows = rowsOf<IoRow>(results, 'fig4', ['worix', 'ukernel', 'ucos2']);
      const verdict = rows === undefined ? undefined : judgeClaim10(rows, A_LITTLE);
      return verdict === undefined ? undefined : { status: fromCount(verdict.held, verdict.of), text: verdict.text };
    },
  },
];
