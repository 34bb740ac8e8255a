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

/** Byte offset of each field of `fields` on `target` (aligned to its own width on 32-bit cores), and the layout's size. */
function place(fields: readonly Field[], target: Target): { readonly offsets: ReadonlyMap<string, number>; readonly bytes: number } {
  const align = target.pointerBytes > 2;
  const offsets = new Map<string, number>();
  let offset = 0;
  for (const f of fields) {
    const size = fieldTypeBytes(f.type, target);
    if (align && offset % size !== 0) offset += size - (offset % size);
    offsets.set(f.name, offset);
    offset += size * (f.count ?? 1);
  }
  if (align && offset % target.pointerBytes !== 0) offset += target.pointerBytes - (offset % target.pointerBytes);
  return { offsets, bytes: offset };
}

/** Bytes of a whole layout on `target`, aligning each field to its own width on 32-bit cores. */
export function layoutBytes(fields: readonly Field[], target: Target): number {
  return place(fields, target).bytes;
}

/** Byte offset of the field `name` in `fields` on `target`, as a C compiler lays the struct out. */
export function fieldOffset(fields: readonly Field[], name: string, target: Target): number {
  const offset = place(fields, target).offsets.get(name);
  if (offset === undefined) throw new Error(`layout has no field ${name}`);
  return offset;
}
