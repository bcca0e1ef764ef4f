// CSV for spreadsheets: UTF-8 with a BOM (so Excel reads Chinese correctly), RFC 4180 quoting,
// CRLF line ends, and cells that a spreadsheet would run as a formula defused with a leading '.
export type CsvCell = string | number | null | undefined;

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** = + - @ start a formula in Excel, WPS and LibreOffice; tab and CR are used to smuggle one in. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file as text, BOM first; encode with TextEncoder to send it. */
export function toCsv(header: readonly string[], rows: readonly CsvCell[][]): string {
  const lines = [header.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
