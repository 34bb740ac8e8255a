import { kbenchVersion } from './version.ts';

/**
 * The shapes of the CLI's JSON outputs, each with its format version: raise a shape's number when
 * it changes in a way a reader of the old shape would misread (a field renamed, removed or given
 * new units); adding a field keeps it.
 */
export const JSON_FORMATS = {
  analyze: 1,
  // `run --trace`: the stamp goes in the trace file's otherData, the rest is Chrome's trace-event format.
  'chrome-trace': 1,
  compare: 1,
  demo: 1,
  experiments: 1,
  'kernel-blocks': 1,
  'kernel-listing': 1,
  kernels: 1,
  listing: 1,
  merge: 1,
  report: 1,
  reproduce: 1,
  run: 1,
  sweep: 1,
  targets: 1,
} as const;

/** The name of one JSON output shape of the CLI. */
export type JsonFormat = keyof typeof JSON_FORMATS;

/** What every JSON output starts with: which kbench wrote it and in which shape. */
export interface JsonStamp {
  readonly kbenchVersion: string;
  readonly format: JsonFormat;
  readonly formatVersion: number;
}

/** The stamp of one output shape, for this kbench. */
export function jsonStamp(format: JsonFormat): JsonStamp {
  return { kbenchVersion: kbenchVersion(), format, formatVersion: JSON_FORMATS[format] };
}

/**
 * Prints an output as indented JSON on stdout (the `--json` form of every command), stamped with
 * the kbench version and the shape's format version. The value is an object, never a bare array,
 * so the stamp has somewhere to go: a list goes under a named field.
 */
export function printJson<T extends object>(format: JsonFormat, value: T extends readonly unknown[] ? never : T): void {
  const stamp = jsonStamp(format);
  // A field of the value under a stamp's name would be silently overwritten: a bug, not an input.
  const clash = Object.keys(stamp).find((k) => Object.hasOwn(value, k));
  if (clash !== undefined) throw new Error(`printJson(${format}): the value already has a field "${clash}"`);
  printDocument({ ...stamp, ...value });
}

/** Prints a document whose format is defined elsewhere (a JSON Schema) as indented JSON, unstamped. */
export function printDocument(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
