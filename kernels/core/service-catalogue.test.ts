import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { price, type Block, type MicroStep } from '../../hardware/block.ts';
import { avr, m4 } from '../../hardware/targets/index.ts';
import { createEngine, comparedProfiles, footprint, getDesign, getProfile } from '../registry.ts';
import type { OsProfile, ProfileServices } from '../profiles/types.ts';
import { createTimer } from '../timers/index.ts';
import { CORE_SERVICE_BLOCKS, KERNEL_PATHS } from './blocks.ts';
import { serviceGroups } from './footprint.ts';
import { corePathCycles } from './path-cycles.ts';
import { KERNEL_SERVICES, offeredServices, SERVICE_C_FUNCTIONS, serviceBytes } from './service-catalogue.ts';

const timed: ReadonlySet<Block> = new Set(Object.values(KERNEL_PATHS));
const codeOnly = KERNEL_SERVICES.flatMap((s) => s.blocks).filter((b) => !timed.has(b));
const SERVICE_KINDS = ['semaphore', 'mutex', 'queue', 'mailbox', 'flags'] as const satisfies readonly (keyof ProfileServices)[];

function offeredIds(profile: OsProfile): string[] {
  return offeredServices(serviceGroups(profile)).map((s) => s.id);
}

function servicesBytes(profile: OsProfile): number {
  const blocks = new Set<Block>();
  const groups = serviceGroups(profile);
  for (const g of groups) for (const b of CORE_SERVICE_BLOCKS[g]) blocks.add(b);
  for (const s of offeredServices(groups)) for (const b of s.blocks) blocks.add(b);
  return [...blocks].reduce((sum, b) => sum + price(b, avr).bytes, 0);
}

describe('the service catalogue', () => {
  it('names one C function per service, each function beyond the timed paths defined in the services C file it names', () => {
    expect(new Set(Object.values(SERVICE_C_FUNCTIONS)).size).toBe(KERNEL_SERVICES.length);
    const own = KERNEL_SERVICES.filter((s) => s.cFile.startsWith('services/'));
    // The rest (pend, post, the wait-list helpers) are the calibration kernel's, timed whole there.
    expect(KERNEL_SERVICES.length - own.length).toBeLessThan(own.length / 3);
    const sources = new Map<string, string>();
    for (const s of own) {
      const text = sources.get(s.cFile) ?? readFileSync(new URL(`../../calibration/c/${s.cFile}`, import.meta.url), 'utf8');
      sources.set(s.cFile, text);
      // A definition: the name at the start of a declarator followed by its parameter list and a body on the next line.
      expect(new RegExp(`^[A-Za-z_][\\w \\*]*\\b${s.cFunction}\\([^;]*\\)\\n\\{`, 'm').test(text), `${s.cFunction} in ${s.cFile}`).toBe(true);
    }
  });

  it('gives each timed block to at most one function, so every function is sized on its own', () => {
    const owner = new Map<Block, string>();
    for (const s of KERNEL_SERVICES) {
      for (const b of s.blocks) {
        if (!timed.has(b)) continue;
        expect(owner.get(b), `${b.name} in ${s.id}`).toBeUndefined();
        owner.set(b, s.id);
      }
    }
  });

  it('code-only blocks are never executed: none is a kernel path, a ready-structure or timer block', () => {
    const executed = new Set<string>(Object.values(KERNEL_PATHS).map((b) => b.name));
    for (const p of comparedProfiles()) if (p.design !== 'mos') for (const b of getDesign(p.design).readyBlocks(avr, p)) executed.add(b.name);
    for (const id of ['tick-scan', 'sleep-queue', 'timer-info-queue', 'delta-list'] as const) for (const b of createTimer(id, avr, []).blocks) executed.add(b.name);
    expect(codeOnly.length).toBeGreaterThan(KERNEL_SERVICES.length / 2);
    for (const b of codeOnly) expect(executed.has(b.name), b.name).toBe(false);
  });

  it("prices a boot's paths from the timed blocks alone: the record every kernel reads holds no code-only block", () => {
    const cycles = corePathCycles(createEngine('ucos2', avr));
    expect(Object.keys(cycles).sort()).toEqual([...Object.keys(KERNEL_PATHS), 'contextRestore', 'contextSave'].sort());
    for (const [name, b] of Object.entries(KERNEL_PATHS)) expect(cycles[name as keyof typeof KERNEL_PATHS]).toBe(price(b, avr).cycles);
  });

  it('names every block once, so a listing by name finds the block that was priced', () => {
    const byName = new Map<string, Block>();
    for (const b of [...Object.values(KERNEL_PATHS), ...Object.values(CORE_SERVICE_BLOCKS).flat(), ...KERNEL_SERVICES.flatMap((s) => s.blocks)]) {
      const known = byName.get(b.name);
      expect(known === undefined || known === b, b.name).toBe(true);
      byName.set(b.name, b);
    }
  });

  it("loads the globals' base once in a function that touches a kernel global and never in one that does not", () => {
    const opName = (step: MicroStep): string => (typeof step === 'string' ? step : step[0]);
    for (const s of KERNEL_SERVICES) {
      const ops = s.blocks.flatMap((b) => b.ops.map(opName));
      const touchesGlobal = ops.some((o) => o.endsWith('.abs'));
      expect(ops.filter((o) => o === 'globalBase').length, s.id).toBe(touchesGlobal ? 1 : 0);
    }
  });

  it('counts code a timed fast path and wait path share once: no two blocks of one function begin with the same four micro-ops', () => {
    const prefix = (b: Block): string => JSON.stringify(b.ops.slice(0, 4));
    for (const s of KERNEL_SERVICES) {
      const seen = new Map<string, string>();
      for (const b of s.blocks) {
        if (b.ops.length < 4) continue;
        expect(seen.get(prefix(b)), `${s.id}: ${b.name}`).toBeUndefined();
        seen.set(prefix(b), b.name);
      }
    }
  });

  it("sizes each function as the sum of its blocks' bytes, more than its timed path alone where it has one", () => {
    for (const s of KERNEL_SERVICES) {
      for (const t of [avr, m4]) {
        const bytes = serviceBytes(s, t);
        expect(bytes, `${s.id} on ${t.id}`).toBe(s.blocks.reduce((sum, b) => sum + price(b, t).bytes, 0));
        const timedBytes = s.blocks.filter((b) => timed.has(b)).reduce((sum, b) => sum + price(b, t).bytes, 0);
        expect(bytes, `${s.id} on ${t.id}`).toBeGreaterThan(timedBytes);
      }
    }
  });
});

