import { describe, expect, it } from 'vitest';
import type { Row } from '../experiments/contract.ts';
import { multiappFigures, multiappSection } from './multiapp.ts';
import { toSvg } from './render.ts';

/** Rows of the documented shapes, small enough to derive the prose by hand. */
function results(): Map<string, readonly Row[]> {
  return new Map<string, readonly Row[]>([
    ['multiapp-isolation', [
      { target: 'm4', apps: 0, isolated: false, switchMeanCycles: 100, switchMaxCycles: 100, switchMeanUs: 0.5, lowestResponseCycles: 1, svcGateCycles: 0, mpuLoadCycles: 0 },
      { target: 'm4', apps: 4, isolated: true, switchMeanCycles: 120, switchMaxCycles: 140, switchMeanUs: 0.6, lowestResponseCycles: 1, svcGateCycles: 44, mpuLoadCycles: 38 },
    ]],
    ['multiapp-faults', [
      { target: 'm4', seed: 1, faultedApp: 'vendor1', faultUs: 21_000, handledUs: 2.5, detectionUs: 9_003, restartUs: 60, recoveredUs: 9_065, faultedLostJobs: 2, faultedRunsInFault: 0, othersWorstInFaultUs: 230, othersWorstUs: 230, othersWorstNoFaultUs: 170, othersMinSlackUs: 8, othersWithinBound: true },
      { target: 'm4', seed: 2, faultedApp: 'vendor2', faultUs: 29_000, handledUs: 2.5, detectionUs: 1_003, restartUs: 62, recoveredUs: 1_067, faultedLostJobs: 3, faultedRunsInFault: 0, othersWorstInFaultUs: 190, othersWorstUs: 200, othersWorstNoFaultUs: 170, othersMinSlackUs: 9, othersWithinBound: true },
    ]],
  ]);
}

describe('the multi-APP report section', () => {
  it('says nothing when no multi-APP experiment or kernel row has results', () => {
    expect(multiappSection(new Map(), [])).toBe('');
  });

  it('writes its numbers from the rows and names what is not measured yet', () => {
    const text = multiappSection(results(), multiappFigures(results()));
    // 140 cycles at 200 MHz = 0.700 us; the gate and MPU from the isolated row.
    expect(text).toContain('4 APPs: mean 0.600 us, longest 0.700 us');
    expect(text).toContain('(38 cycles)');
    expect(text).toContain('(44 cycles)');
    // Detection 1.003 to 9.003 ms, mean 5.003; restart at most 62 us; the others rise by at most 230 - 170 = 60 us.
    expect(text).toContain('1.00 to 9.00 ms after it (mean 5.00 ms');
    expect(text).toContain('the restart takes 62.00 us');
    expect(text).toContain('rises by at most 60.00 us and stays within');
    // Lost 2 + 3 = 5 jobs, 2 to 3 per fault; no run during either fault; in-fault worst max(230, 190).
    expect(text).toContain('get the CPU at no instant from the fault');
    expect(text).toContain('5 of their jobs are lost (2 to 3 per fault');
    expect(text).toContain('respond within 230.00 us');
    // Equal counts read as one number: 2 and 2 lost.
    const same = results();
    same.set('multiapp-faults', (same.get('multiapp-faults') ?? []).map((r) => ({ ...r, faultedLostJobs: 2 })));
    expect(multiappSection(same, [])).toContain('4 of their jobs are lost (2 per fault:');
    expect(text).toContain('Not yet measured: `multiapp-launch`, `multiapp-flash`, `multiapp-heap`, `multiapp-indicators`');
    expect(text).toContain('GD32F450');
  });

  it('draws its charts as SVG', async () => {
    const figures = multiappFigures(results());
    expect(figures.map((f) => f.id)).toEqual(['multiapp-isolation', 'multiapp-faults']);
    for (const f of figures) expect(await toSvg(f.spec)).toMatch(/^<svg/);
  });
});
