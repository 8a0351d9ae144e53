/**
 * CSV for downloads (the tables are made in src/lib/tables.ts): RFC 4180 quoting (d3-dsv's, through
 * d3), UTF-8 (with a byte-order mark in the files for Excel), and no cell a spreadsheet would run as a formula.
 */
import { csvFormatRow } from 'd3';

export type Row = Record<string, string>;

/** A byte-order mark: Excel reads a CSV that starts with one as UTF-8 (without it, as the system's code page). */
export const BOM = '\ufeff';

/** A plain number (a negative one starts with "-" and is still only a number). */
const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * Spreadsheets run a cell that starts with =, +, - or @ (and, in some, a tab or carriage return) as
 * a formula: a title "=HYPERLINK(...)" would become a live link. Such a cell starts with a single
 * quote instead, so it shows as the text it is (the OWASP rule for CSV injection); plain numbers,
 * negative ones included, are left as they are. The JSON downloads keep the exact text.
 */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) && !NUMBER.test(s) ? `'${s}` : s;
}

/**
 * Rows as CSV text: the header row, then one line per row (CRLF line ends, as RFC 4180 asks), every
 * cell quoted where it must be and no cell a spreadsheet would run. With `bom`, the text starts with a
 * byte-order mark, so that Excel, opening the file on a double-click, reads it as UTF-8 (Persian and
 * Arabic names intact); code and the data package read the file without one.
 */
export function rowsToCsv(columns: readonly string[], rows: readonly Row[], { bom = false } = {}): string {
  // d3's csvFormatRows ends lines with LF; one row at a time keeps the CRLF that RFC 4180 asks for.
  const line = (cells: readonly string[]) => csvFormatRow(cells.map(neutraliseFormula));
  const lines = [line(columns), ...rows.map((r) => line(columns.map((c) => r[c] ?? '')))];
  return `${bom ? BOM : ''}${lines.join('\r\n')}\r\n`;
}
