/**
 * The one door to the data. Every page, component and chart model reads the datasets through
 * these functions; they are read from DATA_DIR (default data/), validated with the schemas in
 * src/schemas and cross-checked once per build. Bad data stops the build with the validator's message.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Claim } from '../schemas/claims';
import type { Correction } from '../schemas/corrections';
import type { Source } from '../schemas/sources';
import type { Mou as MouRecord } from '../schemas/mous';
import { DataError, readDatasets, type Datasets } from './validation';
import { basemapLayers, type BasemapLayers, type BasemapTopology } from './map/basemap';

const BASEMAP_FILE = 'basemap.topo.json';

export type { Datasets } from './validation';

let cache: { dir: string; data: Datasets } | undefined;

/**
 * What the data folder holds now: a SHA-256 over the name and bytes of each of its JSON files. The
 * hand-off below is taken only when this is unchanged, so a file edited between the build's validation
 * and Astro's read (or a VALIDATED_DATA left in a shell) is never taken for the folder's data.
 */
export function dataFingerprint(dir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const bytes = readFileSync(join(dir, name));
    hash.update(`${name}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}

interface HandOff {
  dir: string;
  fingerprint: string;
  data: Datasets;
}

/** scripts/build.ts: writes the validated data of `dir` for the Astro build it starts (VALIDATED_DATA=file). */
export function writeHandOff(file: string, dir: string, data: Datasets): void {
  const handOff: HandOff = { dir: resolve(dir), fingerprint: dataFingerprint(dir), data };
  writeFileSync(file, JSON.stringify(handOff));
}

/** The handed data, if it was made from this folder as it is now; otherwise undefined (and why, when it is stale). */
function takeHandOff(dir: string): Datasets | undefined {
  const file = process.env.VALIDATED_DATA;
  if (!file || !existsSync(file)) return undefined;
  const h = JSON.parse(readFileSync(file, 'utf8')) as Partial<HandOff>;
  if (h.dir !== resolve(dir) || !h.data) return undefined;
  if (h.fingerprint !== dataFingerprint(dir)) {
    console.warn(`${dir}/ changed after it was validated (${file}); validating it again.`);
    return undefined;
  }
  return h.data;
}

/** All datasets, validated. Throws DataError listing every problem. */
export function getData(dir: string = process.env.DATA_DIR ?? 'data'): Datasets {
  if (cache && cache.dir === dir) return cache.data;
  // scripts/build.ts validates the folder, then hands the result to the Astro build it starts.
  const handed = takeHandOff(dir);
  if (handed) {
    cache = { dir, data: handed };
    return handed;
  }
  const { data, problems } = readDatasets(dir);
  if (!data) throw new DataError(problems);
  cache = { dir, data };
  return data;
}

/** Forget the cached data (tests that switch data folders). */
export function resetDataCache(): void {
  cache = undefined;
}

/** A source by id (the integrity check guarantees every cited id exists). */
export function getSource(id: string, data: Datasets = getData()): Source {
  const s = data.sources.find((x) => x.id === id);
  if (!s) throw new Error(`No source "${id}" in sources.json`);
  return s;
}

export function getSources(ids: readonly string[], data: Datasets = getData()): Source[] {
  return ids.map((id) => getSource(id, data));
}

/**
 * A source by its role on the site ("article": the analysis the explainer is built on; "basemap",
 * "gazetteer"). Components ask for the role, never type an id; the validator guarantees one article.
 */
export function getSourceByRole(role: NonNullable<Source['role']>, data: Datasets = getData()): Source {
  const s = data.sources.find((x) => x.role === role);
  if (!s) throw new Error(`No source with role "${role}" in sources.json (used on a page or in a chart)`);
  return s;
}

/** The article's own source (Rasanah's analysis). */
export function getArticle(data: Datasets = getData()): Source {
  return getSourceByRole('article', data);
}

/** The corrections log, newest first (same day: file order). */
export function correctionsNewestFirst(data: Datasets = getData()): Correction[] {
  return data.corrections
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.date.localeCompare(a.c.date) || a.i - b.i)
    .map((x) => x.c);
}

/** The log's entries that touch one record ("incidents/<id>", "sections/visit"), newest first. */
export function correctionsOf(ref: string, data: Datasets = getData()): Correction[] {
  return correctionsNewestFirst(data).filter((c) => c.record === ref);
}

/** How the documents of 3 August are identified: by full title, title cut off, not confirmed. */
export function documentListStatus(data: Datasets = getData()): { total: number; confirmed: MouRecord[]; incomplete: MouRecord[]; unconfirmed: MouRecord[] } {
  const by = (s: MouRecord['listStatus']) => data.mous.filter((m) => m.listStatus === s).sort((a, b) => a.number - b.number);
  return { total: data.mous.length, confirmed: by('confirmed'), incomplete: by('incomplete'), unconfirmed: by('unconfirmed') };
}

/** The newest date the stored copy of any source was read: how far the research was carried. */
export function latestSearchDate(data: Datasets = getData()): string {
  return data.sources.reduce((acc, s) => (s.accessed && s.accessed > acc ? s.accessed : acc), '');
}

/** A claim by id; a missing id is a build error naming it. */
export function getClaim(id: string, data: Datasets = getData()): Claim {
  const c = data.claims.find((x) => x.id === id);
  if (!c) throw new Error(`No claim "${id}" in claims.json (used on a page or in a chart)`);
  return c;
}

/** The claims of one article section, in file order. */
export function claimsInSection(section: Claim['section'], data: Datasets = getData()): Claim[] {
  return data.claims.filter((c) => c.section === section);
}

/** Every ISO date that appears in a record (event dates, status changes, periods...). */
function* datesIn(value: unknown, key = ''): Generator<string> {
  if (typeof value === 'string') {
    if (/^(date|endDate|dateSet|periodEnd|published)$/.test(key)) yield value;
  } else if (Array.isArray(value)) {
    for (const v of value) yield* datesIn(v, key);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* datesIn(v, k);
  }
}

/**
 * The newest dated fact in the data: the date the record runs to, so no reader mistakes the page
 * for today's news. ISO strings of mixed precision compare correctly as text for this purpose.
 */
export function latestDataDate(data: Datasets = getData()): string {
  let latest = '';
  for (const name of ['events', 'incidents', 'pipeline', 'crossings', 'pledges', 'trade', 'claims'] as const) {
    for (const d of datesIn(data[name])) if (d > latest) latest = d;
  }
  return latest;
}

/** The newest publication date among the sources. */
export function latestSourceDate(data: Datasets = getData()): string {
  return data.sources.reduce((acc, s) => (s.published && s.published > acc ? s.published : acc), '');
}

/** Record counts per dataset, for narrative lines like "12 documents". */
export function countOf(name: keyof Datasets, data: Datasets = getData()): number {
  return data[name].length;
}

/** A record of any dataset by id; a missing id is a build error naming it (used by the narrative). */
export function getRecord<K extends keyof Datasets>(dataset: K, id: string, data: Datasets = getData()): Datasets[K][number] {
  const r = (data[dataset] as { id: string }[]).find((x) => x.id === id);
  if (!r) throw new Error(`No record "${id}" in ${dataset}.json (used on a page)`);
  return r as Datasets[K][number];
}

/** The basemap topology (data/geo/basemap.topo.json, made by `npm run basemap`): Natural Earth countries and provinces. */
export function getBasemapTopology(dir: string = process.env.DATA_DIR ?? 'data'): BasemapTopology {
  const path = join(dir, 'geo', BASEMAP_FILE);
  const fallback = join('data', 'geo', BASEMAP_FILE);
  return JSON.parse(readFileSync(existsSync(path) ? path : fallback, 'utf8')) as BasemapTopology;
}

/** The basemap as drawable layers, for the static locator map. */
export function getBasemap(dir?: string): BasemapLayers {
  return basemapLayers(getBasemapTopology(dir));
}
