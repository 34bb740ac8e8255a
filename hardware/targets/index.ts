import { Registry } from '../registry.ts';
import type { Target } from '../target.ts';
import { avr } from './avr.ts';
import { ideal } from './ideal.ts';
import { m4 } from './m4.ts';
import { m4F407 } from './m4-f407.ts';

/** A real MCU needs its work per cycle, or application work could not be carried onto it. */
function checkTarget(t: Target): void {
  if (t.zeroCost !== true && t.coremarkPerMhz === undefined) throw new RangeError(`target ${t.id}: coremarkPerMhz is required on a real MCU (scales application work onto it)`);
}

/** Every target, in listing order. A new MCU is one data file plus one line here (or `registerTarget`). */
const targets = new Registry<Target>('target', [avr, m4, m4F407, ideal], checkTarget);

/** Every registered target, in listing order. */
export function allTargets(): readonly Target[] {
  return targets.all();
}

/** The real MCUs: every registered target but the zero-cost ideal machine (for tables of measured parts). */
export function mcuTargets(): readonly Target[] {
  return targets.all().filter((t) => t.zeroCost !== true);
}

/** The targets the paper's studies sweep (`inStudies`), in listing order. */
export function studiedTargets(): readonly Target[] {
  return targets.all().filter((t) => t.inStudies === true);
}

/** Ids of the registered targets. */
export function targetIds(): string[] {
  return targets.ids();
}

/** Looks a target up by id; throws naming the known ids when it does not exist. */
export function getTarget(id: string): Target {
  return targets.get(id);
}

/** Adds a target to every listing and sweep; returns the function that removes it again. */
export function registerTarget(target: Target): () => void {
  return targets.register(target);
}

/** The target run at one of its documented alternative clocks (e.g. the AVR at 7.3728 MHz). */
export function withClock(target: Target, clockHz: number): Target {
  if (clockHz === target.clockHz) return target;
  if (!target.clockOptionsHz.includes(clockHz)) {
    const allowed = [target.clockHz, ...target.clockOptionsHz].join(', ');
    throw new RangeError(`target ${target.id}: clockHz ${clockHz} is not offered; use one of ${allowed}`);
  }
  return { ...target, clockHz, clockOptionsHz: [target.clockHz], name: `${target.name.split(' at ')[0]} at ${clockHz / 1e6} MHz` };
}

export { avr, ideal, m4, m4F407 };
