import type { Target } from '../target.ts';
import { getTarget, withClock } from './index.ts';

/*
 * A target as a user names it: its id, or its id at one of the clocks its data file offers
 * (`avr@7.3728MHz`, the UART-friendly crystal of the ATmega128L). The clock changes microseconds,
 * never cycles: the part's instruction tables are the same at every clock.
 */

const HZ_PER_UNIT: Readonly<Record<string, number>> = { hz: 1, khz: 1e3, mhz: 1e6 };

/** Parses a clock such as `7.3728MHz`, `7372.8kHz` or `7372800Hz` into whole hertz; undefined when it is not one. */
function parseClockHz(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(hz|khz|mhz)$/i.exec(text);
  if (match === null) return undefined;
  const perUnit = HZ_PER_UNIT[(match[2] ?? '').toLowerCase()];
  return perUnit === undefined ? undefined : Math.round(Number(match[1]) * perUnit);
}

/** Looks a target up by `<id>` or `<id>@<clock>` (the clock one the target offers); throws RangeError naming the choices. */
export function resolveTarget(spec: string): Target {
  const at = spec.indexOf('@');
  if (at < 0) return getTarget(spec);
  const target = getTarget(spec.slice(0, at));
  const clockText = spec.slice(at + 1);
  const clockHz = parseClockHz(clockText);
  if (clockHz === undefined) {
    throw new RangeError(`target ${target.id}: clock "${clockText}" is not a frequency; write it as <number>MHz, kHz or Hz (e.g. ${target.id}@${target.clockHz / 1e6}MHz)`);
  }
  return withClock(target, clockHz);
}
