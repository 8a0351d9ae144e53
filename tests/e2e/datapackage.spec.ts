/**
 * The data package as a researcher meets it: loaded with a Frictionless library (datapackage-js)
 * from the served site, at whatever address it is served from, and from a saved copy of the
 * folder. Every table reads with its Table Schema, cast to typed values (numbers are numbers,
 * dates are dates, true/false are booleans), its foreign keys resolve; and the Excel copies, read
 * with an independent parser, keep the Persian names.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import { expect, test } from '@playwright/test';
import { getData } from '../../src/lib/data';
import { publishedTables } from '../../src/lib/publish';
import { BASE_URL } from '../../playwright.config';

// datapackage-js is CommonJS without types: one small typed view of what the test uses.
interface Field {
  name: string;
  type: string;
}
interface Resource {
  name: string;
  tabular: boolean;
  descriptor: { path: string; schema?: unknown };
  schema?: { fields: Field[] };
  read(o?: { keyed?: boolean; relations?: boolean }): Promise<Record<string, unknown>[]>;
}
interface Package {
  valid: boolean;
  errors: Error[];
  resources: Resource[];
}
const { Package } = createRequire(import.meta.url)('datapackage') as { Package: { load(d: string, o?: { basePath?: string }): Promise<Package> } };

const data = getData();
const tables = publishedTables(data);

/** A typed value of the Table Schema type, as the Frictionless library casts it (null for an empty cell). */
function castRight(type: string, v: unknown): boolean {
  if (v === null) return true;
  if (type === 'number' || type === 'integer') return typeof v === 'number' && Number.isFinite(v) && (type === 'number' || Number.isInteger(v));
  if (type === 'date') return v instanceof Date && !Number.isNaN(v.getTime());
  if (type === 'boolean') return typeof v === 'boolean';
  return typeof v === 'string';
}

async function readAll(pkg: Package) {
  expect(pkg.errors.map((e) => e.message)).toEqual([]);
  expect(pkg.valid).toBe(true);
  const tabular = pkg.resources.filter((r) => r.tabular);
  expect(tabular.map((r) => r.name).sort()).toEqual(tables.map((t) => t.name).sort());
  const seen = new Set<string>();
  for (const r of tabular) {
    const t = tables.find((x) => x.name === r.name)!;
    const rows = await r.read({ keyed: true });
    expect(rows.length, r.name).toBe(t.rows.length);
    // Checked in plain code and asserted once per table (one expect per cell is slow enough for the
    // server to close the kept-alive connection the library reuses for its next read).
    const wrong: string[] = [];
    for (const f of r.schema!.fields) {
      for (const row of rows) if (!castRight(f.type, row[f.name])) wrong.push(`${r.name}.${f.name} (${f.type}) = ${String(row[f.name])}`);
      if (rows.some((row) => row[f.name] !== null)) seen.add(f.type);
    }
    expect(wrong, r.name).toEqual([]);
    // Every foreign key resolves (the library throws on one that does not).
    const related = await r.read({ keyed: true, relations: true });
    expect(related.length).toBe(rows.length);
  }
  expect([...seen].sort()).toEqual(['boolean', 'date', 'integer', 'number', 'string']);
  // A few values by hand: the first incident with a point and a count, and the corrections' dates.
  const incidents = await tabular.find((r) => r.name === 'incidents')!.read({ keyed: true });
  const inc = data.incidents.find((i) => i.location && i.killed)!;
  const row = incidents.find((x) => x.id === inc.id)!;
  expect(row['location.lat']).toBe((inc.location as { lat: number }).lat);
  expect(row['killed.min']).toBe(inc.killed!.min);
  expect((row['date.firstDay'] as Date).toISOString().slice(0, 10)).toBe(`${inc.date}-01-01`.slice(0, 10));
  expect(row.followUp).toBe(inc.followUp);
  const corrections = await tabular.find((r) => r.name === 'corrections')!.read({ keyed: true });
  expect((corrections[0]!.date as Date).toISOString().slice(0, 10)).toBe(data.corrections[0]!.date);
}

test('the served datapackage.json loads in a Frictionless library, and every table reads with typed values and resolving keys', async () => {
  test.setTimeout(120_000);
  const pkg = await Package.load(`${BASE_URL}/datapackage.json`);
  for (const r of pkg.resources) expect(r.descriptor.path, `${r.name} path is relative to the descriptor`).toMatch(/^data\/[a-z-]+\.(json|csv)$/);
  await readAll(pkg);
});

test('a saved copy of the package folder loads and reads the same way', async ({ request }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'ipx-datapackage-'));
  try {
    const descriptor = (await (await request.get('/datapackage.json')).json()) as { resources: { path: string; schema?: string }[] };
    writeFileSync(join(dir, 'datapackage.json'), JSON.stringify(descriptor));
    for (const path of new Set(descriptor.resources.flatMap((r) => [r.path, ...(typeof r.schema === 'string' ? [r.schema] : [])]))) {
      const body = await (await request.get(`/${path}`)).body();
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), body);
    }
    await readAll(await Package.load(join(dir, 'datapackage.json')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every table has an Excel copy with a byte-order mark; read with csv-parse, the Persian names are intact', async ({ request }) => {
  for (const t of tables) {
    const plain = await request.get(`/data/${t.name}.csv`);
    const excel = await request.get(`/data/${t.name}.excel.csv`);
    expect(excel.headers()['content-type'], t.name).toMatch(/^text\/csv/);
    const [a, b] = [await plain.body(), await excel.body()];
    expect(a.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), `${t.name}.csv has no BOM`).toBe(false);
    expect(b.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), `${t.name}.excel.csv starts with a BOM`).toBe(true);
    expect(b.subarray(3).equals(a), `${t.name}: the same bytes after the BOM`).toBe(true);
  }
  const rows = parse(await (await request.get('/data/crossings.excel.csv')).body(), { columns: true, bom: true }) as Record<string, string>[];
  const withPersian = data.crossings.filter((c) => c.nameLocal?.some((n) => n.lang === 'fa'));
  expect(withPersian.length).toBeGreaterThan(0);
  for (const c of withPersian) expect(rows.find((r) => r.id === c.id)!['nameLocal.fa']).toBe(c.nameLocal!.find((n) => n.lang === 'fa')!.text);
});
