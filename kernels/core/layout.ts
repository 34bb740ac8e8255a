import type { Target } from '../../hardware/target.ts';

/**
 * Data layouts: a kernel's TCB, objects and globals as typed fields, sized per target (a pointer is
 * `target.pointerBytes`), so RAM is derived from the layout rather than typed in.
 */
export type FieldType = 'u8' | 'u16' | 'u32' | 'ptr';

/** A named field, optionally an array of `count` elements. */
export interface Field {
  readonly name: string;
  readonly type: FieldType;
  readonly count?: number;
}

const FIXED_WIDTH: Readonly<Record<Exclude<FieldType, 'ptr'>, number>> = { u8: 1, u16: 2, u32: 4 };

/** Bytes of one element of `type` on `target`. */
export function fieldTypeBytes(type: FieldType, target: Target): number {
  return type === 'ptr' ? target.pointerBytes : FIXED_WIDTH[type];
}

/** Bytes of a whole layout on `target`, aligning each field to its own width on 32-bit cores. */
export function layoutBytes(fields: readonly Field[], target: Target): number {
  const align = target.pointerBytes > 2;
  let offset = 0;
  for (const f of fields) {
    const size = fieldTypeBytes(f.type, target);
    if (align && offset % size !== 0) offset += size - (offset % size);
    offset += size * (f.count ?? 1);
  }
  if (align && offset % target.pointerBytes !== 0) offset += target.pointerBytes - (offset % target.pointerBytes);
  return offset;
}
