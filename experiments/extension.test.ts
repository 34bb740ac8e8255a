import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Target } from '../hardware/target.ts';
import { allTargets, m4, registerTarget } from '../hardware/targets/index.ts';
import { coreDesign } from '../kernels/core/kernel-design.ts';
import { ucos2 } from '../kernels/profiles/index.ts';
import type { OsProfile } from '../kernels/profiles/types.ts';
import { allDesigns, allProfiles, registerDesign, registerProfile } from '../kernels/registry.ts';
import { tableDriven } from '../kernels/table-driven/index.ts';
import { listKernels } from '../cli/commands/kernels.ts';
import { buildReport } from '../report/build.ts';
import type { Row } from './contract.ts';
import { fig1, sweepProfiles, sweepTargets } from './fig1.ts';
import { writeResults } from './runner/results-files.ts';
import { table2 } from './table2.ts';

/*
 * A new kernel design is its folder plus one registry line, a new MCU its data file plus one: here
 * both are registered from this file alone (a copy of the table-driven design under a new id with
 * its own profile, and the GD32F450 at half its clock), and the studies, the CLI listing and the
 * report pick them up from the registries without another file knowing their ids.
 */

const scratch = mkdtempSync(join(tmpdir(), 'kbench-extension-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The table-driven design under a new id: the same code, so it must measure as uC/OS-II does. */
const copiedDesign = { ...tableDriven, id: 'table-copy' };

/** uC/OS-II's configuration on the copied design, with its own name and colour. */
const copiedProfile: OsProfile = { ...ucos2, id: 'copy-os', name: 'Copy OS (uC/OS-II on a copied design)', displayName: 'Copy OS', color: '#123456', paper: false, design: copiedDesign.id };

/** The GD32F450 run at 100 MHz: the same instructions and cycles as `m4`, each cycle twice as long. */
const slowM4: Target = { ...m4, id: 'm4-100', name: 'GD32F450 (Cortex-M4) at 100 MHz', clockHz: 100_000_000 };

/** Runs `body` with the throwaway design, profile and target registered, and removes them after. */
async function withThrowaways<T>(body: () => Promise<T>): Promise<T> {
  // The design brings its default profile along; the target is the data object alone.
  const removals = [registerDesign(coreDesign(copiedDesign, copiedProfile)), registerTarget(slowM4)];
  try {
    return await body();
  } finally {
    for (const remove of removals.reverse()) remove();
  }
}

const ids = (xs: readonly { id: string }[]): string[] => xs.map((x) => x.id);

describe('a new design and a new MCU, each registered from one place', () => {
  it('run in fig1 and table2, appear in the kernel listing, and the report draws them; the registries are restored after', async () => {
    const before = { designs: ids(allDesigns()), profiles: ids(allProfiles()), targets: ids(allTargets()) };
    const { fig1Rows, table2Rows, listing } = await withThrowaways(async () => {
      // The points that involve the new entries, plus uC/OS-II and m4 to compare them with.
      const units = fig1.units('quick').filter((u) => (u.tasks === 1 || u.tasks === 8) && (u.profile === copiedProfile.id || u.profile === ucos2.id || u.target === m4.id || u.target === slowM4.id));
      const fig1Rows = fig1.reduce(units.map((u) => fig1.runUnit(u)), units, 'quick');
      const sizeUnits = table2.units('quick');
      const table2Rows = table2.reduce(sizeUnits.map((u) => table2.runUnit(u)), sizeUnits, 'quick');
      const resultsDir = join(scratch, 'results');
      writeResults(resultsDir, fig1, { experiment: fig1.id, rows: fig1Rows });
      writeResults(resultsDir, table2, { experiment: table2.id, rows: table2Rows });
      await buildReport({ resultsDir, paperDir: join(scratch, 'paper') });
      return { fig1Rows, table2Rows, listing: await listKernels() };
    });

    const at = (rows: readonly Row[], target: string, profile: string, tasks?: number): Row | undefined =>
      rows.find((r) => r.target === target && r.profile === profile && (tasks === undefined || r.tasks === tasks));
    for (const target of ['avr', m4.id, slowM4.id]) {
      for (const tasks of [1, 8]) {
        // Same design code, same configuration: the copy masks interrupts exactly as long as uC/OS-II.
        const copy = at(fig1Rows, target, copiedProfile.id, tasks);
        expect(copy, `${target}/${tasks}`).toBeDefined();
        expect(copy?.maxIrqOffUs).toBe(at(fig1Rows, target, ucos2.id, tasks)?.maxIrqOffUs);
      }
      // Code bytes are the blocks' bytes, which neither the id nor the clock changes.
      expect(at(table2Rows, target, copiedProfile.id)?.codeBytes).toBe(at(table2Rows, target === slowM4.id ? m4.id : target, ucos2.id)?.codeBytes);
    }
    // Half the clock, the same cycles: every masked interval lasts twice as many microseconds.
    const m4Rows = fig1Rows.filter((r) => r.target === m4.id && r.tasks === 8);
    expect(m4Rows.map((r) => r.profile)).toContain(copiedProfile.id);
    for (const r of m4Rows) {
      const slow = at(fig1Rows, slowM4.id, String(r.profile), 8)?.maxIrqOffUs;
      expect(typeof slow, String(r.profile)).toBe('number');
      expect(slow as number).toBeCloseTo(2 * Number(r.maxIrqOffUs), 9);
    }

    expect(listing.some((r) => r.kind === 'design' && r.id === copiedDesign.id)).toBe(true);
    expect(listing.find((r) => r.kind === 'profile' && r.id === copiedProfile.id)?.codeBytes[slowM4.id]).toBeGreaterThan(0);

    const paper = join(scratch, 'paper');
    const chart = readFileSync(join(paper, 'figures', `fig1-${slowM4.id}.svg`), 'utf8');
    expect(chart).toContain(copiedProfile.displayName);
    expect(chart.toLowerCase()).toContain(copiedProfile.color);
    const report = readFileSync(join(paper, 'REPORT.md'), 'utf8');
    expect(report).toMatch(new RegExp(`\\| Copy OS \\| ${slowM4.id} \\|`));

    expect({ designs: ids(allDesigns()), profiles: ids(allProfiles()), targets: ids(allTargets()) }).toEqual(before);
  }, 120_000);

  it('takes a further profile of an existing design into the sweeps, and removes it again', () => {
    const remove = registerProfile({ ...ucos2, id: 'ucos2-32', name: 'uC/OS-II with 32 priorities', displayName: 'uC/OS-II 32', color: '#654321', paper: false, priorities: 32 });
    try {
      expect(sweepProfiles().at(-1)).toBe('ucos2-32');
      expect(table2.units('quick').filter((u) => u.profile === 'ucos2-32').map((u) => u.target)).toEqual(sweepTargets());
    } finally {
      remove();
    }
    expect(sweepProfiles()).not.toContain('ucos2-32');
  });

  it('refuses a profile whose design is not registered, and a second entry under a taken id', () => {
    expect(() => registerProfile({ ...copiedProfile, design: 'no-such-design' })).toThrow(/profile copy-os: design "no-such-design" is not registered/);
    expect(() => registerTarget(m4)).toThrow(/target "m4" is already registered/);
    expect(() => registerTarget({ ...m4, id: 'm4-no-coremark', coremarkPerMhz: undefined })).toThrow(/target m4-no-coremark: coremarkPerMhz is required/);
  });
});
