/** The figures the timing harness printed, keyed `path,k`. */
export interface HarnessRun {
  readonly cycles: ReadonlyMap<string, number>;
}

/**
 * Reads the harness's USART lines ("path,k,cycles"; the simulator may wrap them in colour codes).
 * Throws when the harness reported a failed check or did not finish.
 */
export function parseHarnessOutput(text: string): HarnessRun {
  const cycles = new Map<string, number>();
  const errors: string[] = [];
  let done = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\u001b\[[0-9;]*m/g, '').trim();
    const err = /ERR,([\w/-]+),(\d+)/.exec(line);
    if (err !== null) errors.push(`${err[1]} at k=${err[2]}`);
    const m = /^([\w/-]+),(\d+),(\d+)\.?$/.exec(line);
    if (m !== null) cycles.set(`${m[1]},${m[2]}`, Number(m[3]));
    if (/^DONE\.?$/.test(line)) done = true;
  }
  if (errors.length > 0) throw new Error(`calibration: the harness's state checks failed: ${errors.join(', ')}`);
  if (!done) throw new Error(`calibration: the harness did not finish; its output was:\n${text}`);
  return { cycles };
}
