import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFontWidths, textWidth } from './font-widths.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kbench-font-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function u16(...values: number[]): Buffer {
  const b = Buffer.alloc(2 * values.length);
  values.forEach((v, i) => b.writeUInt16BE(v & 0xffff, 2 * i));
  return b;
}

/**
 * A font of four glyphs built by hand from the OpenType spec: 2048 units per em; advances 1000
 * (.notdef), 1200 ('A'), 600 ('i'); glyph 3 ('j') past numberOfHMetrics = 3, so it takes the last
 * advance, 600. 'A' maps by idDelta, 'i' and 'j' through glyphIdArray.
 */
function handMadeFont(): Buffer {
  const head = Buffer.alloc(54);
  head.writeUInt16BE(2048, 18);
  const hhea = Buffer.alloc(36);
  hhea.writeUInt16BE(3, 34);
  const hmtx = u16(1000, 0, 1200, 0, 600, 0);
  // Segments: 'A' (65) with delta 1 - 65; 'i'-'j' (105-106) through glyphIdArray [2, 3]; the 0xFFFF end.
  const subtable = Buffer.concat([
    u16(4, 0, 0, 6, 0, 0, 0),
    u16(65, 106, 0xffff), u16(0),
    u16(65, 105, 0xffff),
    u16(1 - 65, 0, 1),
    // idRangeOffset of segment 1: from its own slot to glyphIdArray[0], two slots on: 4 bytes.
    u16(0, 4, 0),
    u16(2, 3),
  ]);
  const cmap = Buffer.concat([u16(0, 1), u16(3, 1), Buffer.from([0, 0, 0, 12]), subtable]);
  const tables: [string, Buffer][] = [['cmap', cmap], ['head', head], ['hhea', hhea], ['hmtx', hmtx]];
  const directory = Buffer.alloc(12 + 16 * tables.length);
  directory.writeUInt32BE(0x00010000, 0);
  directory.writeUInt16BE(tables.length, 4);
  let offset = directory.length;
  tables.forEach(([tag, body], i) => {
    directory.write(tag, 12 + 16 * i, 'latin1');
    directory.writeUInt32BE(offset, 12 + 16 * i + 8);
    directory.writeUInt32BE(body.length, 12 + 16 * i + 12);
    offset += body.length;
  });
  return Buffer.concat([directory, ...tables.map(([, body]) => body)]);
}

describe("a font's advance widths", () => {
  it('reads each character through the cmap to its advance, in em', () => {
    const path = join(scratch, 'hand.ttf');
    writeFileSync(path, handMadeFont());
    const widths = readFontWidths(path);
    expect(widths.advanceEm('A'.codePointAt(0) as number)).toBe(1200 / 2048);
    expect(widths.advanceEm('i'.codePointAt(0) as number)).toBe(600 / 2048);
    // Past numberOfHMetrics: the last advance.
    expect(widths.advanceEm('j'.codePointAt(0) as number)).toBe(600 / 2048);
    // Not in the cmap: .notdef.
    expect(widths.advanceEm('z'.codePointAt(0) as number)).toBe(1000 / 2048);
    expect(textWidth(widths, 'Aij', 20)).toBeCloseTo(((1200 + 600 + 600) / 2048) * 20, 12);
  });

  it('refuses a file without the tables it needs, naming the table', () => {
    const path = join(scratch, 'empty.ttf');
    writeFileSync(path, Buffer.concat([u16(1, 0, 0, 0, 0, 0)]));
    expect(() => readFontWidths(path)).toThrow(/no 'head' table/);
  });
});
