import type { Cell, Row } from '../experiments/contract.ts';

function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return String(cell).replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/** A Markdown table of rows under the given columns (all the rows' keys when omitted). */
export function markdownTable(rows: readonly Row[], columns?: readonly string[]): string {
  const cols = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const numeric = cols.map((c) => rows.length > 0 && rows.every((r) => typeof r[c] === 'number' || r[c] === null));
  const header = `| ${cols.join(' | ')} |`;
  const rule = `|${numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`;
  const body = rows.map((r) => `| ${cols.map((c) => cellText(r[c])).join(' | ')} |`);
  return [header, rule, ...body].join('\n');
}
