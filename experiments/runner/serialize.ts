import type { AnyExperiment, Cell, ExperimentResult, Row } from '../contract.ts';

/** Puts a row's keys in the experiment's column order; throws naming the key that breaks the contract. */
export function normalizeRow(experiment: AnyExperiment, row: Row, index: number): Row {
  const where = `experiment ${experiment.id}, row ${index}`;
  const extra = Object.keys(row).filter((k) => !experiment.columns.includes(k));
  if (extra.length > 0) throw new Error(`${where}: key "${extra[0]}" is not one of the columns (${experiment.columns.join(', ')})`);
  const out: Record<string, Cell> = {};
  for (const column of experiment.columns) {
    const cell = row[column];
    if (cell === undefined) throw new Error(`${where}: column "${column}" is missing`);
    if (typeof cell === 'number' && !Number.isFinite(cell)) throw new Error(`${where}: column "${column}" must be a finite number, got ${cell}`);
    out[column] = cell;
  }
  return out;
}

/** The bytes of `results/<id>.json`: two-space indented, newline-terminated. */
export function resultJson(result: ExperimentResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

function csvCell(cell: Cell): string {
  if (cell === null) return '';
  const text = String(cell);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The bytes of `results/<id>.csv`: a header of the columns, one line per row (RFC 4180 quoting; null is empty). */
export function resultCsv(columns: readonly string[], rows: readonly Row[]): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c] ?? null)).join(','));
  return `${lines.join('\n')}\n`;
}
