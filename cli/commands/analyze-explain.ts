import type { BlockingSource } from '../../analysis/blocking.ts';
import type { ExplainedBound, ExplainedInterference } from '../../analysis/explain.ts';

/*
 * One explained bound as a line of `kbench analyze`'s text: every non-zero term, in the order
 * they add up, so a reader can check the sum by hand.
 */

const BLOCKING_WORDS: Readonly<Record<BlockingSource['kind'], string>> = {
  'kernel-section': 'the kernel masked',
  'non-preemptive': 'non-preemptive run of',
  'critical-section': 'critical section of',
  inheritance: 'inherited section of',
};

function blockingText(b: BlockingSource): string {
  return `blocking ${b.cycles} (${BLOCKING_WORDS[b.kind]} ${b.task ?? ''}${b.mutex === null ? '' : ` holding ${b.mutex}`})`.replace(' )', ')');
}

function jobsText(s: ExplainedInterference): string {
  return `${s.name} ${s.jobs} x ${s.costCycles}`;
}

/** `  task = WCRT: own C + earlier jobs + interference ... + kernel terms`, zero terms left out. */
export function explanationLine(e: ExplainedBound): string {
  const k = e.kernel;
  const parts = [
    `own ${e.ownExecutionCycles}`,
    ...(e.earlierOwnJobs > 0 ? [`${e.earlierOwnJobs} earlier own jobs ${e.earlierOwnCycles}`] : []),
    ...(e.offsetCycles > 0 ? [`- arrival ${e.offsetCycles} into the busy period`] : []),
    ...e.interference.filter((s) => s.cycles > 0).map(jobsText),
    ...e.interrupts.filter((s) => s.cycles > 0).map((s) => `ISR ${jobsText(s)}`),
    ...e.blocking.map(blockingText),
    ...(e.jitterCycles > 0 ? [`jitter ${e.jitterCycles}`] : []),
    ...([
      ['tick', k.tickCycles],
      ['releases', k.releaseCycles],
      ['switches', k.switchCycles],
      ['job ends', k.jobEndCycles],
      ['ISR entry/exit', k.isrEntryExitCycles],
      ['masked section', k.criticalSectionCycles],
      ['mutex services', k.mutexServiceCycles],
    ] as const)
      .filter(([, cycles]) => cycles > 0)
      .map(([name, cycles]) => `kernel ${name} ${cycles}`),
  ];
  return `  ${e.task} = ${e.wcrtCycles}: ${parts.join(' + ').replace(/\+ -/g, '-')}`;
}
