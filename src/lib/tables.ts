/**
 * The datasets as tables a spreadsheet or a Frictionless reader takes: one CSV per dataset with the
 * columns a person filters by, one per list of entries (a crossing's status history: one row per
 * status change), and one of citations (which record cites which source), each with a Table Schema
 * generated from the zod schemas (types, constraints, descriptions, keys).
 *
 * The columns, from the schema of a record:
 * - a text, number, whole number or true/false field is a column of that type (enums and bounds as constraints);
 * - a nested object is flattened into dotted columns (`location.lat`, `killed.min`), whichever of its forms a record has;
 * - an ISO date that may be a day, a month or a year is three columns: `date` as given (text: 2023-05 stays
 *   2023-05), `date.precision` (day, month or year) and `date.firstDay`, the first day of that period as a real
 *   date a spreadsheet sorts and filters by; a date that is always a day is one column of type date;
 * - a list of plain values is one text column, the values separated by "; " (the citations table has every
 *   source id on a row of its own, with a foreign key to sources);
 * - a list of names in local scripts is one column per language (`nameLocal.fa`);
 * - a list of entries is a table of its own (`crossings-history`), keyed by the record's id and the entry's
 *   position, and a history's last entry is also in the record's row (`currentStatus`, `currentStatusDate`);
 * - a column no record fills is left out.
 */
import { z } from 'astro/zod';
import { DATASET_NAMES, datasetSchemas, type DatasetName } from '../schemas/index';
import { localText } from '../schemas/primitives';
import { type Row } from './csv';
import { unwrap } from './schema-docs';

/** A Table Schema field (https://specs.frictionlessdata.io/table-schema/). */
export interface TableField {
  name: string;
  type: 'string' | 'number' | 'integer' | 'boolean' | 'date';
  description?: string;
  constraints?: { required?: boolean; enum?: string[]; minimum?: number; maximum?: number; pattern?: string };
}

export interface ForeignKey {
  fields: string;
  reference: { resource: string; fields: string };
}

export interface TableSchema {
  fields: TableField[];
  primaryKey?: string[];
  foreignKeys?: ForeignKey[];
  missingValues: string[];
}

export interface Table {
  /** The resource name in the data package, and the file's base name (`data/<name>.csv`). */
  name: string;
  /** The dataset it comes from ("" for the citations table). */
  dataset: DatasetName | '';
  title: string;
  description: string;
  schema: TableSchema;
  rows: Row[];
}

/** How a record of each dataset is called in a column that points at it (`crossingId`). */
const SINGULAR: Record<string, string> = {
  sources: 'source',
  claims: 'claim',
  events: 'event',
  trade: 'trade',
  mous: 'mou',
  pipeline: 'pipeline',
  incidents: 'incident',
  crossings: 'crossing',
  districts: 'district',
  places: 'place',
  pledges: 'pledge',
  smuggling: 'smuggling',
  corrections: 'correction',
};
export const parentKey = (dataset: string) => `${SINGULAR[dataset] ?? 'record'}Id`;

/** Fields that point at a record of another dataset (a foreign key in the table). */
const REFERENCES: Partial<Record<DatasetName, Record<string, DatasetName>>> = {
  pledges: { claimId: 'claims' },
  districts: { seatId: 'places' },
};

/** A list is written in one cell with this between its values. */
export const LIST_SEPARATOR = '; ';

const ISO_PATTERN = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';
const isDate = (s: z.ZodTypeAny) => s.safeParse('2024-02-29').success && !s.safeParse('2023-02-29').success;
const isDayOnly = (s: z.ZodTypeAny) => isDate(s) && !s.safeParse('2024-02').success;

/** The precision of an ISO date as written: 2024-01-16 day, 2024-01 month, 2024 year. */
export function precisionOf(iso: string): 'day' | 'month' | 'year' {
  return iso.length === 10 ? 'day' : iso.length === 7 ? 'month' : 'year';
}

/** The first day of the period an ISO date names (2023-05 -> 2023-05-01). */
export function firstDayOf(iso: string): string {
  return `${iso}-01-01`.slice(0, 10);
}

type Get = (item: unknown) => unknown;
interface Column {
  field: TableField;
  get: (item: unknown) => string;
}
interface Child {
  field: string;
  forms: z.ZodTypeAny[];
  get: Get;
}

const at =
  (get: Get, key: string): Get =>
  (v) => {
    const o = get(v);
    return o && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined;
  };
const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** The object forms of a schema: one for an object, each option of a union of objects. */
function objectForms(s: z.ZodTypeAny): z.ZodObject<z.ZodRawShape>[] {
  const { schema } = unwrap(s);
  if (schema instanceof z.ZodObject) return [schema];
  if (schema instanceof z.ZodUnion || schema instanceof z.ZodDiscriminatedUnion) return (schema.options as z.ZodTypeAny[]).flatMap(objectForms);
  return [];
}

