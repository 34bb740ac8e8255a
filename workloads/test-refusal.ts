/**
 * The message of the `kind` error that `run` throws: what the refusal tests compare. Another error
 * is thrown on, and no error at all fails, so a test built on this cannot pass by accident.
 */
export function refusalMessage(run: () => unknown, kind: abstract new (...args: never[]) => Error): string {
  try {
    run();
  } catch (e) {
    if (e instanceof kind) return e.message;
    throw e;
  }
  throw new Error(`expected a ${kind.name}, but nothing was thrown`);
}
