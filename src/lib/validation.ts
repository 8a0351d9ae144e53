/**
 * Reading and checking the datasets: strict UTF-8 and JSON with line/column errors (src/lib/json.ts),
 * schema validation with one readable line per problem, the text checks (no invisible direction or
 * zero-width characters), and the cross-dataset checks no single schema can make.
 * Used by src/lib/data.ts (the site's one door to the data), the validate CLI and the build.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'astro/zod';
import { DATASET_NAMES, datasetSchemas, type DatasetName } from '../schemas/index';
import { SECTIONS } from '../schemas/primitives';
import { invisibleCharacterProblem } from './invisible';
import { decodeUtf8, jsonPathKey, lineStarts, locatePaths, parseJsonText, positionIn, type JsonPath, type JsonProblem } from './json';
import { unwrap } from './schema-docs';
import { expectedText, schemaAt } from './schema-walk';

export type Datasets = { [K in DatasetName]: z.infer<(typeof datasetSchemas)[K]> };

/**
 * One problem in the data, printed as `file:line:column: record N (id, from line L), field F: message`.
 * `index` is the record's place in the file (0-based; printed 1-based) and `path` where the value is
 * inside the record; `line`/`column` (1-based) place the field itself (the record's start for a field
 * that is missing), `recordLine` the record's first line. Each is set where it is known.
 */
export interface DataProblem {
  file: string;
  /** The record's id; "" for a record without one; "(file)" for a problem of the whole file. */
  record: string;
  field: string;
  message: string;
  index?: number;
  path?: JsonPath;
  line?: number;
  column?: number;
  recordLine?: number;
  /** A warning does not stop the build (see src/lib/changes.ts). */
  warning?: boolean;
  /** Words that name another record by its line (a duplicate id's first record), filled in when the file's lines are known. */
  finish?: (recordLine: (index: number) => number | undefined) => string;
}

/** "record 3 (gabd-rimdan, from line 88)": how a problem names its record. */
export function recordName(p: Pick<DataProblem, 'record' | 'index' | 'recordLine'>): string {
  const id = p.record && p.record !== '(file)' ? p.record : 'no id';
  return `record ${(p.index ?? 0) + 1} (${id}${p.recordLine ? `, from line ${p.recordLine}` : ''})`;
}

export function formatProblem(p: DataProblem): string {
  const at = p.line !== undefined ? `:${p.line}:${p.column ?? 1}` : '';
  const where = [p.index !== undefined ? recordName(p) : '', p.field ? `field ${p.field}` : ''].filter(Boolean).join(', ');
  return `${p.file}${at}: ${p.warning ? 'warning: ' : ''}${where ? `${where}: ` : ''}${p.message}`;
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
    if (typeof index === 'number')
      return { file, record: recordLabel(value, index), index, path: rest, field: fieldPath(rest), message: p.message, line, column };
    return { file, record: '(file)', field: fieldPath(p.path), message: p.message, line, column };
  }
  const what = p.kind === 'syntax' ? 'malformed JSON: ' : '';
  return { file, record: '(file)', field: '', message: `${what}${p.message}`, line, column };
}

/**
 * Parses a data file's text as strict JSON. Returns the value, or every problem: a syntax error
 * with its line and column and a reason in plain words, a byte-order mark, a key given twice in one
 * record, a number out of range (each named by record and field, with the line the record starts on).
 */
export function parseJson(text: string, file: string): { value?: unknown; problems: DataProblem[] } {
  const { value, problems } = parseJsonText(text);
  if (problems.length === 0) return { value, problems: [] };
  // Duplicate keys and out-of-range numbers are still JSON: read it to name and place their records.
  const readable = problems.every((p) => p.kind === 'duplicate-key' || p.kind === 'number-range');
  const labelled = readable ? (JSON.parse(text) as unknown) : undefined;
  const out = problems.map((p) => fromJsonProblem(file, p, labelled));
  if (readable) placeProblems(text, out);
  return { problems: out };
}

/** Reads a data file: strict UTF-8 (no silent "\ufffd"), no byte-order mark, strict JSON. */
export function readJsonFile(path: string, file: string): { value?: unknown; text?: string; problems: DataProblem[] } {
  const decoded = decodeUtf8(readFileSync(path));
  if (decoded.problem) return { problems: [fromJsonProblem(file, decoded.problem, undefined)] };
  return { ...parseJson(decoded.text, file), text: decoded.text };
}

