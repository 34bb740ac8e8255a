/**
 * What Wang et al. published, as data, each value with where it comes from. The paper's figures
 * survive only as axis ranges and the text's claims (its curves were never tabulated), so the
 * report sets our curves beside those ranges and judges the claims from our rows.
 *
 * Data, not presentation: the experiments read Table 1 and Table 2 from here, and so does the
 * report (which may import experiments/, never the other way).
 *
 * Wang, Zhao, Li, Li, Li: "Analysis and Comparison of Five Kinds of Typical Device-Level Embedded
 * Operating Systems", Journal of Software Engineering and Applications 3:81-90, 2010,
 * doi:10.4236/jsea.2010.31010 (CC-BY 4.0).
 */

/** The paper, for citations. */
export const PAPER = {
  citation: 'Wang, Zhao, Li, Li, Li, "Analysis and Comparison of Five Kinds of Typical Device-Level Embedded Operating Systems", JSEA 3:81-90, 2010, doi:10.4236/jsea.2010.31010',
  shortName: 'Wang et al. 2010',
} as const;

/** Table 2: kernel code size in KB on the ATmega128L, measured with AVR Studio 4 (section 4.3). */
export const TABLE2_CODE_KB = {
  source: 'Wang et al. 2010, section 4.3, Table 2',
  values: { idcx: 3.11, webit: 3.81, worix: 3.32, ukernel: 3.58, ucos2: 3.91 } as Readonly<Record<string, number>>,
  /** Bytes per KB: the paper does not say; kbench reads AVR Studio's KB as 1024 bytes. */
  bytesPerKB: 1024,
} as const;

/** Section 5.2's crossover: past this payload Webit's mean I/O delay exceeds iDCX's (Figure 3). */
export const WEBIT_SLOWER_PAST_PAYLOAD = { value: 0.4, source: 'Wang et al. 2010, section 5.2, Figure 3' } as const;

/** Table 1: the mechanisms of the five OSes (section 3, Table 1). */
export const TABLE1 = {
  source: 'Wang et al. 2010, section 3, Table 1',
  rows: [
    { mechanism: 'preemptive kernel', webit: 'yes', worix: 'yes', ukernel: 'no', idcx: 'yes', ucos2: 'yes' },
    { mechanism: 'priorities', webit: '16', worix: '6', ukernel: '8', idcx: '5', ucos2: '64' },
    { mechanism: 'priority change', webit: 'static', worix: 'dynamic', ukernel: 'dynamic', idcx: 'static', ucos2: 'dynamic' },
    { mechanism: 'scheduling', webit: 'time-slice round robin', worix: 'time-slice round robin', ukernel: 'fixed-priority preemptive', idcx: 'time-slice round robin', ucos2: 'fixed-priority preemptive' },
    { mechanism: 'same-priority tasks', webit: 'yes', worix: 'no', ukernel: 'no', idcx: 'yes', ucos2: 'no' },
    { mechanism: 'max tasks', webit: '32', worix: '16', ukernel: '8', idcx: '8', ucos2: '64 (8 reserved)' },
    { mechanism: 'synchronisation', webit: 'message queue, event flags', worix: 'semaphore, mutex, event flags', ukernel: 'semaphore, mutex, event flags', idcx: 'message queue, event flags', ucos2: 'semaphore, mutex, event flags' },
    { mechanism: 'communication', webit: 'message queue', worix: 'mailbox, message queue', ukernel: 'mailbox, message queue', idcx: 'message queue', ucos2: 'mailbox, message queue' },
    { mechanism: 'priority-inversion avoidance', webit: 'inheritance, ceiling', worix: 'inheritance', ukernel: 'inheritance, ceiling', idcx: 'inheritance', ucos2: 'ceiling' },
  ],
} as const;

/** A published figure: its axes and the range the paper plots, for "theirs beside ours". */
export interface PublishedFigure {
  readonly figure: string;
  readonly what: string;
  readonly x: string;
  readonly yRangeUs: readonly [number, number];
  readonly source: string;
}

/** The paper's figures as their axes give them (the extraction keeps axis labels, not curves). */
export const FIGURES: readonly PublishedFigure[] = [
  { figure: 'Fig. 1', what: 'max interrupt prohibition time (us)', x: 'running tasks 1-8', yRangeUs: [10, 60], source: 'Wang et al. 2010, section 4.1, Figure 1' },
  { figure: 'Fig. 2', what: 'task switching time (us)', x: 'running tasks 1-8', yRangeUs: [15, 45], source: 'Wang et al. 2010, section 4.2, Figure 2' },
  { figure: 'Fig. 3 (delay)', what: 'I/O delay (us), iDCX 128 and Webit 5.0', x: 'payload 0.1-0.8, 7 tasks', yRangeUs: [0, 35], source: 'Wang et al. 2010, section 5.2, Figure 3' },
  { figure: 'Fig. 3 (jitter)', what: 'I/O jitter, iDCX 128 and Webit 5.0', x: 'payload 0.1-0.8, 7 tasks', yRangeUs: [0, 7], source: 'Wang et al. 2010, section 5.2, Figure 3' },
  { figure: 'Fig. 4 (delay)', what: 'I/O delay (us), WORIX, uKernel, uC/OS-II 128', x: 'payload 0.1-0.8, 7 tasks', yRangeUs: [0, 30], source: 'Wang et al. 2010, section 5.4, Figure 4' },
  { figure: 'Fig. 4 (jitter)', what: 'I/O jitter, WORIX, uKernel, uC/OS-II 128', x: 'payload 0.1-0.8, 7 tasks', yRangeUs: [0, 25], source: 'Wang et al. 2010, section 5.4, Figure 4' },
];
