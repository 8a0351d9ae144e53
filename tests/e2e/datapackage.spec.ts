/**
 * The data package as a researcher meets it: loaded with a Frictionless library (datapackage-js)
 * from the served site, at whatever address it is served from, and from a saved copy of the
 * folder; every tabular resource must read, with as many rows as the dataset has records.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { expect, test } from '@playwright/test';
import { getData } from '../../src/lib/data';
import { BASE_URL } from '../../playwright.config';

// datapackage-js is CommonJS without types: one small typed view of what the test uses.
interface Resource { name: string; tabular: boolean; descriptor: { path: string }; read(o?: { keyed?: boolean }): Promise<unknown[]> }
interface Package { valid: boolean; errors: Error[]; resources: Resource[] }
const { Package } = createRequire(import.meta.url)('datapackage') as { Package: { load(d: string, o?: { basePath?: string }): Promise<Package> } };

const data = getData();
const expectedRows = (name: string) => (data as Record<string, unknown[]>)[name.replace(/-csv$/, '')]!.length;

async function readAll(pkg: Package) {
  expect(pkg.errors.map((e) => e.message)).toEqual([]);
  expect(pkg.valid).toBe(true);
  const tabular = pkg.resources.filter((r) => r.tabular);
  expect(tabular.length).toBe(Object.keys(data).length);
  for (const r of tabular) {
    const rows = await r.read({ keyed: true });
    expect(rows.length, r.name).toBe(expectedRows(r.name));
  }
}

test('the served datapackage.json loads in a Frictionless library and every tabular resource reads', async () => {
  test.setTimeout(60_000);
  const pkg = await Package.load(`${BASE_URL}/datapackage.json`);
  for (const r of pkg.resources) expect(r.descriptor.path, `${r.name} path is relative to the descriptor`).toMatch(/^data\/[a-z]+\.(json|csv)$/);
  await readAll(pkg);
});

test('a saved copy of the package folder loads and reads the same way', async ({ request }) => {
  test.setTimeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'ipx-datapackage-'));
  try {
    const descriptor = await (await request.get('/datapackage.json')).json() as { resources: { path: string; schema?: string }[] };
    writeFileSync(join(dir, 'datapackage.json'), JSON.stringify(descriptor));
    for (const path of new Set(descriptor.resources.flatMap((r) => [r.path, ...(r.schema ? [r.schema] : [])]))) {
      const body = await (await request.get(`/${path}`)).body();
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), body);
    }
    await readAll(await Package.load(join(dir, 'datapackage.json')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
