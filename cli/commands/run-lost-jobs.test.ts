import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunMetrics } from '../../experiments/run-profile.ts';
import { m4 } from '../../hardware/targets/index.ts';
import { usToCycles } from '../../hardware/units.ts';
import { faultPrices, faultScenario } from '../../multiapp/faults.ts';
import { meterWithApps } from '../../multiapp/fixtures.ts';
import { ExitCode } from '../exit-codes.ts';
import { runKbench } from '../run-kbench.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kbench-run-lost-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Room for the four APPs' RAM zones, as the fault study gives them. */
const KERNEL_RAM_BYTES = 128 * 1024;
const PERIOD_US = 10_000;
const GUARDIAN_PERIOD_US = 10_000;
const HORIZON_US = 100_000;

/**
 * The eight meter tasks (all every 10 ms from 0, each job ending long before the next tick) in four
 * APPs on uC/OS-II on the M4; `vendor1` faults at `faultUs`, the guardian checks every 10 ms. The
 * scenario's workload is written as a file and run through `kbench run --json --check`.
 */
async function faultedRun(faultUs: number) {
  const base = meterWithApps(4);
  const injection = { faultedApp: 'vendor1', faultUs };
  const scenario = faultScenario(base, injection, faultPrices(base, injection, m4, KERNEL_RAM_BYTES), GUARDIAN_PERIOD_US, HORIZON_US);
  const file = join(scratch, `fault-${faultUs}.json`);
  writeFileSync(file, JSON.stringify(scenario.workload));
  const run = await runKbench(['run', '--profile', 'ucos2', '--target', 'm4', '--workload', file, '--duration-ms', String(HORIZON_US / 1000), '--json', '--check']);
  const faulted = base.tasks.filter((t) => t.app === injection.faultedApp).map((t) => t.name);
  return { run, faulted, scenario, others: base.tasks.filter((t) => t.app !== injection.faultedApp).map((t) => t.name) };
}

describe('kbench run on a faulted multi-APP run', () => {
  // By hand, for each of the faulted APP's tasks: the guardian's check released at or after the
  // fault finds it and the restart, released with that check, relaunches the APP within one period
  // (checked below), so exactly one job is lost. At a fault on a release (20 ms) it is the job
  // released with the handler, open when the handler suspends the APP; at a fault between releases
  // (25 ms) it is the job due at the check (30 ms), never released. Neither is a deadline miss.
  it.each([
    { faultUs: 20_000, lostUnreleased: 0 },
    { faultUs: 25_000, lostUnreleased: 1 },
  ])('reports the job lost at a fault at $faultUs us as lost, not as a deadline miss', async ({ faultUs, lostUnreleased }) => {
    const { run, faulted, others, scenario } = await faultedRun(faultUs);
    expect(scenario.prices.restart.total).toBeLessThan(usToCycles(m4, PERIOD_US));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(ExitCode.Ok);
    const m = JSON.parse(run.stdout) as RunMetrics;
    const task = (name: string) => m.tasks.find((t) => t.task === name);
    const unaffected = task(others[0] as string);
    expect(unaffected).toMatchObject({ deadlineMisses: 0, overdueAtEnd: 0, lostJobs: 0 });
    for (const name of faulted) {
      // A job lost unreleased is missing from the task's releases: with it, the task was released as often as an unaffected one.
      expect(task(name)).toMatchObject({ deadlineMisses: 0, overdueAtEnd: 0, lostJobs: 1, releases: (unaffected?.releases ?? 0) - lostUnreleased });
    }
    for (const name of others) expect(task(name)?.lostJobs).toBe(0);
    expect(m.missedJobs).toMatchObject({ total: 0, lostJobs: faulted.length });
  });
});