const nullable = (s: z.ZodTypeAny) => s instanceof z.ZodNullable || (s instanceof z.ZodOptional && s.unwrap() instanceof z.ZodNullable);

/** The columns of the object `forms` (merged), and the lists of entries inside them. */
function walk(forms: z.ZodObject<z.ZodRawShape>[], prefix: string, get: Get, required: boolean, records: unknown[], cols: Column[], children: Child[]): void {
  const keys: string[] = [];
  for (const f of forms) for (const k of Object.keys(f.shape)) if (!keys.includes(k)) keys.push(k);
  for (const key of keys) {
    const schemas = forms.map((f) => f.shape[key] as z.ZodTypeAny | undefined).filter((s): s is z.ZodTypeAny => !!s);
    const first = schemas[0]!;
    const name = prefix ? `${prefix}.${key}` : key;
    const getter = at(get, key);
    const req = required && forms.every((f) => f.shape[key] && !unwrap(f.shape[key] as z.ZodTypeAny).optional) && !schemas.some(nullable);
    const description = schemas.map((s) => unwrap(s).description).find(Boolean);
    const inner = schemas.map((s) => unwrap(s).schema);
    const constraints = (extra: TableField['constraints'] = {}) => {
      const c = { ...(req ? { required: true } : {}), ...extra };
      return Object.keys(c).length ? { constraints: c } : {};
    };
    const base = (type: TableField['type'], extra?: TableField['constraints'], desc = description): TableField => ({
      name,
      type,
      ...(desc ? { description: desc } : {}),
      ...constraints(extra),
    });

    if (inner.every((s) => s instanceof z.ZodLiteral)) {
      cols.push({ field: base('string', { enum: [...new Set(inner.map((s) => String((s as z.ZodLiteral<unknown>).value)))] }), get: (v) => text(getter(v)) });
      continue;
    }
    const objects = schemas.flatMap(objectForms);
    if (objects.length > 0 && inner.every((s) => objectForms(s).length > 0)) {
      walk(objects, name, getter, req, records, cols, children);
      continue;
    }
    const s0 = inner[0]!;
    if (s0 instanceof z.ZodArray) {
      const element = s0.element as z.ZodTypeAny;
      if (objectForms(element).length > 0 && objectForms(element).every((f) => f === unwrap(localText).schema)) {
        // Names in local scripts: one column per language the data has.
        const langs = new Set<string>();
        for (const r of records) for (const e of (getter(r) as { lang: string }[] | undefined) ?? []) langs.add(e.lang);
        for (const lang of [...langs].sort()) {
          cols.push({
            field: {
              name: `${name}.${lang}`,
              type: 'string',
              description: `${description ? `${description.replace(/\.$/, '')}: ` : ''}in the language tagged "${lang}" (several separated by "${LIST_SEPARATOR}").`,
            },
            get: (v) =>
              ((getter(v) as { text: string; lang: string }[] | undefined) ?? [])
                .filter((e) => e.lang === lang)
                .map((e) => e.text)
                .join(LIST_SEPARATOR),
          });
        }
        continue;
      }
      if (objectForms(element).length > 0) {
        children.push({ field: key, forms: [element], get: getter });
        const entry = objectForms(element)[0]!;
        if ('status' in entry.shape && 'date' in entry.shape) {
          // The current status and its date, from the last entry (the history is in date order).
          const last: Get = (v) => {
            const l = getter(v) as unknown[] | undefined;
            return l?.[l.length - 1];
          };
          const status = unwrap(entry.shape.status as z.ZodTypeAny).schema;
          cols.push({
            field: {
              name: 'currentStatus',
              type: 'string',
              description: `The status now: the last entry of ${key}.`,
              ...(status instanceof z.ZodEnum ? { constraints: { enum: [...(status.options as string[])] } } : {}),
            },
            get: (v) => text(at(last, 'status')(v)),
          });
          dateColumns('currentStatusDate', `The date of the current status (the last entry of ${key}).`, at(last, 'date'), false, cols);
        }
        continue;
      }
      const joined = (l: unknown) => (Array.isArray(l) ? l.map(text).join(LIST_SEPARATOR) : '');
      cols.push({
        field: base('string', undefined, `${description ? `${description.replace(/\.$/, '')}. ` : ''}A list: the values are separated by "${LIST_SEPARATOR}".`),
        get: (v) => joined(getter(v)),
      });
      continue;
    }
    if (s0 instanceof z.ZodString && isDate(first)) {
      if (isDayOnly(first)) cols.push({ field: base('date'), get: (v) => text(getter(v)) });
      else dateColumns(name, description, getter, req, cols);
      continue;
    }
    if (s0 instanceof z.ZodNumber) {
      const extra: TableField['constraints'] = {};
      if (s0.minValue !== null && Number.isFinite(s0.minValue)) extra.minimum = s0.minValue;
      if (s0.maxValue !== null && Number.isFinite(s0.maxValue)) extra.maximum = s0.maxValue;
      cols.push({ field: base(s0.isInt ? 'integer' : 'number', extra), get: (v) => text(getter(v)) });
      continue;
    }
    if (s0 instanceof z.ZodBoolean) {
      cols.push({ field: base('boolean'), get: (v) => text(getter(v)) });
      continue;
    }
    // A vocabulary (a field that is an enum in one form and a single value in another: a point's
    // geoPrecision, and "district" for a place known only to its district): every word any form allows.
    if (inner.every((s) => s instanceof z.ZodEnum || s instanceof z.ZodLiteral)) {
      const words = inner.flatMap((s) => (s instanceof z.ZodEnum ? (s.options as string[]) : [String((s as z.ZodLiteral<unknown>).value)]));
      cols.push({ field: base('string', { enum: [...new Set(words)] }), get: (v) => text(getter(v)) });
      continue;
    }
    cols.push({ field: base('string'), get: (v) => text(getter(v)) });
  }
}

