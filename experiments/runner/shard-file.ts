import { createHash } from 'node:crypto';
import { RUN_MODES, type RunMode } from '../contract.ts';
import type { Shard } from './shard.ts';

/** A shard's output: the unit results of one slice of one experiment, as `sweep` computed them. */
export interface ShardContent {
  readonly kind: 'kbench-shard';
  readonly experiment: string;
  readonly mode: RunMode;
  readonly sourceFingerprint: string;
  readonly shard: Shard;
  readonly unitCount: number;
  readonly wallMs: number;
  /** Each unit's result, by unit index. */
  readonly results: readonly { readonly unit: number; readonly result: unknown }[];
}

/**
 * A shard file on disk: the content plus the sha256 of the content's JSON text, so that `merge`
 * notices a file cut short or edited since `sweep` wrote it (damage and hand edits, not forgery).
 */
export interface ShardFile extends ShardContent {
  readonly contentSha256: string;
}

/** A shard file `merge` cannot use; the message names the file (or the missing shard) and what is wrong. */
export class ShardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShardError';
  }
}

/** The file name of a shard's output (`<id>.shard-<i>-of-<n>.json`). */
export function shardFileName(id: string, shard: Shard): string {
  return `${id}.shard-${shard.index}-of-${shard.count}.json`;
}

/** True for a file name `shardFileName` produces. */
export function isShardFileName(name: string): boolean {
  return /\.shard-\d+-of-\d+\.json$/.test(name);
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The text of a shard file: the content's JSON with its sha256 appended as the last key. */
export function encodeShardFile(content: ShardContent): string {
  const file: ShardFile = { ...content, contentSha256: sha256(JSON.stringify(content)) };
  return `${JSON.stringify(file)}\n`;
}

const isWhole = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

/**
 * Parses and checks a shard file's text: JSON that is whole, a shard file, with a matching content
 * hash, and a shard index inside its count. Throws ShardError naming `path` and the fault.
 */
export function decodeShardFile(text: string, path: string): ShardFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new ShardError(`${path}: not valid JSON, so cut short or damaged (${(e as Error).message}); run its sweep again`);
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { kind?: unknown }).kind !== 'kbench-shard') {
    throw new ShardError(`${path}: not a kbench shard file (no "kind": "kbench-shard")`);
  }
  const { contentSha256, ...content } = parsed as Partial<ShardFile>;
  if (typeof contentSha256 !== 'string') throw new ShardError(`${path}: has no contentSha256 (written by an older kbench, or edited); run its sweep again`);
  if (sha256(JSON.stringify(content)) !== contentSha256) {
    throw new ShardError(`${path}: content does not match its contentSha256 (altered or damaged since sweep wrote it); run its sweep again`);
  }
  return { ...checkShape(content, path), contentSha256 };
}

function checkShape(c: Partial<ShardContent>, path: string): ShardContent {
  const fault = (what: string): ShardError => new ShardError(`${path}: ${what}`);
  if (typeof c.experiment !== 'string') throw fault('"experiment" must be an experiment id');
  if (!RUN_MODES.includes(c.mode as RunMode)) throw fault(`"mode" must be one of ${RUN_MODES.join(', ')}, got ${JSON.stringify(c.mode)}`);
  if (typeof c.sourceFingerprint !== 'string') throw fault('"sourceFingerprint" must be a string');
  const shard = c.shard;
  if (shard === undefined || !isWhole(shard.count) || shard.count < 1 || !isWhole(shard.index)) throw fault('"shard" must be {index, count} with whole numbers, count >= 1');
  if (shard.index >= shard.count) throw fault(`shard index ${shard.index} is out of range for ${shard.count} shards (0 to ${shard.count - 1})`);
  if (!isWhole(c.unitCount)) throw fault('"unitCount" must be a whole number');
  if (!isWhole(c.wallMs)) throw fault('"wallMs" must be a whole number');
  if (!Array.isArray(c.results) || !c.results.every((r: unknown) => typeof r === 'object' && r !== null && isWhole((r as { unit?: unknown }).unit))) {
    throw fault('"results" must be a list of {unit, result} with whole unit indices');
  }
  return c as ShardContent;
}
