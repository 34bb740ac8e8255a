import { describe, expect, it } from 'vitest';
import { textTable } from './text-table.ts';

describe('textTable', () => {
  it('pads each column to its widest cell, words to the left and numbers to the right, two spaces apart', () => {
    const table = textTable([{ title: 'id' }, { title: 'RAM B', align: 'right' }, { title: 'name' }], [
      ['avr', '4096', 'ATmega128L'],
      ['m4-f407', '196608', 'STM32F407'],
    ]);
    // Widths by hand: id 7 ('m4-f407'), RAM B 6 ('196608'), name as written (last column, no padding kept).
    expect(table.split('\n')).toEqual([
      'id        RAM B  name',
      'avr        4096  ATmega128L',
      'm4-f407  196608  STM32F407',
    ]);
  });

  it('leaves a missing cell blank and never ends a line in spaces', () => {
    const table = textTable([{ title: 'a' }, { title: 'b' }], [['long value'], ['x', 'y']]);
    expect(table.split('\n')).toEqual(['a           b', 'long value', 'x           y']);
  });
});
