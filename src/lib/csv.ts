/**
 * CSV for downloads: each record flattened to one row (nested fields as dotted columns, lists of
 * plain values joined with "; ", lists of objects as JSON), RFC 4180 quoting, UTF-8, and no cell a
 * spreadsheet would run as a formula.
 */

export type Row = Record<string, string>;

function flattenInto(row: Row, value: unknown, prefix: string): void {
  if (value === null || value === undefined) {
    row[prefix] = '';
  } else if (Array.isArray(value)) {
    row[prefix] = value.every((v) => v === null || typeof v !== 'object') ? value.join('; ') : JSON.stringify(value);
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flattenInto(row, v, prefix ? `${prefix}.${k}` : k);
  } else {
    row[prefix] = String(value);
  }
}

/** One flat row per record. */
export function flattenRecord(record: unknown): Row {
  const row: Row = {};
  flattenInto(row, record, '');
  return row;
}

/** Columns in first-seen order across all rows, `id` first. */
export function columnsOf(rows: Row[]): string[] {
  const cols: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) if (!seen.has(k)) { seen.add(k); cols.push(k); }
  return cols.sort((a, b) => (a === 'id' ? -1 : b === 'id' ? 1 : 0));
}

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

function cell(value: string): string {
  const s = neutraliseFormula(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The records as CSV text (header row first, CRLF line ends as RFC 4180 asks). */
export function toCsv(records: readonly unknown[]): string {
  const rows = records.map(flattenRecord);
  const cols = columnsOf(rows);
  const lines = [cols.map(cell).join(','), ...rows.map((r) => cols.map((c) => cell(r[c] ?? '')).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** Parses CSV text back into rows (used by the tests that check the downloads round-trip). */
export function parseCsv(text: string): Row[] {
  const records: string[][] = [];
  let field = '';
  let rec: string[] = [];
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (ch === '"') { quoted = false; i++; continue; }
      field += ch; i++; continue;
    }
    if (ch === '"') { quoted = true; i++; continue; }
    if (ch === ',') { rec.push(field); field = ''; i++; continue; }
    if (ch === '\r' && text[i + 1] === '\n') { rec.push(field); records.push(rec); rec = []; field = ''; i += 2; continue; }
    if (ch === '\n') { rec.push(field); records.push(rec); rec = []; field = ''; i++; continue; }
    field += ch; i++;
  }
  if (field !== '' || rec.length > 0) { rec.push(field); records.push(rec); }
  const [header, ...body] = records;
  return body.map((r) => Object.fromEntries(header!.map((h, j) => [h, r[j] ?? ''])));
}