/**
 * Places the problems of one file that is valid JSON: each record's first line, and the line and
 * column of the field (of its nearest enclosing value when the field is missing). Fills in the words
 * that name other records by line.
 */
export function placeProblems(text: string, problems: DataProblem[]): void {
  const mine = problems.filter((p) => p.index !== undefined);
  if (mine.length === 0) return;
  const wanted: JsonPath[] = [];
  for (const p of mine) {
    const full = [p.index!, ...(p.path ?? [])];
    for (let k = 1; k <= full.length; k++) wanted.push(full.slice(0, k));
  }
  // A problem that names another record (a duplicate id's first) needs that record's line too, and the
  // index is inside its closure: so every record start of the file is located (only when one exists).
  const anyFinish = mine.some((p) => p.finish);
  const raw = anyFinish ? (JSON.parse(text) as unknown) : undefined;
  if (anyFinish && Array.isArray(raw)) for (let i = 0; i < raw.length; i++) wanted.push([i]);
  const offsets = locatePaths(text, wanted);
  const starts = lineStarts(text);
  const lineAt = (path: JsonPath): number | undefined => {
    const o = offsets.get(jsonPathKey(path));
    return o === undefined ? undefined : positionIn(starts, o).line;
  };
  for (const p of mine) {
    const full = [p.index!, ...(p.path ?? [])];
    p.recordLine ??= lineAt([p.index!]);
    if (p.line === undefined) {
      for (let k = full.length; k >= 1; k--) {
        const o = offsets.get(jsonPathKey(full.slice(0, k)));
        if (o !== undefined) {
          Object.assign(p, positionIn(starts, o));
          break;
        }
      }
    }
    if (p.finish) {
      p.message = p.finish((i) => lineAt([i]));
      delete p.finish;
    }
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const s = JSON.stringify(value);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** A value with the name of its kind, for a type mismatch: the text "2", the number 2, a list [...]. */
function describeTyped(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `the text ${describe(value)}`;
  if (typeof value === 'number') return `the number ${describe(value)}`;
  if (typeof value === 'boolean') return describe(value);
  if (Array.isArray(value)) return `a list, ${describe(value)}`;
  return `an object, ${describe(value)}`;
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
  return typeof id === 'string' && id.length > 0 ? id : '';
}

function fieldPath(path: (string | number)[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

/** Distance between two words in edits (insert, delete, replace one character); gives up past `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (cur[j]! < best) best = cur[j]!;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The candidate nearest to a mistyped word, when it is near enough to be what was meant. */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  const max = Math.max(2, Math.round(word.length / 4));
  let best: string | undefined;
  let bestD = max + 1;
  for (const c of candidates) {
    const d = c.toLowerCase() === word.toLowerCase() ? 0.5 : editDistance(word, c, bestD - 1);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

const didYouMean = (word: string, candidates: Iterable<string>, show: (s: string) => string = (s) => `"${s}"`) => {
  const near = nearest(word, candidates);
  return near === undefined ? '' : `; did you mean ${show(near)}?`;
};

function issueMessage(issue: z.ZodIssue, sub: z.ZodTypeAny | undefined, found: unknown): string {
  const custom = issue.message.startsWith('expected') ? issue.message : undefined;
  if (issue.code === 'invalid_type') {
    const what = sub ? expectedText(sub, found) : issue.expected;
    if (issue.received === 'undefined') {
      const description = sub ? unwrap(sub).description : undefined;
      return `the field is missing: ${custom ?? `expected ${what}${description ? ` (${description.replace(/\.$/, '')})` : ''}`}`;
    }
    const unquoted = typeof found === 'string' && found.trim() !== '' && Number.isFinite(Number(found)) && sub && unwrap(sub).schema instanceof z.ZodNumber;
    return `${custom ?? `expected ${what}`}, got ${describeTyped(found)}${unquoted ? `: write it without quotes, ${Number(found)}` : ''}`;
  }
  if (issue.code === 'invalid_literal') return `${custom ?? `expected ${JSON.stringify(issue.expected)}`}, got ${describe(found)}`;
  if (issue.code === 'invalid_enum_value') {
    const base = custom ?? `expected one of ${issue.options.map((o) => JSON.stringify(o)).join(', ')}`;
    return `${base}, got ${describe(found)}${typeof found === 'string' ? didYouMean(found, issue.options.map(String)) : ''}`;
  }
  const m = issue.message;
  const words = issue.code === 'invalid_union_discriminator' && typeof found === 'string' ? didYouMean(found, issue.options.map(String)) : '';
  return `${m.charAt(0).toLowerCase() + m.slice(1)}${found === undefined ? '' : `, got ${describe(found)}`}${words}`;
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

/** Turns zod issues for one file into problems naming the record (number, id) and the field. */
export function zodProblems(file: string, raw: unknown, issues: z.ZodIssue[], schema?: z.ZodTypeAny): DataProblem[] {
  const out: DataProblem[] = [];
  for (const issue of flattenUnions(issues)) {
    const [index, ...rest] = issue.path;
    const record = recordLabel(raw, index);
    const at = typeof index === 'number' ? { index } : {};
    if (issue.code === 'unrecognized_keys') {
      const holder = schema ? unwrap(schemaAt(schema, issue.path, raw) ?? z.never()).schema : undefined;
      const known = holder && 'shape' in holder ? Object.keys((holder as z.ZodObject<z.ZodRawShape>).shape) : [];
      for (const key of issue.keys) {
        const hint = didYouMean(key, known) || ' (is it misspelt? data/README.md lists the fields)';
        out.push({
          file,
          record,
          ...at,
          path: [...rest, key],
          field: fieldPath([...rest, key]),
          message: `unexpected field${hint.startsWith(';') ? `: it is not a field of this record${hint}` : hint}`,
        });
      }
      continue;
    }
    const found = valueAt(raw, issue.path);
    const sub = schema ? schemaAt(schema, issue.path, raw) : undefined;
    out.push({ file, record, ...at, path: rest, field: fieldPath(rest), message: issueMessage(issue, sub, found) });
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

/** The records of each dataset as read from its file (before the schemas), for the checks across files. */
export type RawDatasets = Partial<Record<DatasetName, unknown[]>>;

type RawRecord = Record<string, unknown>;
const asRecord = (r: unknown): RawRecord => (r && typeof r === 'object' && !Array.isArray(r) ? (r as RawRecord) : {});
const idOf = (r: unknown): string | undefined => {
  const id = asRecord(r).id;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
};

/**
 * Checks across records and files: unique ids, and every source id and record reference resolves
 * (with the nearest existing id when one is near enough to be a typo). Made on the records as read,
 * so they are reported together with the schema problems, in one pass; a dataset whose file could
 * not be read is left out (its ids are unknown, so references into it are not judged).
 */
export function integrityProblems(raw: RawDatasets, fileOf: (name: DatasetName) => string): DataProblem[] {
  const problems: DataProblem[] = [];
  const ids = new Map<DatasetName, Map<string, number>>();
  for (const name of DATASET_NAMES) {
    const records = raw[name];
    if (!records) continue;
    const seen = new Map<string, number>();
    records.forEach((rec, index) => {
      const id = idOf(rec);
      if (id === undefined) return;
      const first = seen.get(id);
      if (first === undefined) {
        seen.set(id, index);
        return;
      }
      problems.push({
        file: fileOf(name),
        record: id,
        index,
        path: ['id'],
        field: 'id',
        message: '',
        finish: (lineOf) => {
          const line = lineOf(first);
          return `expected a unique id, got "${id}", the id of record ${first + 1} too${line ? ` (from line ${line})` : ''}: give one of the two records another id, or remove it if it is a copy`;
        },
      });
    });
    ids.set(name, seen);
  }
  const sources = ids.get('sources');
  if (sources) {
    for (const name of DATASET_NAMES) {
      raw[name]?.forEach((rec, index) => {
        for (const ref of sourceRefs(rec)) {
          ref.ids.forEach((sid, i) => {
            if (typeof sid === 'string' && !sources.has(sid)) {
              const path = [...ref.path, i];
              problems.push({
                file: fileOf(name),
                record: idOf(rec) ?? '',
                index,
                path,
                field: fieldPath(path),
                message: `expected the id of a source in data/sources.json, got "${sid}"${didYouMean(sid, sources.keys())}`,
              });
            }
          });
        }
      });
    }
  }
  /** Why a "dataset/id" reference does not resolve, or undefined when it does (or cannot be judged). */
  const unresolved = (ref: string): string | undefined => {
    const [dataset, id] = ref.split('/') as [DatasetName, string];
    const known = ids.get(dataset);
    if (!known || id === undefined || known.has(id)) return undefined;
    return didYouMean(id, known.keys(), (s) => `"${dataset}/${s}"`);
  };
  for (const name of ['claims', 'pledges'] as const) {
    raw[name]?.forEach((rec, index) => {
      const about = asRecord(rec).about;
      if (!Array.isArray(about)) return;
      about.forEach((ref, i) => {
        if (typeof ref !== 'string') return;
        const hint = unresolved(ref);
        if (hint !== undefined)
          problems.push({
            file: fileOf(name),
            record: idOf(rec) ?? '',
            index,
            path: ['about', i],
            field: `about[${i}]`,
            message: `expected a reference to an existing record, got "${ref}"${hint}`,
          });
      });
    });
  }
  const claims = ids.get('claims');
  raw.pledges?.forEach((rec, index) => {
    const claimId = asRecord(rec).claimId;
    if (claims && typeof claimId === 'string' && !claims.has(claimId)) {
      problems.push({
        file: fileOf('pledges'),
        record: idOf(rec) ?? '',
        index,
        path: ['claimId'],
        field: 'claimId',
        message: `expected the id of a claim in claims.json, got "${claimId}"${didYouMean(claimId, claims.keys())}`,
      });
    }
  });
  problems.push(...districtProblems(raw, ids, fileOf));
  problems.push(...correctionProblems(raw, ids, fileOf));
  return problems;
}

/** A crossing known only to its district is drawn on that district's stretch of the border: the district must be one of them. */
function districtProblems(raw: RawDatasets, ids: Map<DatasetName, Map<string, number>>, fileOf: (name: DatasetName) => string): DataProblem[] {
  const problems: DataProblem[] = [];
  if (!raw.districts) return problems;
  const districts = raw.districts.map(asRecord);
  const names = districts.flatMap((d) => [d.name, ...(Array.isArray(d.altNames) ? d.altNames : [])]).filter((n): n is string => typeof n === 'string');
  const shown = districts.map((d) => d.name).filter((n): n is string => typeof n === 'string');
  raw.crossings?.forEach((rec, index) => {
    const c = asRecord(rec);
    const loc = c.location;
    if (loc && typeof loc === 'object' && !('lat' in loc) && typeof c.districtPk === 'string' && !names.includes(c.districtPk)) {
      problems.push({
        file: fileOf('crossings'),
        record: idOf(rec) ?? '',
        index,
        path: ['districtPk'],
        field: 'districtPk',
        message: `expected one of the border districts in districts.json (${shown.map((n) => `"${n}"`).join(', ')}) for a district-level location, got "${c.districtPk}"${didYouMean(c.districtPk, names)}`,
      });
    }
  });
  const orders = new Map<number, number>();
  const places = ids.get('places');
  districts.forEach((d, index) => {
    if (typeof d.order === 'number') {
      const first = orders.get(d.order);
      if (first !== undefined)
        problems.push({
          file: fileOf('districts'),
          record: idOf(d) ?? '',
          index,
          path: ['order'],
          field: 'order',
          message: `expected each district in its own place along the border, got order ${d.order} a second time (record ${first + 1} has it too)`,
        });
      else orders.set(d.order, index);
    }
    if (places && typeof d.seatId === 'string' && !places.has(d.seatId))
      problems.push({
        file: fileOf('districts'),
        record: idOf(d) ?? '',
        index,
        path: ['seatId'],
        field: 'seatId',
        message: `expected the id of a place in places.json, got "${d.seatId}"${didYouMean(d.seatId, places.keys())}`,
      });
  });
  return problems;
}

/** The corrections log points at records that exist, and the site finds the article's source by its role. */
function correctionProblems(raw: RawDatasets, ids: Map<DatasetName, Map<string, number>>, fileOf: (name: DatasetName) => string): DataProblem[] {
  const problems: DataProblem[] = [];
  raw.corrections?.forEach((rec, index) => {
    const ref = asRecord(rec).record;
    if (typeof ref !== 'string' || !/^[a-z]+\/./.test(ref)) return;
    const [dataset, id] = ref.split('/') as [string, string];
    const unknown = (hint: string) =>
      problems.push({
        file: fileOf('corrections'),
        record: idOf(rec) ?? '',
        index,
        path: ['record'],
        field: 'record',
        message: `expected a reference to an existing record (or section), got "${ref}"${hint}`,
      });
    if (dataset === 'sections') {
      if (!(SECTIONS as readonly string[]).includes(id)) unknown(didYouMean(id, SECTIONS, (s) => `"sections/${s}"`));
      return;
    }
    const known = ids.get(dataset as DatasetName);
    if (known && !known.has(id)) unknown(didYouMean(id, known.keys(), (s) => `"${dataset}/${s}"`));
  });
  if (raw.sources) {
    const articles = raw.sources.map((s, index) => ({ s: asRecord(s), index })).filter(({ s }) => s.role === 'article');
    if (articles.length !== 1) {
      const second = articles[1];
      problems.push({
        file: fileOf('sources'),
        record: second ? (idOf(second.s) ?? '') : '(file)',
        ...(second ? { index: second.index, path: ['role'] } : {}),
        field: 'role',
        message: `expected exactly one source with role "article" (the analysis the site is built on), got ${articles.length}${articles.length > 1 ? ` (${articles.map(({ s }) => `"${String(s.id)}"`).join(', ')})` : ''}`,
      });
    }
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
      if (message) {
        const [index, ...rest] = path;
        out.push({ file, record: recordLabel(raw, index), ...(typeof index === 'number' ? { index } : {}), path: rest, field: fieldPath(rest), message });
      }
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        walk(value[i]);
        path.pop();
      }
    } else if (value && typeof value === 'object') {
      for (const k in value) {
        path.push(k);
        walk((value as Record<string, unknown>)[k]);
        path.pop();
      }
    }
  };
  walk(raw);
  return out;
}

/** What data/ may hold besides the datasets: its documentation and the basemap folder. */
const OTHER_ENTRIES = new Set(['README.md', 'geo']);

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
    const hint = near
      ? `is it meant to be ${near}? Rename it, or remove it`
      : `the datasets are ${[...known].join(', ')} (data/README.md documents them): move its records into one of them, or remove it`;
    out.push({
      file: fileOf(entry),
      record: '(file)',
      field: '',
      message: `expected only the datasets (and README.md, geo/) in the data folder, got a file the site does not read; ${hint}`,
    });
  }
  return out;
}

/** Problems grouped by file (in the datasets' order), then in the order of their lines. */
function inFileOrder(problems: DataProblem[], files: string[]): DataProblem[] {
  const rank = (f: string) => {
    const i = files.indexOf(f);
    return i < 0 ? -1 : i;
  };
  return problems
    .map((p, k) => ({ p, k }))
    .sort(
      (a, b) =>
        rank(a.p.file) - rank(b.p.file) ||
        (a.p.recordLine ?? a.p.line ?? 0) - (b.p.recordLine ?? b.p.line ?? 0) ||
        (a.p.line ?? 0) - (b.p.line ?? 0) ||
        a.k - b.k,
    )
    .map(({ p }) => p);
}

/**
 * Reads, validates and cross-checks every dataset in `dir`. Returns the typed data, or every problem
 * found (all at once, so an editor fixes them in one pass), each placed at its line.
 */
export function readDatasets(dir: string): { data?: Datasets; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const fileIn = (name: string) => relative(process.cwd(), join(dir, name)) || name;
  const fileOf = (name: DatasetName) => fileIn(`${name}.json`);
  problems.push(...unknownFileProblems(dir, fileIn));
  const parsed: Partial<Record<DatasetName, unknown>> = {};
  const raw: RawDatasets = {};
  const texts = new Map<string, string>();
  for (const name of DATASET_NAMES) {
    const path = join(dir, `${name}.json`);
    const file = fileOf(name);
    if (!existsSync(path)) {
      problems.push({ file, record: '(file)', field: '', message: 'expected this dataset file to exist, got no file' });
      continue;
    }
    const { value, text, problems: jsonProblems } = readJsonFile(path, file);
    if (jsonProblems.length > 0) {
      problems.push(...jsonProblems);
      continue;
    }
    if (!Array.isArray(value)) {
      problems.push({
        file,
        record: '(file)',
        field: '',
        line: 1,
        column: 1,
        message: `expected a JSON array of records ([ {...}, {...} ]), got ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value}`,
      });
      continue;
    }
    raw[name] = value;
    texts.set(file, text!);
    problems.push(...textProblems(file, value));
    const result = datasetSchemas[name].safeParse(value);
    if (result.success) parsed[name] = result.data;
    else problems.push(...zodProblems(file, value, result.error.issues, datasetSchemas[name]));
  }
  problems.push(...integrityProblems(raw, fileOf));
  if (problems.length === 0) return { data: parsed as Datasets, problems };
  for (const [file, text] of texts)
    placeProblems(
      text,
      problems.filter((p) => p.file === file),
    );
  return { problems: inFileOrder(problems, DATASET_NAMES.map(fileOf)) };
}
