/**
 * The run was stopped from outside (Ctrl-C reaches the runner as an aborted AbortSignal). Every
 * file written so far is whole, so the same command can simply be run again.
 */
export class InterruptedError extends Error {
  constructor() {
    super('interrupted; every file written is whole: rerun the same command (reproduce resumes where it stopped, sweep starts its shard again)');
    this.name = 'InterruptedError';
  }
}

/** Throws InterruptedError when the signal has been aborted (checked between units of work). */
export function throwIfInterrupted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new InterruptedError();
}

/**
 * Settles like `work`, or rejects with InterruptedError as soon as the signal aborts, without
 * waiting for work in flight (whose results the next run recomputes). A later rejection of `work`
 * is absorbed, so it never surfaces as an unhandled rejection.
 */
export function untilInterrupted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new InterruptedError());
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
