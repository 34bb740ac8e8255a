/**
 * The target-neutral micro-op vocabulary. Kernels describe what they execute with these; each
 * target lowers every micro-op to its own instruction sequence (see `hardware/targets/`).
 *
 * Naming: `<op><width>.<addressing>` for memory (`abs` = a global at a link-time address,
 * `idx` = through a pointer register with a displacement, e.g. a TCB field; `idx2` = through a
 * second pointer live in the same function, which avr-gcc keeps in X, a register with no
 * displacement addressing, so each field access moves X there and back), `<op><width>` for
 * arithmetic, and `.taken` / `.fall` for the two outcomes of a conditional branch, which cost
 * different cycles but occupy the same bytes. `Ptr` is the target's pointer width. `nullbrPtr` tests a
 * pointer against NULL and branches (no second operand); `followPtr` is `p = p->next` with p
 * loaded through itself. `globalBase` starts a function that reaches globals: where globals are
 * reached from a base register (the M4), it loads the base once; `.abs` accesses then add an offset.
 */
export const MICRO_OPS = [
  'globalBase',
  'load8.abs', 'load16.abs', 'load32.abs', 'loadPtr.abs',
  'load8.idx', 'load16.idx', 'load32.idx', 'loadPtr.idx',
  'store8.abs', 'store16.abs', 'store32.abs', 'storePtr.abs',
  'store8.idx', 'store16.idx', 'store32.idx', 'storePtr.idx',
  'load8.idx2', 'load16.idx2', 'loadPtr.idx2', 'store8.idx2', 'store16.idx2', 'storePtr.idx2',
  'const8', 'const16', 'const32', 'constPtr',
  'move8', 'move16', 'move32', 'movePtr',
  'alu8', 'alu16', 'alu32', 'aluPtr',
  'cmpbr8.taken', 'cmpbr8.fall', 'cmpbr16.taken', 'cmpbr16.fall',
  'cmpbr32.taken', 'cmpbr32.fall', 'cmpbrPtr.taken', 'cmpbrPtr.fall',
  'nullbrPtr.taken', 'nullbrPtr.fall', 'followPtr',
  'jump', 'call', 'ret', 'push', 'pop',
  'flashLookup8', 'clz',
  'mask', 'unmask', 'saveIrqState', 'restoreIrqState',
  'gpioToggle',
] as const;

/** One target-neutral operation a kernel executes. */
export type MicroOp = (typeof MICRO_OPS)[number];

const microOpSet: ReadonlySet<string> = new Set(MICRO_OPS);

/** True when `name` is a micro-op of the vocabulary. */
export function isMicroOp(name: string): name is MicroOp {
  return microOpSet.has(name);
}
