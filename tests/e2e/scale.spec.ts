/**
 * The site built from 1,000 incidents (the real ones plus synthetic, schema-valid ones): the page
 * lists a few and shows totals, the static map draws cells, and the live map draws the incidents as
 * cells on canvas, opens one from a link (its details fetched from a chunk file) and lists a cell's
 * incidents when it is selected. Builds into .scale-test/ and serves it on another loopback port.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildAndServe } from '../fixtures/build-site';
import { withSyntheticIncidents } from '../fixtures/synthetic-incidents';
import { EACH_UP_TO, LISTED_BEYOND } from '../../src/lib/incident-volume';
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
test.afterAll(() => {
  server?.close();
  rmSync(WORK, { recursive: true, force: true });
});

test(`with ${N} incidents the page lists a few, and the chart and static map show totals`, async ({ page }) => {
  expect(N).toBeGreaterThan(EACH_UP_TO);
  await page.goto(`${server.base}/`);
  const listed = await page.locator('[id^="incident-"]').count();
  expect(listed).toBeGreaterThan(0);
  expect(listed).toBeLessThanOrEqual(LISTED_BEYOND + 5);
  await expect(page.locator('#figure-incidents .figure-notes')).toContainText('quarter');
  await expect(page.locator('#figure-map .figure-notes')).toContainText('1° by 1° cell');
  // The border record lists the same few and says how many there are.
  await page.goto(`${server.base}/border/`);
  const onRecord = await page.locator('[id^="incident-"]').count();
  expect(onRecord).toBeLessThanOrEqual(LISTED_BEYOND + 5);
  await expect(page.locator('.border-lists .list-note')).toContainText('1,000 incidents');
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
    for (let y = 0; y < c.height; y += 4)
      for (let x = 0; x < c.width; x += 4) if (d[(y * c.width + x) * 4 + 3]! > 0) return { x: x / ratio + 6, y: y / ratio + 6 };
    return null;
  });
  expect(spot).not.toBeNull();
  await page.mouse.click(box.x + spot!.x, box.y + spot!.y);
  await expect(page.locator('.map-panel')).toBeVisible();
  await expect(page.locator('.map-panel-title')).toContainText(/incidents here|Synthetic site|,/);
});

/** Counts uncaught errors and unhandled promise rejections in the page. */
async function watchErrors(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => window.addEventListener('unhandledrejection', (e) => console.error(`unhandledrejection: ${String(e.reason)}`)));
  page.on('console', (m) => {
    if (m.type() === 'error' && m.text().startsWith('unhandledrejection')) errors.push(m.text());
  });
  return errors;
}

test('a detail chunk that fails is said in the status line, not cached, and fetched again on the next open', async ({ page }) => {
  const errors = await watchErrors(page);
  let calls = 0;
  await page.route('**/map/incidents/0.json', (route) => (++calls === 1 ? route.abort('failed') : route.continue()));
  await page.goto(`${server.base}/#map=incident/synthetic-10`);
  await expect(page.locator('[data-live-map]')).toHaveAttribute('data-state', 'live');
  const status = page.locator('.map-status');
  await expect(status).toContainText('could not be loaded');
  // Said on screen, not only to screen readers (the status line is otherwise visually hidden).
  await expect(page.locator('[data-live-map]')).toHaveAttribute('data-status', 'error');
  expect((await status.boundingBox())!.width).toBeGreaterThan(100);
  await expect(page.locator('.map-panel')).toBeHidden();
  // The next open asks again, and this time it works.
  await page.evaluate(() => {
    location.hash = '#map=all';
  });
  await page.evaluate(() => {
    location.hash = '#map=incident/synthetic-10';
  });
  await expect(page.locator('.map-panel-title')).toContainText('Synthetic site 10');
  expect(calls).toBe(2);
  await expect(page.locator('[data-live-map]')).not.toHaveAttribute('data-status', 'error');
  expect(errors).toEqual([]);
});

test('a slow detail reply for one selection does not overwrite a newer selection', async ({ page }) => {
  const errors = await watchErrors(page);
  let release!: () => void;
  const held = new Promise<void>((r) => {
    release = r;
  });
  await page.route('**/map/incidents/0.json', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${server.base}/#map=all`);
  await expect(page.locator('[data-live-map]')).toHaveAttribute('data-state', 'live');
  // Ask for an incident (its chunk is held back), then open a crossing before the reply comes.
  await page.evaluate(() => {
    location.hash = '#map=incident/synthetic-10';
  });
  const crossing = page.locator('.map-canvas .leaflet-marker-icon.map-crossing').first();
  const label = (await crossing.getAttribute('aria-label'))!;
  await crossing.click();
  await expect(page.locator('.map-panel-title')).not.toHaveText('Details');
  const title = await page.locator('.map-panel-title').textContent();
  expect(label).toContain(title!);
  release();
  await page.waitForResponse('**/map/incidents/0.json');
  await page.waitForTimeout(300);
  await expect(page.locator('.map-panel-title')).toHaveText(title!);
  expect(errors).toEqual([]);
});

test('beyond 200 incidents, "List the incidents in view" is a keyboard path into the canvas', async ({ page }) => {
  await page.goto(`${server.base}/#map=all`);
  await expect(page.locator('[data-live-map]')).toHaveAttribute('data-state', 'live');
  const button = page.getByRole('button', { name: 'List the incidents in view' });
  await expect(button).toBeVisible();
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.map-panel-title')).toContainText('incidents in view');
  await expect(page.locator('.map-panel-title')).toBeFocused();
  const items = page.locator('.map-panel-body .map-list button');
  expect(await items.count()).toBeGreaterThan(5);
  const first = (await items.first().textContent())!;
  await items.first().focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.map-panel-title')).toContainText(first.split(': ')[1]!.split(',')[0]!);
  // Escape returns to the button.
  await page.keyboard.press('Escape');
  await expect(button).toBeFocused();
});

test('the map records performance measures only when the benchmark asks for them', async ({ page, browser }) => {
  await page.goto(`${server.base}/#map=all`);
  await expect(page.locator('[data-live-map]')).toHaveAttribute('data-state', 'live');
  await page.locator('.leaflet-control-zoom-in').click();
  await page.waitForTimeout(400);
  expect(await page.evaluate(() => performance.getEntriesByType('measure').length)).toBe(0);
  const bench = await browser.newPage();
  await bench.addInitScript('window.__mapBenchMarks = true');
  await bench.goto(`${server.base}/#map=all`);
  await expect(bench.locator('[data-live-map]')).toHaveAttribute('data-state', 'live');
  await expect.poll(() => bench.evaluate(() => performance.getEntriesByName('incident-cells-draw').length)).toBeGreaterThan(0);
  await bench.close();
});
