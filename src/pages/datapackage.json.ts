/**
 * /datapackage.json: a Frictionless Data Package describing every dataset, its schema, licence and
 * sources: every table (src/lib/tables.ts) as a CSV resource with its Table Schema, primary and
 * foreign keys, then every dataset as JSON with its JSON Schema. Resource and schema paths are
 * relative to the descriptor (data/<name>.csv), so the package reads wherever it is served from, or
 * from a saved copy of the folder.
 */
import type { APIRoute } from 'astro';
import { getData } from '../lib/data';
import { DEFAULT_SITE } from '../lib/site';
import { DATA_LICENCE, datasetSummaries, publishedTables, releaseDate } from '../lib/publish';
import { PROJECT_AUTHOR, PROJECT_TITLE } from '../lib/site';

export const GET: APIRoute = ({ site }) => {
  const base = site ?? DEFAULT_SITE;
  const data = getData();
  const summaries = datasetSummaries(data);
  const release = releaseDate(data);
  const changed = (name: string) => summaries.find((s) => s.name === name)?.change.date;
  const pkg = {
    profile: 'data-package',
    name: 'iran-pakistan-explainer',
    title: PROJECT_TITLE,
    description:
      "Sourced datasets behind an explainer of Iran-Pakistan relations, built on Rasanah's analysis of President Pezeshkian's August 2025 visit to Pakistan.",
    homepage: new URL('/', base).href,
    // The release: the newest change of any dataset (src/lib/publish.ts), the same in CITATION.cff.
    version: release,
    created: `${release}T00:00:00Z`,
    licenses: [DATA_LICENCE],
    contributors: [{ title: PROJECT_AUTHOR, role: 'author' }],
    sources: data.sources.filter((s) => s.url).map((s) => ({ title: `${s.publisher}: ${s.title}`, path: s.url })),
    resources: [
      // The tables first: what a Frictionless reader reads and casts (each with its Table Schema and keys).
      ...publishedTables(data).map((t) => ({
        name: t.name,
        title: t.title,
        description: `${t.description} A copy with a byte-order mark, for Excel: data/${t.name}.excel.csv.`,
        path: `data/${t.name}.csv`,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        profile: 'tabular-data-resource',
        dialect: { delimiter: ',' },
        schema: `data/${t.name}.tableschema.json`,
        licenses: [DATA_LICENCE],
        ...(t.dataset && changed(t.dataset) ? { lastChanged: changed(t.dataset) } : {}),
      })),
      // The records as the site reads them, nested as in data/, each with its JSON Schema.
      ...summaries.map((s) => ({
        name: `${s.name}-json`,
        title: `${s.name} (JSON)`,
        description: s.description,
        path: `data/${s.name}.json`,
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        profile: 'data-resource',
        schema: `data/${s.name}.schema.json`,
        licenses: [DATA_LICENCE],
        ...(s.change.date ? { lastChanged: s.change.date } : {}),
      })),
    ],
  };
  return new Response(`${JSON.stringify(pkg, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
