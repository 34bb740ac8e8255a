import type { RunReport } from '../../analysis/run-report.ts';

/*
 * The text of `kbench run`'s report part: response times, interrupt latency by line, overload
 * warnings and the missed jobs with what ran in their window.
 */

const f = (x: number | null): string => (x === null ? '-' : x.toFixed(2));

/** The report's lines, indented under the run's header. */
export function runReportLines(r: RunReport): string[] {
  const lines = ['  response time, arrival to end (us)   jobs        min /       mean /        max'];
  for (const t of r.responseTimes) lines.push(`  ${t.task.padEnd(34)} ${String(t.response.count).padStart(6)}   ${f(t.response.minUs).padStart(9)} / ${f(t.response.meanUs).padStart(10)} / ${f(t.response.maxUs).padStart(10)}`);
  if (r.irqLatencyByLine.length > 0) {
    lines.push('  interrupt latency, raised to handler entered (us), per line: min / mean / max');
    for (const l of r.irqLatencyByLine) lines.push(`  ${l.line.padEnd(34)} ${String(l.latency.count).padStart(6)}   ${f(l.latency.minUs).padStart(9)} / ${f(l.latency.meanUs).padStart(10)} / ${f(l.latency.maxUs).padStart(10)}`);
  }
  for (const w of r.overload) lines.push(`  warning (overload, ${w.rule} rule): ${w.message}`);
  const missed = r.missedJobs;
  if (missed.lostJobs > 0) lines.push(`  lost jobs: ${missed.lostJobs} (open when their APP was suspended, or due while it was; neither completed nor missed)`);
  if (missed.total > 0) {
    lines.push(`  missed deadlines: ${missed.total} jobs${missed.explained.length < missed.total ? `, the first ${missed.explained.length} explained` : ''}; what ran in each job's window, from its arrival (or release) to its deadline (us):`);
    for (const m of missed.explained) {
      const ended = m.endUs === null ? 'unfinished at the end of the run' : `ended at ${f(m.endUs)}`;
      const ran = m.ranInWindow.map((s) => `${s.name} ${f(s.us)}`).join(', ');
      const from = m.windowStartUs === m.arrivalUs ? 'arrival' : 'release';
      lines.push(`    ${m.task} job ${m.job}: arrived ${f(m.arrivalUs)}, released ${f(m.releaseUs)}, deadline ${f(m.deadlineUs)}, ${ended}; in [${from}, deadline]: ${ran === '' ? 'nothing (released after its deadline)' : ran}`);
    }
  }
  return lines;
}
