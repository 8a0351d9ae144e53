/**
 * The downloads: for every dataset /data/<name>.json (the validated records) and
 * /data/<name>.schema.json (JSON Schema generated from the zod schema); for every table
 * (src/lib/tables.ts: one per dataset, one per list of entries, the citations) /data/<table>.csv
 * (UTF-8, for code and the data package), /data/<table>.excel.csv (the same with a byte-order
 * mark, so Excel reads it as UTF-8 on a double-click) and /data/<table>.tableschema.json.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { DATASET_NAMES, type DatasetName } from '../../schemas/index';
import { getData } from '../../lib/data';
import { rowsToCsv } from '../../lib/csv';
import { jsonSchemaOf, publishedTables, tableSchemaOf } from '../../lib/publish';
import { DEFAULT_SITE } from '../../lib/site';

type Props = { name: string; format: 'json' | 'schema' | 'csv' | 'excel' | 'tableschema' };

export const getStaticPaths = (() => [
  ...DATASET_NAMES.flatMap((name) => [
    { params: { file: `${name}.json` }, props: { name, format: 'json' } satisfies Props },
    { params: { file: `${name}.schema.json` }, props: { name, format: 'schema' } satisfies Props },
  ]),
  ...publishedTables().flatMap((t) => [
    { params: { file: `${t.name}.csv` }, props: { name: t.name, format: 'csv' } satisfies Props },
    { params: { file: `${t.name}.excel.csv` }, props: { name: t.name, format: 'excel' } satisfies Props },
    { params: { file: `${t.name}.tableschema.json` }, props: { name: t.name, format: 'tableschema' } satisfies Props },
  ]),
]) satisfies GetStaticPaths;

const json = (body: unknown) => new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });

export const GET: APIRoute = ({ props, site }) => {
  const { name, format } = props as Props;
  if (format === 'json') return json(getData()[name as DatasetName]);
  if (format === 'schema') return json(jsonSchemaOf(name as DatasetName, site ?? DEFAULT_SITE));
  const table = publishedTables().find((t) => t.name === name)!;
  if (format === 'tableschema') return json(tableSchemaOf(table));
  const csv = rowsToCsv(table.schema.fields.map((f) => f.name), table.rows, { bom: format === 'excel' });
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
