/** One column of a text table: its heading and which side its cells line up on. */
export interface TextColumn {
  readonly title: string;
  /** Numbers line up on the right, words on the left (the default). */
  readonly align?: 'left' | 'right';
}

/**
 * Rows as an aligned plain-text table for a terminal: a heading line, then one line per row, columns
 * two spaces apart, each as wide as its widest cell, no trailing spaces. Missing cells are blank.
 */
export function textTable(columns: readonly TextColumn[], rows: readonly (readonly string[])[]): string {
  const headings = columns.map((c) => c.title);
  const widths = columns.map((c, i) => Math.max(c.title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    columns
      .map((c, i) => {
        const cell = cells[i] ?? '';
        const width = widths[i] ?? 0;
        return c.align === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [headings, ...rows].map(line).join('\n');
}
