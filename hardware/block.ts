import type { MicroOp } from './microops.ts';
import { PORT_BLOCKS, type InstructionSpec, type InstructionText, type PortBlockName, type Target } from './target.ts';

/**
 * A data field an indexed micro-op touches, by its byte offset on each target (the layout that
 * places it lives above hardware/, in the kernel; hardware only asks where it is).
 */
export interface FieldRef {
  readonly name: string;
  offsetOn(target: Target): number;
}

/**
 * One micro-op, optionally repeated (`['push', 8]` is eight pushes), optionally naming the field it
 * reaches through its pointer (`at('load8.idx2', OSTCBBitX)`), so a target whose short encoding does
 * not reach that far prices the long one.
 */
export type MicroStep = MicroOp | readonly [MicroOp, number] | readonly [MicroOp, number, FieldRef];

/** A micro-op that touches `field` through its pointer: priced by where the field lies on each target. */
export function at(op: MicroOp, field: FieldRef): MicroStep {
  return [op, 1, field];
}

/**
 * A basic block: a named straight-line run of micro-ops. Executing it costs its cycles each time;
 * including it in a configuration costs its bytes once.
 */
export interface Block {
  readonly name: string;
  readonly ops: readonly MicroStep[];
  /** Why the block looks the way it does (which public code it mirrors). */
  readonly note?: string;
}

/** Cycles per execution and bytes of flash. */
export interface Price {
  readonly cycles: number;
  readonly bytes: number;
}

/** One line of an instruction listing. */
export interface ListingLine {
  /** The micro-op this instruction lowers, or undefined for port code written in assembler. */
  readonly op: MicroOp | undefined;
  /** The field the micro-op names and its offset on the target (`OSTCBBitX+33`), when it names one. */
  readonly field?: string;
  readonly text: string;
  readonly cycles: number;
  readonly bytes: number;
  readonly source: string;
}

/** A block's instructions on a target, with totals. */
export interface Listing {
  readonly block: string;
  readonly target: string;
  readonly lines: readonly ListingLine[];
  readonly cycles: number;
  readonly bytes: number;
}

/** Declares a basic block of micro-ops. */
export function block(name: string, ops: readonly MicroStep[], note?: string): Block {
  return note === undefined ? { name, ops } : { name, ops, note };
}

const TAKEN_SUFFIX = '(taken)';

function specOf(target: Target, mnemonic: string): InstructionSpec {
  const spec = target.instructions[mnemonic];
  if (spec === undefined) {
    throw new Error(`target ${target.id}: instruction ${mnemonic} has no entry in its instruction table`);
  }
  return spec;
}

/** Counts the registers of a `{r4-r11, lr}` list: ranges expand, names count one each. */
function countListedRegisters(text: string): number {
  const list = /\{([^}]*)\}/.exec(text)?.[1];
  if (list === undefined) throw new Error(`instruction "${text}" needs a register list`);
  let n = 0;
  for (const item of list.split(',')) {
    const range = /^\s*[rs](\d+)\s*-\s*[rs](\d+)\s*$/.exec(item);
    n += range === null ? 1 : Number(range[2]) - Number(range[1]) + 1;
  }
  return n;
}

/** Prices one line of assembler text on a target. */
function priceInstruction(target: Target, text: InstructionText, op: MicroOp | undefined): ListingLine {
  const trimmed = text.trim();
  const taken = trimmed.endsWith(TAKEN_SUFFIX);
  const mnemonic = trimmed.split(/\s+/, 1)[0] ?? '';
  const spec = specOf(target, mnemonic);
  if (taken && spec.takenCycles === undefined) {
    throw new Error(`target ${target.id}: ${mnemonic} is marked taken but is not a conditional branch`);
  }
  const listed = spec.cyclesPerListedRegister === undefined ? 0 : spec.cyclesPerListedRegister * countListedRegisters(trimmed);
  const cycles = (taken ? (spec.takenCycles ?? spec.cycles) : spec.cycles) + listed;
  return { op, text: trimmed, cycles, bytes: spec.bytes, source: spec.source };
}

function stepOp(step: MicroStep): MicroOp {
  return typeof step === 'string' ? step : step[0];
}

function stepCount(step: MicroStep): number {
  return typeof step === 'string' ? 1 : step[1];
}

function stepField(step: MicroStep): FieldRef | undefined {
  return typeof step === 'string' ? undefined : step[2];
}

