import type { Target } from './target.ts';

/** What a configuration needs of a target's memories. */
export interface MemoryNeed {
  readonly ramBytes: number;
  readonly flashBytes: number;
}

/** Thrown when a configuration does not fit: carries the numbers that did not fit. */
export class MemoryBudgetError extends Error {
  constructor(
    readonly target: string,
    readonly memory: 'ram' | 'flash',
    readonly neededBytes: number,
    readonly availableBytes: number,
    what: string,
  ) {
    super(`${what} does not fit on ${target}: needs ${neededBytes} bytes of ${memory}, ${availableBytes} available (${neededBytes - availableBytes} over)`);
    this.name = 'MemoryBudgetError';
  }
}

/** Checks a configuration's RAM and flash against the target; throws MemoryBudgetError if over. */
export function checkMemoryBudget(target: Target, need: MemoryNeed, what = 'the configuration'): void {
  if (need.ramBytes > target.ramBytes) {
    throw new MemoryBudgetError(target.id, 'ram', need.ramBytes, target.ramBytes, what);
  }
  if (need.flashBytes > target.flashBytes) {
    throw new MemoryBudgetError(target.id, 'flash', need.flashBytes, target.flashBytes, what);
  }
}