/** A date of day, month or year precision: as given, its precision, and the first day of its period. */
function dateColumns(name: string, description: string | undefined, get: Get, required: boolean, cols: Column[]): void {
  const desc = description ? `${description.replace(/\.$/, '')}. ` : '';
  const value = (v: unknown) => {
    const d = get(v);
    return typeof d === 'string' ? d : '';
  };
  cols.push({
    field: {
      name,
      type: 'string',
      description: `${desc}As given: a day (2024-01-16), a month (2024-01) or a year (2024); ${name}.precision says which, ${name}.firstDay is the same as a date.`,
      constraints: { ...(required ? { required: true } : {}), pattern: ISO_PATTERN },
    },
    get: value,
  });
  cols.push({
    field: {
      name: `${name}.precision`,
      type: 'string',
      description: `How precise ${name} is: day, month or year.`,
      constraints: { ...(required ? { required: true } : {}), enum: ['day', 'month', 'year'] },
    },
    get: (v) => (value(v) ? precisionOf(value(v)) : ''),
  });
  cols.push({
    field: {
      name: `${name}.firstDay`,
      type: 'date',
      description: `The first day of the period ${name} names (2023-05 gives 2023-05-01): a date to sort and filter by; read it with ${name}.precision.`,
      ...(required ? { constraints: { required: true } } : {}),
    },
    get: (v) => (value(v) ? firstDayOf(value(v)) : ''),
  });
}

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Columns that hold something in at least one row (a column no record fills is left out), in order. */
function build(
  name: string,
  dataset: DatasetName | '',
  title: string,
  description: string,
  cols: Column[],
  items: unknown[],
  keys: { primaryKey?: string[]; foreignKeys?: ForeignKey[] },
): Table {
  const cells = items.map((item) => cols.map((c) => c.get(item)));
  const keep = cols.map((c, j) => (keys.primaryKey ?? []).includes(c.field.name) || cells.some((row) => row[j] !== ''));
  const kept = cols.filter((_, j) => keep[j]);
  const rows = cells.map((row) => Object.fromEntries(kept.map((c) => [c.field.name, row[cols.indexOf(c)]!])));
  const names = new Set(kept.map((c) => c.field.name));
  const foreignKeys = (keys.foreignKeys ?? []).filter((fk) => names.has(fk.fields));
  return {
    name,
    dataset,
    title,
    description,
    rows,
    schema: {
      fields: kept.map((c) => c.field),
      ...(keys.primaryKey ? { primaryKey: keys.primaryKey } : {}),
      ...(foreignKeys.length ? { foreignKeys } : {}),
      missingValues: [''],
    },
  };
}

