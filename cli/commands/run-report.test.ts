import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunMetrics } from '../../experiments/run-profile.ts';
import { ExitCode } from '../exit-codes.ts';
import { runKbench } from '../run-kbench.ts';
import { writePeriodicWorkload } from '../test-workloads.ts';

const kbench = (...args: string[]) => runKbench(args);
const scratch = mkdtempSync(join(tmpdir(), 'kbench-run-report-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('kbench run reports responses, interrupt latency per line, overload and missed jobs', () => {
  // t1 computes 6 ms of every 10 at the higher priority, t2 6 ms too: 120% of the CPU before any
  // kernel cost. t2's first job (arrival 0, deadline 10 ms) sees t1 run exactly 6 ms of its window.
  const overloaded = writePeriodicWorkload(scratch, 'overloaded', [
    { periodMs: 10, computeMs: 6 },
    { periodMs: 10, computeMs: 6 },
  ]);
  const light = writePeriodicWorkload(scratch, 'light', [{ periodMs: 10, computeMs: 1 }]);
  const args = (workload: string): string[] => ['run', '--profile', 'ucos2', '--target', 'avr', '--workload', workload, '--duration-ms', '100'];

  it('names each missed job with its release, deadline and what ran in its window, summing to the window', async () => {
    const run = await kbench(...args(overloaded), '--json');
    expect(run.status).toBe(ExitCode.Ok);
    const m = JSON.parse(run.stdout) as RunMetrics;
    const t2 = m.tasks.find((t) => t.task === 't2');
    // The kernel's own count of misses (its DeadlineMiss events and jobs overdue at the end) is the total.
    expect(m.missedJobs.total).toBe((t2?.deadlineMisses ?? 0) + (t2?.overdueAtEnd ?? 0));
    const first = m.missedJobs.explained[0];
    expect(first).toMatchObject({ task: 't2', job: 0, arrivalUs: 0, deadlineUs: 10000, windowStartUs: 0 });
    expect(first?.ranInWindow.find((s) => s.name === 't1')?.us).toBe(6000);
    for (const job of m.missedJobs.explained) {
      const total = job.ranInWindow.reduce((sum, s) => sum + s.us, 0);
      expect(total).toBeCloseTo(job.deadlineUs - job.windowStartUs, 2);
    }
  });

  it('gives response times with a histogram over the deadline, and warns of overload by the utilisation rule', async () => {
    const m = JSON.parse((await kbench(...args(overloaded), '--json')).stdout) as RunMetrics;
    const [t1, t2] = m.responseTimes;
    // t1 runs first: 6 ms of its own plus kernel costs far under 1 ms, so every response is in (6, 7] ms.
    expect(t1?.histogram?.edgesUs).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000]);
    expect(t1?.histogram?.counts[6]).toBe(t1?.response.count);
    // Every t2 job ends late: all in the last bin, past the deadline.
    expect(t2?.histogram?.counts.at(-1)).toBe(t2?.response.count);
    expect(m.overload.map((w) => w.rule)).toEqual(['utilisation']);
    expect(m.irqLatencyByLine.map((l) => l.line)).toContain('tick');
  });

  it('prints the same in text, and nothing to warn of for a light load', async () => {
    const text = (await kbench(...args(overloaded))).stdout;
    expect(text).toMatch(/t2 job 0: arrived 0\.00, released 0\.00, deadline 10000\.00, ended at [\d.]+; in \[arrival, deadline\]: t1 6000\.00, t2/);
    expect(text).toMatch(/warning \(overload, utilisation rule\): utilisation with the kernel's overheads is 1\d\d\.\d+% > 100%/);
    expect(text).toMatch(/response time, arrival to end/);
    const calm = JSON.parse((await kbench(...args(light), '--json')).stdout) as RunMetrics;
    expect(calm.overload).toEqual([]);
    expect(calm.missedJobs).toEqual({ explained: [], total: 0, lostJobs: 0 });
  });
});
