/**
 * Reading and checking the datasets: strict UTF-8 and JSON with line/column errors (src/lib/json.ts),
 * schema validation with one readable line per problem, the text checks (no invisible direction or
 * zero-width characters), and the cross-dataset checks no single schema can make.
 * Used by src/lib/data.ts (the site's one door to the data), the validate CLI and the build.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'astro/zod';
import { DATASET_NAMES, datasetSchemas, type DatasetName } from '../schemas/index';
import { SECTIONS } from '../schemas/primitives';
import { invisibleCharacterProblem } from './invisible';
import { decodeUtf8, parseJsonText, type JsonProblem } from './json';

export type Datasets = { [K in DatasetName]: z.infer<(typeof datasetSchemas)[K]> };

/**
 * One problem in the data, printed as `file: record.field: message`. `line` and `column` (1-based)
 * say where in the file it is, when that is known (always for a file that is not JSON).
 */
export interface DataProblem {
  file: string;
  record: string;
  field: string;
  message: string;
  line?: number;
  column?: number;
}

export function formatProblem(p: DataProblem): string {
  const where = p.field ? `${p.record}.${p.field}` : p.record;
  return `${p.file}: ${where}: ${p.message}`;
}

/** Thrown when the data does not pass; its message lists every problem, one a line. */
export class DataError extends Error {
  constructor(public readonly problems: DataProblem[]) {
    super(`The data has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'DataError';
  }
}

export { lineColumn } from './json';

/** A problem of the file's text (src/lib/json.ts) as a data problem, named by record and field where the value allows. */
function fromJsonProblem(file: string, p: JsonProblem, value: unknown): DataProblem {
  const { line, column } = p;
  if (p.kind === 'duplicate-key' || p.kind === 'number-range') {
    const [index, ...rest] = p.path;
    return { file, record: recordLabel(value, index), field: fieldPath(rest), message: `${p.message} (line ${line}, column ${column})`, line, column };
  }
  const what = p.kind === 'syntax' ? 'malformed JSON: ' : '';
  return { file, record: `line ${line}, column ${column}`, field: '', message: `${what}${p.message}`, line, column };
}

/**
 * Parses a data file's text as strict JSON. Returns the value, or every problem: a syntax error
 * with its line and column and a reason in plain words, a byte-order mark, a key given twice in one
 * record, a number out of range (each named by record and field).
 */
export function parseJson(text: string, file: string): { value?: unknown; problems: DataProblem[] } {
  const { value, problems } = parseJsonText(text);
  if (problems.length === 0) return { value, problems: [] };
  // Duplicate keys and out-of-range numbers are still JSON: read it to name their records.
  const labelled = problems.every((p) => p.kind === 'duplicate-key' || p.kind === 'number-range') ? JSON.parse(text) as unknown : undefined;
  return { problems: problems.map((p) => fromJsonProblem(file, p, labelled)) };
}

/** Reads a data file: strict UTF-8 (no silent "�"), no byte-order mark, strict JSON. */
export function readJsonFile(path: string, file: string): { value?: unknown; problems: DataProblem[] } {
  const decoded = decodeUtf8(readFileSync(path));
  if (decoded.problem) return { problems: [fromJsonProblem(file, decoded.problem, undefined)] };
  return parseJson(decoded.text, file);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const s = JSON.stringify(value);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

function valueAt(root: unknown, path: (string | number)[]): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

function recordLabel(records: unknown, index: unknown): string {
  if (typeof index !== 'number') return '(file)';
  const rec = Array.isArray(records) ? records[index] : undefined;
  const id = rec && typeof rec === 'object' ? (rec as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length > 0 ? id : `[${index}]`;
}

function fieldPath(path: (string | number)[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

function issueMessage(issue: z.ZodIssue): string {
  if (issue.code === 'invalid_type') {
    if (issue.received === 'undefined') return `expected a value (${issue.expected}) but the field is missing`;
    return issue.message.startsWith('expected') ? issue.message : `expected ${issue.expected}`;
  }
  if (issue.code === 'invalid_literal') return issue.message.startsWith('expected') ? issue.message : `expected ${JSON.stringify(issue.expected)}`;
  const m = issue.message;
  return m.charAt(0).toLowerCase() + m.slice(1);
}

/**
 * A value that fits none of a field's forms (a crossing's location: a point, or a district) is
 * reported by the form it comes closest to: the one with the fewest problems, the first on a tie.
 */
function flattenUnions(issues: z.ZodIssue[]): z.ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union' || issue.unionErrors.length === 0) return [issue];
    const best = issue.unionErrors.reduce((a, b) => (b.issues.length < a.issues.length ? b : a));
    return flattenUnions(best.issues);
  });
}

/** Turns zod issues for one file into problems naming the record id and field. */
export function zodProblems(file: string, raw: unknown, issues: z.ZodIssue[]): DataProblem[] {
  const out: DataProblem[] = [];
  for (const issue of flattenUnions(issues)) {
    const [index, ...rest] = issue.path;
    const record = recordLabel(raw, index);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ file, record, field: fieldPath([...rest, key]), message: 'unexpected field (is it misspelt? data/README.md lists the fields)' });
      }
      continue;
    }
    const found = valueAt(raw, issue.path);
    const message = issueMessage(issue);
    const field = fieldPath(rest);
    out.push({ file, record, field, message: found === undefined && message.includes('missing') ? message : `${message}, got ${describe(found)}` });
  }
  return out;
}

/** Every `sourceIds` list anywhere inside a record, with the field path that holds it. */
function* sourceRefs(value: unknown, path: (string | number)[] = []): Generator<{ path: (string | number)[]; ids: unknown[] }> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* sourceRefs(value[i], [...path, i]);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'sourceIds' && Array.isArray(v)) yield { path: [...path, k], ids: v };
      else yield* sourceRefs(v, [...path, k]);
    }
  }
}

/** Cross-dataset checks: unique ids, every source id and every record reference resolves. */
export function integrityProblems(data: Datasets, fileOf: (name: DatasetName) => string): DataProblem[] {
  const problems: DataProblem[] = [];
  const ids = new Map<DatasetName, Set<string>>();
  for (const name of DATASET_NAMES) {
    const seen = new Set<string>();
    for (const rec of data[name] as { id: string }[]) {
      if (seen.has(rec.id)) problems.push({ file: fileOf(name), record: rec.id, field: 'id', message: `expected a unique id, got "${rec.id}" a second time` });
      seen.add(rec.id);
    }
    ids.set(name, seen);
  }
  const sources = ids.get('sources')!;
  for (const name of DATASET_NAMES) {
    for (const rec of data[name] as { id: string }[]) {
      for (const ref of sourceRefs(rec)) {
        ref.ids.forEach((sid, i) => {
          if (typeof sid === 'string' && !sources.has(sid)) {
            problems.push({ file: fileOf(name), record: rec.id, field: `${fieldPath(ref.path)}[${i}]`, message: `expected the id of a source in data/sources.json, got "${sid}"` });
          }
        });
      }
    }
  }
  const resolve = (ref: string) => {
    const [dataset, id] = ref.split('/') as [DatasetName, string];
    return ids.get(dataset)?.has(id) ?? false;
  };
  for (const name of ['claims', 'pledges'] as const) {
    for (const rec of data[name]) {
      rec.about.forEach((ref, i) => {
        if (!resolve(ref)) problems.push({ file: fileOf(name), record: rec.id, field: `about[${i}]`, message: `expected a reference to an existing record, got "${ref}"` });
      });
    }
  }
  // A crossing known only to its district is drawn on that district's stretch of the border.
  const districtNames = new Map(data.districts.flatMap((d) => [d.name, ...(d.altNames ?? [])].map((n) => [n, d.id] as const)));
  for (const c of data.crossings) {
    if (c.location && !('lat' in c.location) && c.districtPk && !districtNames.has(c.districtPk)) {
      problems.push({ file: fileOf('crossings'), record: c.id, field: 'districtPk', message: `expected one of the border districts in districts.json (${data.districts.map((d) => `"${d.name}"`).join(', ')}) for a district-level location, got "${c.districtPk}"` });
    }
  }
  const orders = new Set<number>();
  for (const d of data.districts) {
    if (orders.has(d.order)) problems.push({ file: fileOf('districts'), record: d.id, field: 'order', message: `expected each district in its own place along the border, got order ${d.order} a second time` });
    orders.add(d.order);
    if (d.seatId && !ids.get('places')!.has(d.seatId)) problems.push({ file: fileOf('districts'), record: d.id, field: 'seatId', message: `expected the id of a place in places.json, got "${d.seatId}"` });
  }
  for (const p of data.pledges) {
    if (p.claimId && !ids.get('claims')!.has(p.claimId)) {
      problems.push({ file: fileOf('pledges'), record: p.id, field: 'claimId', message: `expected the id of a claim in claims.json, got "${p.claimId}"` });
    }
  }
  problems.push(...correctionProblems(data, ids, fileOf));
  return problems;
}

/** The corrections log points at records that exist, and the site finds the article's source by its role. */
function correctionProblems(data: Datasets, ids: Map<DatasetName, Set<string>>, fileOf: (name: DatasetName) => string): DataProblem[] {
  const problems: DataProblem[] = [];
  for (const c of data.corrections) {
    const [dataset, id] = c.record.split('/') as [string, string];
    const found = dataset === 'sections' ? (SECTIONS as readonly string[]).includes(id) : ids.get(dataset as DatasetName)?.has(id);
    if (!found) problems.push({ file: fileOf('corrections'), record: c.id, field: 'record', message: `expected a reference to an existing record (or section), got "${c.record}"` });
  }
  const articles = data.sources.filter((s) => s.role === 'article');
  if (articles.length !== 1) {
    problems.push({ file: fileOf('sources'), record: articles[1]?.id ?? '(file)', field: 'role', message: `expected exactly one source with role "article" (the analysis the site is built on), got ${articles.length}` });
  }
  return problems;
}

/** Texts holding direction controls, zero-width characters, or joiners and marks out of place (src/lib/invisible.ts). */
export function textProblems(file: string, raw: unknown): DataProblem[] {
  const out: DataProblem[] = [];
  // One path stack for the whole walk (100,000 records have millions of strings): copied only for a problem.
  const path: (string | number)[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') {
      const message = invisibleCharacterProblem(value);
      if (message) out.push({ file, record: recordLabel(raw, path[0]), field: fieldPath(path.slice(1)), message });
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) { path.push(i); walk(value[i]); path.pop(); }
    } else if (value && typeof value === 'object') {
      for (const k in value) { path.push(k); walk((value as Record<string, unknown>)[k]); path.pop(); }
    }
  };
  walk(raw);
  return out;
}

/** What data/ may hold besides the datasets: its documentation and the basemap folder. */
const OTHER_ENTRIES = new Set(['README.md', 'geo']);

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

/**
 * Files in the data folder that the site does not read (a misspelt dataset, a second copy, a stray
 * export), each a problem: an editor who adds `incident.json` must hear that nothing reads it.
 * Hidden files (editors' swap files, .DS_Store) are left alone.
 */
export function unknownFileProblems(dir: string, fileOf: (name: string) => string): DataProblem[] {
  if (!existsSync(dir)) return [];
  const known = new Set(DATASET_NAMES.map((n) => `${n}.json`));
  const out: DataProblem[] = [];
  for (const entry of readdirSync(dir).sort()) {
    if (entry.startsWith('.') || known.has(entry) || OTHER_ENTRIES.has(entry)) continue;
    const near = [...known].find((k) => editDistance(entry.toLowerCase(), k) <= 2);
    const hint = near ? `is it meant to be ${near}? Rename it, or remove it` : `the datasets are ${[...known].join(', ')} (data/README.md documents them): move its records into one of them, or remove it`;
    out.push({ file: fileOf(entry), record: '(file)', field: '', message: `expected only the datasets (and README.md, geo/) in the data folder, got a file the site does not read; ${hint}` });
  }
  return out;
}

/**
 * Reads, validates and cross-checks every dataset in `dir`. Returns the typed data, or every problem
 * found (all at once, so an editor fixes them in one pass).
 */
export function readDatasets(dir: string): { data?: Datasets; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const fileIn = (name: string) => relative(process.cwd(), join(dir, name)) || name;
  const fileOf = (name: DatasetName) => fileIn(`${name}.json`);
  problems.push(...unknownFileProblems(dir, fileIn));
  const parsed: Partial<Record<DatasetName, unknown>> = {};
  for (const name of DATASET_NAMES) {
    const path = join(dir, `${name}.json`);
    const file = fileOf(name);
    if (!existsSync(path)) {
      problems.push({ file, record: '(file)', field: '', message: 'expected this dataset file to exist, got no file' });
      continue;
    }
    const { value, problems: jsonProblems } = readJsonFile(path, file);
    if (jsonProblems.length > 0) {
      problems.push(...jsonProblems);
      continue;
    }
    if (!Array.isArray(value)) {
      problems.push({ file, record: '(file)', field: '', message: `expected a JSON array of records, got ${value === null ? 'null' : typeof value}` });
      continue;
    }
    problems.push(...textProblems(file, value));
    const result = datasetSchemas[name].safeParse(value);
    if (result.success) parsed[name] = result.data;
    else problems.push(...zodProblems(file, value, result.error.issues));
  }
  if (problems.length > 0) return { problems };
  const data = parsed as Datasets;
  problems.push(...integrityProblems(data, fileOf));
  return problems.length > 0 ? { problems } : { data, problems };
}