/** The tables of one dataset: its own, then one per list of entries. */
export function datasetTables(
  dataset: DatasetName,
  records: readonly unknown[],
  description: string,
  element: z.ZodTypeAny = (unwrap(datasetSchemas[dataset]).schema as z.ZodArray<z.ZodTypeAny>).element,
): Table[] {
  const cols: Column[] = [];
  const children: Child[] = [];
  walk(objectForms(element), '', (v) => v, true, records as unknown[], cols, children);
  const refs = REFERENCES[dataset] ?? {};
  const hasId = cols.some((c) => c.field.name === 'id');
  const main = build(dataset, dataset, `${dataset}: one row per record`, description, cols, records as unknown[], {
    ...(hasId ? { primaryKey: ['id'] } : {}),
    foreignKeys: Object.entries(refs).map(([f, resource]) => ({ fields: f, reference: { resource, fields: 'id' } })),
  });
  const out = [main];
  const key = parentKey(dataset);
  for (const child of children) {
    const ccols: Column[] = [];
    const grand: Child[] = [];
    const items = (records as unknown[]).flatMap((r) =>
      ((child.get(r) as unknown[] | undefined) ?? []).map((entry, i) => ({ parent: r, entry, position: i + 1 })),
    );
    walk(
      child.forms.flatMap(objectForms),
      '',
      (v) => (v as { entry: unknown }).entry,
      true,
      items.map((x) => x.entry),
      ccols,
      grand,
    );
    if (grand.length) throw new Error(`${dataset}.${child.field}: a list inside a list of entries has no table yet (${grand.map((g) => g.field).join(', ')})`);
    const idCol: Column = {
      field: { name: key, type: 'string', description: `The id of the ${SINGULAR[dataset] ?? 'record'} in ${dataset}.csv.`, constraints: { required: true } },
      get: (v) => text(at((x) => (x as { parent: unknown }).parent, 'id')(v)),
    };
    const posCol: Column = {
      field: {
        name: 'position',
        type: 'integer',
        description: `The entry's place in the record's ${child.field}, 1 first.`,
        constraints: { required: true, minimum: 1 },
      },
      get: (v) => String((v as { position: number }).position),
    };
    const name = `${dataset}-${kebab(child.field)}`;
    out.push(
      build(
        name,
        dataset,
        `${dataset}: ${child.field}, one row per entry`,
        `The ${child.field} of each record of ${dataset}, one row per entry, in order; ${key} and position are its key.`,
        [idCol, posCol, ...ccols],
        items,
        {
          primaryKey: [key, 'position'],
          foreignKeys: [{ fields: key, reference: { resource: dataset, fields: 'id' } }],
        },
      ),
    );
  }
  return out;
}

/** Every `sourceIds` list inside a record: the field's path without positions, and the entry it is in. */
function* citationsIn(value: unknown, path: string[] = [], position?: number): Generator<{ field: string; position?: number; ids: unknown[] }> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* citationsIn(value[i], path, position ?? i + 1);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'sourceIds' && Array.isArray(v)) yield { field: [...path, k].join('.'), position, ids: v };
      else yield* citationsIn(v, [...path, k], position);
    }
  }
}

/** Which record cites which source: one row per citation, with a foreign key to sources. */
export function citationsTable(data: Record<DatasetName, readonly unknown[]>): Table {
  const rows: { dataset: string; recordId: string; field: string; position: string; sourceId: string }[] = [];
  for (const name of DATASET_NAMES) {
    if (name === 'sources') continue;
    for (const rec of data[name]) {
      const id = String((rec as { id: string }).id);
      for (const c of citationsIn(rec))
        for (const sid of c.ids)
          rows.push({ dataset: name, recordId: id, field: c.field, position: c.position === undefined ? '' : String(c.position), sourceId: String(sid) });
    }
  }
  const col = (name: string, type: TableField['type'], description: string, constraints?: TableField['constraints']): Column => ({
    field: { name, type, description, ...(constraints ? { constraints } : {}) },
    get: (r) => (r as Record<string, string>)[name]!,
  });
  return build(
    'citations',
    '',
    'citations: one row per source a record cites',
    "Every citation in the datasets: which record (dataset and id), which of its fields, and which source (an id in sources.csv). The datasets' sourceIds columns hold the same ids in one cell; here each has its own row.",
    [
      col('dataset', 'string', 'The dataset the record is in (its CSV is <dataset>.csv).', {
        required: true,
        enum: DATASET_NAMES.filter((n) => n !== 'sources'),
      }),
      col('recordId', 'string', 'The id of the record in that dataset.', { required: true }),
      col(
        'field',
        'string',
        'The field that cites it: "sourceIds" for the record itself, "location.sourceIds" for its point, "history.sourceIds" for an entry of its history...',
        { required: true },
      ),
      col(
        'position',
        'integer',
        "For a field inside a list of entries (history, updates, values, alternativeDates), the entry's position, 1 first, as in <dataset>-<list>.csv; empty for the record itself.",
        { minimum: 1 },
      ),
      col('sourceId', 'string', 'The id of the source in sources.csv.', { required: true }),
    ],
    rows,
    { foreignKeys: [{ fields: 'sourceId', reference: { resource: 'sources', fields: 'id' } }] },
  );
}

/** Every table the site publishes, by dataset, then the citations. */
export function allTables(data: Record<DatasetName, readonly unknown[]>, describe: (name: DatasetName) => string): Table[] {
  return [...DATASET_NAMES.flatMap((name) => datasetTables(name, data[name], describe(name))), citationsTable(data)];
}
