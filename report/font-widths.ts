import { readFileSync } from 'node:fs';

/*
 * Text widths from a TrueType font's own advance widths. Headless vega has no canvas to measure
 * text, so it guesses 0.8 em a character, a third wider than DejaVu Sans: legends and titles were
 * laid out (and cut with "...") for text far longer than drawn, leaving wide empty margins that
 * shrink the whole chart when the report scales it to the page. Reading the font's tables gives
 * the widths the PNG renderer will draw.
 *
 * Tables read (OpenType spec, https://learn.microsoft.com/typography/opentype/spec/): the table
 * directory, head.unitsPerEm, hhea.numberOfHMetrics, hmtx advance widths, and a Unicode BMP cmap
 * subtable of format 4 (platform 3 encoding 1, or platform 0).
 */

/** A font's advance widths: `advance(codePoint)` in em. */
export interface FontWidths {
  advanceEm(codePoint: number): number;
}

function tableOffsets(font: Buffer): Map<string, number> {
  const numTables = font.readUInt16BE(4);
  const tables = new Map<string, number>();
  for (let i = 0; i < numTables; i++) {
    const record = 12 + 16 * i;
    tables.set(font.toString('latin1', record, record + 4), font.readUInt32BE(record + 8));
  }
  return tables;
}

function required(tables: Map<string, number>, tag: string, path: string): number {
  const offset = tables.get(tag);
  if (offset === undefined) throw new Error(`${path}: no '${tag}' table, so not a TrueType font whose widths can be read`);
  return offset;
}

/** The glyph index of each BMP code point, from a format-4 cmap subtable at `at`. */
function format4(font: Buffer, at: number): (codePoint: number) => number {
  const segCount = font.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segCount + 2;
  const deltas = starts + 2 * segCount;
  const rangeOffsets = deltas + 2 * segCount;
  return (c) => {
    for (let s = 0; s < segCount; s++) {
      if (c > font.readUInt16BE(ends + 2 * s)) continue;
      const start = font.readUInt16BE(starts + 2 * s);
      if (c < start) return 0;
      const delta = font.readInt16BE(deltas + 2 * s);
      const rangeOffset = font.readUInt16BE(rangeOffsets + 2 * s);
      if (rangeOffset === 0) return (c + delta) & 0xffff;
      const glyph = font.readUInt16BE(rangeOffsets + 2 * s + rangeOffset + 2 * (c - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

/** Reads the advance widths of the TrueType font at `path`; throws when its tables are not there. */
export function readFontWidths(path: string): FontWidths {
  const font = readFileSync(path);
  const tables = tableOffsets(font);
  const unitsPerEm = font.readUInt16BE(required(tables, 'head', path) + 18);
  const metrics = font.readUInt16BE(required(tables, 'hhea', path) + 34);
  const hmtx = required(tables, 'hmtx', path);
  const cmap = required(tables, 'cmap', path);
  let glyphOf: ((c: number) => number) | undefined;
  for (let i = 0; i < font.readUInt16BE(cmap + 2) && glyphOf === undefined; i++) {
    const record = cmap + 4 + 8 * i;
    const [platform, encoding] = [font.readUInt16BE(record), font.readUInt16BE(record + 2)];
    const subtable = cmap + font.readUInt32BE(record + 4);
    if ((platform === 3 && encoding === 1) || platform === 0) {
      if (font.readUInt16BE(subtable) === 4) glyphOf = format4(font, subtable);
    }
  }
  if (glyphOf === undefined) throw new Error(`${path}: no Unicode format-4 cmap subtable`);
  const lookup = glyphOf;
  // Glyphs past numberOfHMetrics share the last advance width.
  const advanceUnits = (glyph: number): number => font.readUInt16BE(hmtx + 4 * Math.min(glyph, metrics - 1));
  const cache = new Map<number, number>();
  return {
    advanceEm(codePoint) {
      let em = cache.get(codePoint);
      if (em === undefined) {
        em = codePoint > 0xffff ? advanceUnits(0) / unitsPerEm : advanceUnits(lookup(codePoint)) / unitsPerEm;
        cache.set(codePoint, em);
      }
      return em;
    },
  };
}

/** The width of `text` set in `widths` at `fontSize` pixels. */
export function textWidth(widths: FontWidths, text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += widths.advanceEm(ch.codePointAt(0) as number);
  return em * fontSize;
}
