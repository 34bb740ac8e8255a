/** The value after `flag` on the bench's command line, if the flag is there; throws when it has none. */
export function argument(flag: string): string | undefined {
  const at = process.argv.indexOf(flag);
  if (at < 0) return undefined;
  const value = process.argv[at + 1];
  if (value === undefined || value.startsWith('--')) throw new RangeError(`${flag}: needs a value`);
  return value;
}
