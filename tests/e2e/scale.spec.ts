/**
 * The site built from 1,000 incidents (the real ones plus synthetic, schema-valid ones): the page
 * lists a few and shows totals, the static map draws cells, and the live map draws the incidents as
 * cells on canvas, opens one from a link (its details fetched from a chunk file) and lists a cell's
 * incidents when it is selected. Builds into .scale-test/ and serves it on another loopback port.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { buildAndServe } from '../fixtures/build-site';
import { withSyntheticIncidents } from '../fixtures/synthetic-incidents';
import { EACH_UP_TO, LISTED_BEYOND } from '../../src/lib/scale';
import type { Incident } from '../../src/schemas/incidents';

const N = 1000;
const WORK = resolve('.scale-test');
let server: { base: string; close: () => void };

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await buildAndServe(WORK, (dir) => {
    cpSync('data', dir, { recursive: true });
    const real = JSON.parse(readFileSync('data/incidents.json', 'utf8')) as Incident[];
    writeFileSync(`${dir}/incidents.json`, JSON.stringify(withSyntheticIncidents(real, N)));
  });
});
test.afterAll(() => { server?.close(); rmSync(WORK, { recursive: true, force: true }); });

test(`with ${N} incidents the page lists a few, and the chart and static map show totals`, async ({ page }) => {
  expect(N).toBeGreaterThan(EACH_UP_TO);
  await page.goto(`${server.base}/`);
  const listed = await page.locator('[id^="incident-"]').count();
  expect(listed).toBeGreaterThan(0);
  expect(listed).toBeLessThanOrEqual(LISTED_BEYOND + 5);
  await expect(page.locator('.border-lists .list-note')).toContainText('1,000 incidents');
  await expect(page.locator('#figure-incidents .figure-notes')).toContainText('quarter');
  await expect(page.locator('#figure-map .figure-notes')).toContainText('1° by 1° cell');
});

test('the live map draws the incidents as cells and opens one from a link', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${server.base}/#map=incident/synthetic-10`);
  await expect(page.locator('[data-live-map]')).toHaveAttribute('data-state', 'live');
  await expect(page.locator('.map-panel-title')).toContainText('Synthetic site 10');
  expect(requests.some((u) => /\/map\/incidents\/0\.json$/.test(u))).toBe(true);
  // One canvas of cells, not a thousand markers.
  await expect(page.locator('.map-canvas canvas.map-cells')).toHaveCount(1);
  expect(await page.locator('.map-canvas .map-incident').count()).toBe(0);
  const painted = await page.locator('canvas.map-cells').evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4 * 53) if (d[i]! > 0) n++;
    return n;
  });
  expect(painted).toBeGreaterThan(50);
  expect(requests.filter((u) => !u.startsWith(server.base))).toEqual([]);
});

test('selecting a cell lists its incidents', async ({ page }) => {
  await page.goto(`${server.base}/#map=all`);
  await expect(page.locator('[data-live-map]')).toHaveAttribute('data-state', 'live');
  // The fullest cell, from the layer's own drawing: click its centre.
  const box = (await page.locator('.map-canvas').boundingBox())!;
  const spot = await page.locator('canvas.map-cells').evaluate((c: HTMLCanvasElement) => {
    const ctx = c.getContext('2d')!;
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const ratio = c.width / c.clientWidth;
    for (let y = 0; y < c.height; y += 4) for (let x = 0; x < c.width; x += 4) if (d[(y * c.width + x) * 4 + 3]! > 0) return { x: x / ratio + 6, y: y / ratio + 6 };
    return null;
  });
  expect(spot).not.toBeNull();
  await page.mouse.click(box.x + spot!.x, box.y + spot!.y);
  await expect(page.locator('.map-panel')).toBeVisible();
  await expect(page.locator('.map-panel-title')).toContainText(/incidents here|Synthetic site|,/);
});
