/**
 * What the site publishes for researchers: each dataset as JSON, CSV and JSON Schema (generated
 * from the same zod schemas the validator uses), and a Frictionless Data Package describing them.
 */
import { zodToJsonSchema } from 'zod-to-json-schema';
import { DATASET_NAMES, datasetSchemas, type DatasetName } from '../schemas/index';
import { DATASET_DESCRIPTIONS } from './data-readme';
import { getData, latestDataDate, type Datasets } from './data';
import { recordKinds } from './schema-docs';
import { allTables, type Table } from './tables';

export const DATA_LICENCE = { name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' };
export const PROJECT_TITLE = "Iran and Pakistan after Pezeshkian's visit: a sourced explainer";
export const PROJECT_AUTHOR = 'Iran-Pakistan explainer data desk';

/** JSON Schema (draft-07) of one dataset file, from its zod schema. */
export function jsonSchemaOf(name: DatasetName, site: URL | string): Record<string, unknown> {
  // zod-to-json-schema's types are written against its own zod import; the schema objects are the same at run time.
  const toJsonSchema = zodToJsonSchema as unknown as (schema: unknown, options: object) => Record<string, unknown>;
  const schema = toJsonSchema(datasetSchemas[name], { $refStrategy: 'none', target: 'jsonSchema7' });
  return {
    ...schema,
    $id: new URL(`/data/${name}.schema.json`, site).href,
    title: `${name}.json`,
    description: DATASET_DESCRIPTIONS[name],
  };
}

/** Per-dataset facts for the catalogue page and the data package. */
export function datasetSummaries(data: Datasets = getData()) {
  const updated = latestDataDate(data);
  return DATASET_NAMES.map((name) => ({
    name,
    description: DATASET_DESCRIPTIONS[name],
    count: data[name].length,
    kinds: recordKinds(datasetSchemas[name]),
    updated,
  }));
}

/** In-line and full citations and BibTeX for a dataset (or the whole project when name is absent). */
export function citationFor(site: URL | string, updated: string, name?: DatasetName) {
  const year = updated.slice(0, 4);
  const url = new URL(name ? `/data/${name}.json` : '/data/', site).href;
  const what = name ? `${name} dataset` : 'datasets';
  return {
    inline: `(${PROJECT_AUTHOR}, ${year})`,
    full: `${PROJECT_AUTHOR} (${year}). ${PROJECT_TITLE}: ${what}, data to ${updated}. ${url}`,
    bibtex: `@misc{iran_pakistan_explainer_${name ?? 'data'}_${year},\n  author = {{${PROJECT_AUTHOR}}},\n  title = {{${PROJECT_TITLE}: ${what}}},\n  year = {${year}},\n  note = {Data to ${updated}. Licence CC BY 4.0},\n  url = {${url}}\n}`,
  };
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
