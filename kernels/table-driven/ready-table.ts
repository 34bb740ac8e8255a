import { at, block } from '../../hardware/block.ts';
import type { Target } from '../../hardware/target.ts';
import type { Cycles } from '../../hardware/units.ts';
import { fieldTypeBytes } from '../core/layout.ts';
import { priceAll } from '../core/pricing.ts';
import { PRIORITY_ORDER, readyStructure, type ReadyStructure } from '../core/structures.ts';
import type { Tcb } from '../core/tcb.ts';
import { TCB } from '../core/tcb-fields.ts';
import { TcbSlots } from '../core/tcb-slots.ts';

/*
 * uC/OS-II's ready table (os_core.c): OSRdyGrp has bit y set when group y (priorities 8y..8y+7)
 * holds a ready task; OSRdyTbl[y] has bit x set for priority 8y+x. OS_SchedNew finds the highest
 * ready priority with two lookups of the 256-entry OSUnMapTbl (the `clz` micro-op: LPM on the AVR,
 * CLZ on the M4), so pick-next costs the same whatever the number of tasks. Insert and remove are
 * two bit operations. Each priority slot holds a FIFO of TCBs (uC/OS-II allows one task per
 * priority; the FIFO only serves a raised priority that meets its owner's own, and time slicing in
 * profiles that allow equal priorities).
 */
const blocks = {
  // The TCB pointer and the table pointer are live at once: avr-gcc keeps the TCB in X (idx2). The
  // TCB fields are named: OSTCBY/BitX/BitY lie past the M4's 16-bit LDRB reach (offsets 32-34).
  insert: block('rdy-insert', ['movePtr', 'load8.abs', at('load8.idx2', TCB.OSTCBBitY), 'alu8', 'store8.abs', at('load8.idx2', TCB.OSTCBY), 'const8', 'aluPtr', 'load8.idx', at('load8.idx2', TCB.OSTCBBitX), 'alu8', 'store8.idx'], 'OSRdyGrp |= ptcb->OSTCBBitY; OSRdyTbl[ptcb->OSTCBY] |= ptcb->OSTCBBitX'),
  remove: block('rdy-remove', ['movePtr', at('load8.idx2', TCB.OSTCBY), 'const8', at('load8.idx2', TCB.OSTCBBitX), 'alu8', 'aluPtr', 'load8.idx', 'alu8', 'store8.idx', 'cmpbr8.taken', at('load8.idx2', TCB.OSTCBBitY), 'alu8', 'load8.abs', 'alu8', 'store8.abs'], 'if ((OSRdyTbl[y] &= ~ptcb->OSTCBBitX) == 0) OSRdyGrp &= ~ptcb->OSTCBBitY'),
  pick: block('sched-new', ['load8.abs', 'clz', 'move8', 'aluPtr', 'load8.idx', 'clz', 'alu8', 'alu8', 'alu8', 'store8.abs', 'load8.abs', 'aluPtr', 'aluPtr', 'loadPtr.idx', 'storePtr.abs'], 'OS_SchedNew: y = OSUnMapTbl[OSRdyGrp]; OSPrioHighRdy = (y << 3) + OSUnMapTbl[OSRdyTbl[y]]; OSTCBHighRdy = OSTCBPrioTbl[OSPrioHighRdy]'),
  fifoLink: block('prio-fifo-link', ['loadPtr.idx', 'cmpbrPtr.fall', 'storePtr.idx'], 'link the TCB behind an equal-priority one (same-priority profiles)'),
  waitInsert: block('event-wait-insert', ['load8.idx', at('load8.idx', TCB.OSTCBBitX), 'alu8', 'store8.idx', 'load8.idx', at('load8.idx', TCB.OSTCBBitY), 'alu8', 'store8.idx'], 'OS_EventTaskWait: pevent->OSEventTbl[y] |= bitx; pevent->OSEventGrp |= bity'),
};

/** The table-driven ready structure for `priorities` levels (at most 64 in uC/OS-II). */
export function readyTable(target: Target, priorities: number): ReadyStructure {
  const c = priceAll(blocks, target);
  const groups = Math.ceil(priorities / 8);
  // A priority's FIFO is made when a task first needs it: a boot would otherwise build one per
  // priority (64 on uC/OS-II) for the meter's dozen tasks. pick() reads only priorities with a bit set.
  const fifo: (TcbSlots | undefined)[] = [];
  const fifoOf = (priority: number): TcbSlots => fifo[priority] ?? (fifo[priority] = new TcbSlots());
  let grp = 0;
  const tbl = new Array<number>(groups).fill(0);
  const self: ReadyStructure = readyStructure({
    blocks: Object.values(blocks),
    globals: [
      { name: 'OSRdyGrp', type: 'u8' },
      { name: 'OSRdyTbl', type: 'u8', count: groups },
      { name: 'OSTCBPrioTbl', type: 'ptr', count: priorities },
      { name: 'OSPrioCur', type: 'u8' },
      { name: 'OSPrioHighRdy', type: 'u8' },
    ],
    // OSTCBX/Y/BitX/BitY are uC/OS-II's own TCB fields (CORE_TCB_FIELDS): the table adds none.
    tcbFields: [],
    // The unmap table's 256 one-byte entries, in flash, only where the core lacks CLZ.
    flashTableBytes: target.hasClz ? 0 : (1 << 8) * fieldTypeBytes('u8', target),
    insert(t: Tcb): Cycles {
      const list = fifoOf(t.priority);
      list.push(t);
      const y = t.priority >> 3;
      tbl[y] = (tbl[y] as number) | (1 << (t.priority & 7));
      grp |= 1 << y;
      return list.length > 1 ? c.insert + c.fifoLink : c.insert;
    },
    remove(t: Tcb): Cycles {
      const list = fifoOf(t.priority);
      const i = list.indexOf(t);
      if (i >= 0) list.removeAt(i);
      if (list.length === 0) {
        const y = t.priority >> 3;
        tbl[y] = (tbl[y] as number) & ~(1 << (t.priority & 7));
        if (tbl[y] === 0) grp &= ~(1 << y);
      }
      return c.remove;
    },
    pick(): Tcb | undefined {
      self.pickCycles = c.pick;
      if (grp === 0) return undefined;
      const y = lowestBit(grp);
      const x = lowestBit(tbl[y] as number);
      return (fifo[(y << 3) + x] as TcbSlots).at(0);
    },
    rotate(t: Tcb): Cycles {
      const list = fifoOf(t.priority);
      const i = list.indexOf(t);
      if (i >= 0 && list.length > 1) {
        list.removeAt(i);
        list.push(t);
      }
      return c.fifoLink;
    },
    ...PRIORITY_ORDER,
    waitInsertCycles: () => c.waitInsert,
    worstPickCycles: () => c.pick,
    worstInsertCycles: () => c.insert + c.fifoLink,
    worstRemoveCycles: () => c.remove,
  });
  return self;
}

/** Index of the lowest set bit of a nonzero byte (what OSUnMapTbl returns). */
function lowestBit(x: number): number {
  return 31 - Math.clz32(x & -x);
}
