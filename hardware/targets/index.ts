import type { Target } from '../target.ts';
import { avr } from './avr.ts';
import { ideal } from './ideal.ts';
import { m4 } from './m4.ts';
import { m4F407 } from './m4-f407.ts';

/** Every registered target, in listing order. A new MCU is one data file plus one line here. */
export const TARGETS: readonly Target[] = [avr, m4, m4F407, ideal];

/** The real MCUs: every registered target but the zero-cost ideal machine (for tables of measured parts). */
export const MCU_TARGETS: readonly Target[] = TARGETS.filter((t) => t.zeroCost !== true);

/** Ids of the registered targets. */
export const TARGET_IDS: readonly string[] = TARGETS.map((t) => t.id);

/** Looks a target up by id; throws naming the known ids when it does not exist. */
export function getTarget(id: string): Target {
  const target = TARGETS.find((t) => t.id === id);
  if (target === undefined) {
    throw new RangeError(`unknown target "${id}": known targets are ${TARGET_IDS.join(', ')}`);
  }
  return target;
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
