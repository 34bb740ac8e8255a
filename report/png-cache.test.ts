import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PNG_SOURCES_FILE, PngSources, rasteriserKey } from './png-cache.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kbench-png-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>';
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

/** A figures directory whose `fig.png` was rasterised from SVG by rasteriser 'r1', as a report leaves it. */
function reported(name: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir);
  const sources = new PngSources(dir, 'r1');
  writeFileSync(join(dir, 'fig.png'), PNG);
  sources.record('fig', SVG, PNG);
  sources.save();
  return dir;
}

describe('PngSources', () => {
  it('keeps a PNG rasterised from the same SVG by the same rasteriser, and records it again', () => {
    const dir = reported('same');
    const next = new PngSources(dir, 'r1');
    expect(next.reuse('fig', SVG)).toBe(true);
    next.save();
    expect(new PngSources(dir, 'r1').reuse('fig', SVG)).toBe(true);
  });

  it('rasterises again when the SVG, the rasteriser or the PNG on disk differ, or when the rasteriser is not pinned', () => {
    const dir = reported('differ');
    expect(new PngSources(dir, 'r1').reuse('fig', SVG.replace('width="2"', 'width="3"'))).toBe(false);
    expect(new PngSources(dir, 'r2').reuse('fig', SVG)).toBe(false);
    expect(new PngSources(dir, undefined).reuse('fig', SVG)).toBe(false);
    expect(new PngSources(dir, 'r1').reuse('other', SVG)).toBe(false);
    writeFileSync(join(dir, 'fig.png'), PNG.subarray(0, 5));
    expect(new PngSources(dir, 'r1').reuse('fig', SVG)).toBe(false);
  });

  it('forgets the figures this report neither kept nor rasterised, and reads a broken record as empty', () => {
    const dir = reported('forget');
    new PngSources(dir, 'r1').save();
    expect(JSON.parse(readFileSync(join(dir, PNG_SOURCES_FILE), 'utf8'))).toEqual({});
    writeFileSync(join(dir, 'fig.png'), PNG);
    writeFileSync(join(dir, PNG_SOURCES_FILE), '{"fig": ');
    expect(new PngSources(dir, 'r1').reuse('fig', SVG)).toBe(false);
  });
});

describe('rasteriserKey', () => {
  it('changes with the renderer, the options and the font bytes, not with the font paths', () => {
    const a = join(scratch, 'a.ttf');
    const b = join(scratch, 'b.ttf');
    writeFileSync(a, 'font one');
    writeFileSync(b, 'font one');
    const base = rasteriserKey({ renderer: 'resvg@1', options: { zoom: 2 }, fontFiles: [a] });
    expect(rasteriserKey({ renderer: 'resvg@1', options: { zoom: 2 }, fontFiles: [b] })).toBe(base);
    expect(rasteriserKey({ renderer: 'resvg@2', options: { zoom: 2 }, fontFiles: [a] })).not.toBe(base);
    expect(rasteriserKey({ renderer: 'resvg@1', options: { zoom: 1 }, fontFiles: [a] })).not.toBe(base);
    writeFileSync(b, 'font two');
    expect(rasteriserKey({ renderer: 'resvg@1', options: { zoom: 2 }, fontFiles: [b] })).not.toBe(base);
  });
});