describe('whole-kernel footprints', () => {
  it("count every offered function: the services part is the bytes of the profile's timed groups and whole functions, each block once", () => {
    for (const p of comparedProfiles()) {
      if (p.design === 'mos') continue;
      expect(footprint(p, avr).breakdown['code:services'], p.id).toBe(servicesBytes(p));
    }
  });

  it("include each Table 1 object kind's create, delete, pend, post, accept and query exactly when the profile offers the kind", () => {
    for (const p of comparedProfiles()) {
      if (p.design === 'mos') continue;
      const ids = offeredIds(p);
      for (const kind of SERVICE_KINDS) {
        for (const op of ['create', 'delete', 'pend', 'post', 'accept', 'query']) expect(ids.includes(`${kind}.${op}`), `${p.id} ${kind}.${op}`).toBe(p.services[kind]);
      }
    }
    // Webit's Table 1 row has no semaphore and no mailbox; uC/OS-II's has mutexes.
    expect(offeredIds(getProfile('webit')).some((id) => id.startsWith('semaphore.') || id.startsWith('mailbox.'))).toBe(false);
    expect(offeredIds(getProfile('ucos2'))).toEqual(expect.arrayContaining(['mutex.create', 'mutex.delete', 'mutex.query']));
  });

  it('include task create, delete, suspend, resume and query in every kernel, OSTaskChangePrio only where priorities change dynamically', () => {
    for (const p of comparedProfiles()) {
      if (p.design === 'mos') continue;
      expect(offeredIds(p)).toEqual(expect.arrayContaining(['task.tcb-init', 'task.create', 'task.delete', 'task.suspend', 'task.resume', 'task.query', 'time.delay']));
      expect(offeredIds(p).includes('task.change-priority'), p.id).toBe(p.priorityChange === 'dynamic');
    }
  });

  it('grow with every service a profile offers: dropping any one object kind, or dynamic priorities, shrinks the code on both targets', () => {
    const ucos2 = getProfile('ucos2');
    for (const t of [avr, m4]) {
      const full = footprint(ucos2, t).codeBytes;
      for (const kind of SERVICE_KINDS) expect(footprint({ ...ucos2, services: { ...ucos2.services, [kind]: false } }, t).codeBytes, `${kind} on ${t.id}`).toBeLessThan(full);
      expect(footprint({ ...ucos2, priorityChange: 'static' }, t).codeBytes).toBeLessThan(full);
    }
  });

  it('never shrink when a service is added: each prefix of the object kinds costs no more than the next', () => {
    const base = getProfile('ucos2');
    const none: ProfileServices = { semaphore: false, mutex: false, queue: false, mailbox: false, flags: false };
    let services = none;
    let previous = footprint({ ...base, services }, avr).codeBytes;
    for (const kind of SERVICE_KINDS) {
      services = { ...services, [kind]: true };
      const now = footprint({ ...base, services }, avr).codeBytes;
      expect(now, kind).toBeGreaterThan(previous);
      previous = now;
    }
  });
});
