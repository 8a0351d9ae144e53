/**
 * /data/<name>.json, /data/<name>.csv and /data/<name>.schema.json for every dataset: the
 * validated records, the same as flat CSV, and the JSON Schema generated from the zod schema.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { DATASET_NAMES, type DatasetName } from '../../schemas/index';
import { getData } from '../../lib/data';
import { toCsv } from '../../lib/csv';
import { jsonSchemaOf } from '../../lib/publish';

export const getStaticPaths = (() =>
  DATASET_NAMES.flatMap((name) => [
    { params: { file: `${name}.json` }, props: { name, format: 'json' as const } },
    { params: { file: `${name}.csv` }, props: { name, format: 'csv' as const } },
    { params: { file: `${name}.schema.json` }, props: { name, format: 'schema' as const } },
  ])) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { name, format } = props as { name: DatasetName; format: 'json' | 'csv' | 'schema' };
  const records = getData()[name];
  if (format === 'csv') return new Response(toCsv(records), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  const body = format === 'json' ? records : jsonSchemaOf(name, site ?? 'http://127.0.0.1:4321');
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
