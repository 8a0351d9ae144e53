/**
 * What the site publishes for researchers: each dataset as JSON, CSV and JSON Schema (generated
 * from the same zod schemas the validator uses), and a Frictionless Data Package describing them.
 */
import { zodToJsonSchema } from 'zod-to-json-schema';
import { DATASET_NAMES, datasetSchemas, type DatasetName } from '../schemas/index';
import { DATASET_DESCRIPTIONS } from './data-readme';
import { getData, type Datasets } from './data';
import { recordKinds } from './schema-docs';
import { allTables, type Table } from './tables';
import { PROJECT_AUTHOR, PROJECT_TITLE } from './site';

export const DATA_LICENCE = { name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' };

/** JSON Schema (draft-07) of one dataset file, from its zod schema. */
export function jsonSchemaOf(name: DatasetName, site: URL | string): Record<string, unknown> {
  const schema = zodToJsonSchema(datasetSchemas[name], { $refStrategy: 'none', target: 'jsonSchema7' });
  return {
    ...schema,
    $id: new URL(`/data/${name}.schema.json`, site).href,
    title: `${name}.json`,
    description: DATASET_DESCRIPTIONS[name],
  };
}

/** Fields holding the date of a fact or of a source (a target's horizon, a plan, is not one). */
const FACT_DATE_KEYS = new Set(['date', 'endDate', 'dateSet', 'periodStart', 'periodEnd', 'published', 'accessed']);

function newestDateIn(value: unknown, key = ''): string {
  if (typeof value === 'string') return FACT_DATE_KEYS.has(key) ? value : '';
  let newest = '';
  const take = (d: string) => {
    if (d > newest) newest = d;
  };
  if (Array.isArray(value)) for (const v of value) take(newestDateIn(v, key));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) take(newestDateIn(v, k));
  return newest;
}

/**
 * When a dataset last changed, as far as the data can tell: the newest date of its records (an
 * incident's date, a status change, a source's publication or reading) and the newest correction
 * logged against one of them; `date` is the later of the two. The records carry no date of entry,
 * so a record added today about last year shows last year's date: the corrections log is what
 * dates a change to a published fact. A dataset with neither (places, mous) has no `date`.
 */
export interface DatasetChange {
  date?: string;
  newestRecord?: string;
  lastCorrection?: string;
}

export function datasetLastChange(name: DatasetName, data: Datasets = getData()): DatasetChange {
  const newestRecord = newestDateIn(data[name]) || undefined;
  const lastCorrection =
    name === 'corrections'
      ? undefined
      : data.corrections
          .filter((c) => c.record.startsWith(`${name}/`))
          .reduce<string | undefined>((acc, c) => (!acc || c.date > acc ? c.date : acc), undefined);
  const date = [newestRecord, lastCorrection]
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);
  return { ...(date ? { date } : {}), ...(newestRecord ? { newestRecord } : {}), ...(lastCorrection ? { lastCorrection } : {}) };
}

/**
 * The data's release: the newest change of any dataset (the corrections log included). The data
 * package's version, CITATION.cff's date-released, the citations' year. It moves only when the
 * data does, so two builds of the same data cite the same release.
 */
export function releaseDate(data: Datasets = getData()): string {
  return (
    DATASET_NAMES.map((n) => datasetLastChange(n, data).date ?? '')
      .sort()
      .at(-1) ?? ''
  );
}

/** Per-dataset facts for the catalogue page and the data package. */
export function datasetSummaries(data: Datasets = getData()) {
  return DATASET_NAMES.map((name) => ({
    name,
    description: DATASET_DESCRIPTIONS[name],
    count: data[name].length,
    kinds: recordKinds(datasetSchemas[name]),
    change: datasetLastChange(name, data),
    tables: publishedTables(data).filter((t) => t.dataset === name),
  }));
}

/**
 * In-line and full citations and BibTeX for a dataset (or the whole project when name is absent),
 * as of `release` (YYYY-MM-DD). The BibTeX key names the dataset only, never a date, so a citation
 * key in a researcher's bibliography stays the same when a new fact arrives.
 */
export function citationFor(site: URL | string, release: string, name?: DatasetName) {
  const year = release.slice(0, 4);
  const url = new URL(name ? `/data/#dataset-${name}` : '/data/', site).href;
  const what = name ? `${name} dataset` : 'datasets';
  return {
    key: bibtexKey(name),
    inline: `(${PROJECT_AUTHOR}, ${year})`,
    full: `${PROJECT_AUTHOR} (${year}). ${PROJECT_TITLE}: ${what}, version ${release}. ${url}`,
    bibtex: `@misc{${bibtexKey(name)},\n  author = {{${PROJECT_AUTHOR}}},\n  title = {{${PROJECT_TITLE}: ${what}}},\n  year = {${year}},\n  version = {${release}},\n  note = {Licence CC BY 4.0},\n  url = {${url}}\n}`,
  };
}

/** The BibTeX key of a dataset (or of all of them): stable across releases. */
export function bibtexKey(name?: DatasetName): string {
  return `iran_pakistan_explainer_${name ?? 'data'}`;
}

const tablesCache = new WeakMap<Datasets, Table[]>();

/** Every published table (one per dataset, one per list of entries, the citations), made once per build. */
export function publishedTables(data: Datasets = getData()): Table[] {
  let t = tablesCache.get(data);
  if (!t) {
    t = allTables(data, (name) => DATASET_DESCRIPTIONS[name]);
    tablesCache.set(data, t);
  }
  return t;
}

/** The Table Schema of a table as published (data/<name>.tableschema.json). */
export function tableSchemaOf(table: Table): Record<string, unknown> {
  return {
    $schema: 'https://specs.frictionlessdata.io/schemas/table-schema.json',
    title: `${table.name}.csv`,
    description: table.description,
    ...table.schema,
  };
}