/** The instructions of `op` on `target`, the far form when `field` lies beyond the short encoding's reach. */
function loweringOf(op: MicroOp, field: FieldRef | undefined, target: Target, blockName: string): readonly InstructionText[] {
  const reach = field === undefined ? undefined : target.displacementReach?.[op];
  if (field === undefined || reach === undefined) return target.lowering[op];
  const offset = field.offsetOn(target);
  if (offset <= reach.nearMax) return target.lowering[op];
  if (reach.far === undefined || offset > (reach.farMax ?? reach.nearMax)) {
    throw new Error(`block ${blockName}: ${op} reaches ${field.name} at offset ${offset} on ${target.id}, beyond what its lowering encodes (${reach.source})`);
  }
  return reach.far;
}

function totals(blockName: string, target: Target, lines: readonly ListingLine[]): Listing {
  let cycles = 0;
  let bytes = 0;
  for (const line of lines) {
    cycles += line.cycles;
    bytes += line.bytes;
  }
  return { block: blockName, target: target.id, lines, cycles, bytes };
}

/** Lowers a micro-op block to the target's instructions, one listing line per instruction. */
export function listing(b: Block, target: Target): Listing {
  const lines: ListingLine[] = [];
  for (const step of b.ops) {
    const op = stepOp(step);
    const count = stepCount(step);
    if (!Number.isInteger(count) || count < 0) {
      throw new Error(`block ${b.name}: repeat count of ${op} must be a whole number >= 0, got ${count}`);
    }
    const field = stepField(step);
    const texts = loweringOf(op, field, target, b.name);
    const fieldText = field === undefined ? undefined : `${field.name}+${field.offsetOn(target)}`;
    for (let i = 0; i < count; i++) {
      for (const text of texts) {
        const line = priceInstruction(target, text, op);
        lines.push(fieldText === undefined ? line : { ...line, field: fieldText });
      }
    }
  }
  return totals(b.name, target, lines);
}

/** True when `name` is one of the port blocks every target provides. */
export function isPortBlockName(name: string): name is PortBlockName {
  return (PORT_BLOCKS as readonly string[]).includes(name);
}

/** The listing of a port block (assembler written in the target file). */
export function portListing(name: PortBlockName, target: Target): Listing {
  return totals(name, target, target.port[name].map((text) => priceInstruction(target, text, undefined)));
}

/** The listing of the target's tail-chain sequence, if the core has one. */
export function tailChainListing(target: Target): Listing | undefined {
  if (target.tailChain === undefined) return undefined;
  return totals('tail-chain', target, target.tailChain.map((text) => priceInstruction(target, text, undefined)));
}

/** The listing of an assembler sequence written in a target file (e.g. its SVC gate), under `name`. */
export function sequenceListing(name: string, texts: readonly InstructionText[], target: Target): Listing {
  return totals(name, target, texts.map((text) => priceInstruction(target, text, undefined)));
}

const priceCache = new WeakMap<Target, WeakMap<Block, Price>>();

/** Cycles and bytes of a micro-op block on a target (memoised per block object). */
export function price(b: Block, target: Target): Price {
  let perTarget = priceCache.get(target);
  if (perTarget === undefined) {
    perTarget = new WeakMap();
    priceCache.set(target, perTarget);
  }
  const cached = perTarget.get(b);
  if (cached !== undefined) return cached;
  const { cycles, bytes } = listing(b, target);
  const result = { cycles, bytes };
  perTarget.set(b, result);
  return result;
}

const portPriceCache = new WeakMap<Target, Map<PortBlockName, Price>>();

/** Cycles and bytes of a port block on a target (memoised: footprints and cost records read them on every boot). */
export function portPrice(name: PortBlockName, target: Target): Price {
  let perTarget = portPriceCache.get(target);
  if (perTarget === undefined) {
    perTarget = new Map();
    portPriceCache.set(target, perTarget);
  }
  const cached = perTarget.get(name);
  if (cached !== undefined) return cached;
  const { cycles, bytes } = portListing(name, target);
  const result = { cycles, bytes };
  perTarget.set(name, result);
  return result;
}

/** Formats a listing as aligned text with per-line cycles and bytes and a total line. */
export function formatListing(l: Listing): string {
  const width = Math.max(12, ...l.lines.map((line) => line.text.length));
  const rows = l.lines.map(
    (line) => `  ${line.text.padEnd(width)}  ${String(line.cycles).padStart(3)} cy  ${String(line.bytes).padStart(3)} B${line.op === undefined ? '' : `   ; ${line.op}`}${line.field === undefined ? '' : ` ${line.field}`}`,
  );
  return [`${l.block} on ${l.target}:`, ...rows, `  ${'total'.padEnd(width)}  ${String(l.cycles).padStart(3)} cy  ${String(l.bytes).padStart(3)} B  (${l.lines.length} instructions)`].join('\n');
}
