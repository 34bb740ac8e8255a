import type { MicroOp } from '../microops.ts';
import { MICRO_OPS } from '../microops.ts';
import { PORT_BLOCKS, type InstructionSpec, type PortBlockName, type Target } from '../target.ts';

/*
 * The ideal target: not an MCU but the machine of a textbook schedule. Every micro-op and every port
 * block lowers to one instruction that costs 0 cycles and 0 bytes, so a kernel on it has no
 * overheads at all, and its 1 MHz clock makes one cycle one microsecond, the time unit of the
 * workload's periods. A run on it releases jobs exactly (tickless) unless told otherwise. Application
 * work keeps its duration from the reference target (see `workloads/scaling.ts`).
 */

const SOURCE = 'ideal: zero-cost by definition';
const NOTHING: InstructionSpec = { cycles: 0, bytes: 0, source: SOURCE };

const lowering = Object.fromEntries(MICRO_OPS.map((op) => [op, ['NOTHING']])) as unknown as Record<MicroOp, readonly string[]>;
const port = Object.fromEntries(PORT_BLOCKS.map((name) => [name, ['NOTHING']])) as unknown as Record<PortBlockName, readonly string[]>;

export const ideal: Target = {
  id: 'ideal',
  name: 'Ideal zero-overhead machine at 1 MHz (1 cycle = 1 us)',
  core: 'ideal',
  clockHz: 1_000_000,
  clockOptionsHz: [],
  // Room for any task set: the ideal machine never runs out of memory.
  ramBytes: 2 ** 32,
  flashBytes: 2 ** 32,
  pointerBytes: 4,
  contextFrameBytes: 0,
  hasClz: true,
  zeroCost: true,
  fetchModel: 'No fetch: every instruction takes 0 cycles.',
  instructions: { NOTHING },
  lowering,
  port,
  sources: [SOURCE],
};
