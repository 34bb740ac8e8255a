import { describe, expect, it } from 'vitest';
import { avr, m4 } from '../hardware/targets/index.ts';
import { bootSystem, footprint, getDesign, getProfile } from '../kernels/registry.ts';
import { loadWorkload } from '../workloads/load.ts';
import type { Workload } from '../workloads/types.ts';
import { adaptWorkload } from './adapt.ts';
import { compare } from './compare.ts';

/*
 * `kbench compare` on the multi-APP meter (workloads/meter/m4-multi-app-meter.json), adapted: which
 * kernels host isolated APPs on the Cortex-M4, and why the AVR and MOS cannot.
 */

const meter = loadWorkload('m4-multi-app-meter');
const comparison = compare({ workload: meter, targets: [avr, m4], adapt: true });
const row = (profile: string, target: string) => comparison.rows.find((r) => r.profile === profile && r.target === target);
const firstAppTask = meter.tasks.findIndex((t) => t.app !== undefined);

/** The workload as compare adapts it for `profile`. */
const adaptedFor = (profile: string): Workload => adaptWorkload(meter, getProfile(profile), { keyedByDeadline: getDesign(getProfile(profile).design).policy === 'edf' }).workload;

/** The message the kernel's boot refuses `profile` on `target` with, or undefined when it boots. */
function bootRefusal(profile: string, target: typeof m4): string | undefined {
  try {
    bootSystem({ target, workload: adaptedFor(profile), profile });
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('comparing kernels on the multi-APP meter', () => {
  it('lists liteos-m and freertos as hosted on m4, with the APPs in their footprint', () => {
    for (const profile of ['liteos-m', 'freertos']) {
      const r = row(profile, 'm4');
      expect(r?.hosted).toBe(true);
      // The APPs' zones, heaps and isolation code stay in the row's RAM: adapting dropped no APP.
      const withoutApps: Workload = { ...adaptedFor(profile), apps: [], tasks: adaptedFor(profile).tasks.map(({ app: _app, ...t }) => t) };
      if (r?.hosted === true) expect(r.ramBytes).toBeGreaterThan(footprint(profile, m4, withoutApps).ramBytes);
    }
  });

  it("rejects every AVR row with its boot's reason, the missing SVC gate wherever a kernel exists on the AVR", () => {
    const avrRows = comparison.rows.filter((r) => r.target === 'avr');
    expect(avrRows.length).toBe(comparison.rows.length / 2);
    for (const r of avrRows) {
      expect(r.hosted).toBe(false);
      const refusal = bootRefusal(r.profile, avr);
      expect(refusal).toBeDefined();
      if (r.hosted === false) expect(r.reason.startsWith(refusal ?? '?')).toBe(true);
    }
    // The core kernels on the AVR stop at the first APP task: the ATmega128L has no SVC.
    for (const profile of ['ucos2', 'freertos', 'edf', 'worix', 'ukernel']) {
      const r = row(profile, 'avr');
      expect(r?.hosted === false && r.reason).toBe(`tasks[${firstAppTask}].app: target avr has no SVC gate, so it cannot run an isolated APP's task (use a Cortex-M target)`);
    }
    // liteos-m has no AVR port at all, which is said first.
    const liteos = row('liteos-m', 'avr');
    expect(liteos?.hosted === false && liteos.reason).toMatch(/^target: profile liteos-m has no port for avr/);
  });

  it('rejects MOS on every target for the APPs, with no offer to adapt', () => {
    for (const target of ['avr', 'm4']) {
      const mos = row('mos', target);
      expect(mos?.hosted === false && mos.reason).toBe(`mos: tasks[${firstAppTask}].app: MOS runs no isolated APPs: its modules share one image, with no SVC gate or MPU regions`);
    }
    const plain = compare({ workload: meter, targets: [m4], profiles: [getProfile('mos')], durationMs: 10 });
    const mos = plain.rows[0];
    expect(mos?.hosted === false && mos.reason).not.toMatch(/--adapt/);
  });
});
