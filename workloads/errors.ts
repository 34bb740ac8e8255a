/** A workload that failed validation; the message lists each field path with the rule it breaks. */
export class WorkloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkloadError';
  }
}

/** One broken rule: the path of the field and what the rule says. */
export interface RuleIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

/** Formats a zod path (`tasks.2.body.0.cycles`) the way a reader finds the field: `tasks[2].body[0].cycles`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  return out === '' ? '(root)' : out;
}

/** The error for `issues` of the workload from `origin`: a heading, then one `path: rule` line per issue. */
export function workloadErrorOf(origin: string, issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[]): WorkloadError {
  const lines = issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  return new WorkloadError(`invalid workload ${origin}:\n  ${lines.join('\n  ')}`);
}
