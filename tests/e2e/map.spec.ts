/**
 * The live border map, as a reader uses it: drawn from the site's own files only (no tiles, no
 * other host), every crossing reachable and openable by keyboard, deep links that open a feature
 * in a fresh page, the URL following the selection without filling the history, and, with
 * JavaScript off, lists that match the data.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { BASE_URL } from '../../playwright.config';

const crossings = JSON.parse(readFileSync('data/crossings.json', 'utf8')) as { id: string; namePk?: string; nameIr?: string; location: { lat: number } | null }[];
const incidents = JSON.parse(readFileSync('data/incidents.json', 'utf8')) as { id: string; place: string; location: unknown }[];
const name = (c: (typeof crossings)[number]) => [c.namePk, c.nameIr].filter(Boolean).join('–');
const mapped = crossings.filter((c) => c.location).sort((a, b) => b.location!.lat - a.location!.lat);

async function openLiveMap(page: Page, path = '/') {
  await page.goto(path);
  await page.locator('#figure-map').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-live-map]')).toHaveAttribute('data-state', 'live');
}

test('the map is drawn from the site\'s own files: no tiles, no other host', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await openLiveMap(page);
  await page.waitForLoadState('networkidle');
  // The basemap is drawn (on canvas: it has pixels that are not the sea's).
  const drawn = await page.locator('.map-canvas canvas').evaluate((c: HTMLCanvasElement) => {
    const ctx = c.getContext('2d')!;
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    for (let i = 3; i < d.length; i += 4 * 97) if (d[i]! > 0) painted++;
    return painted;
  });
  expect(drawn).toBeGreaterThan(100);
  expect(requests.some((u) => u.endsWith('/map/basemap.json'))).toBe(true);
  expect(requests.some((u) => u.endsWith('/map/data.json'))).toBe(true);
  expect(requests.filter((u) => !u.startsWith(BASE_URL) && !u.startsWith('data:'))).toEqual([]);
  expect(requests.filter((u) => /tile|\/\d+\/\d+\/\d+\.(png|jpg|pbf)/.test(u))).toEqual([]);
  // The static map makes way for the live one.
  await expect(page.locator('#figure-map .chart-wide')).toBeHidden();
});

test('Leaflet loads only when the map nears the viewport', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  expect(requests.filter((u) => /border-map-live|leaflet|\/map\//.test(u))).toEqual([]);
  expect(await page.locator('link[rel=stylesheet][href*="leaflet"]').count()).toBe(0);
  await page.locator('#figure-map').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-live-map]')).toHaveAttribute('data-state', 'live');
  expect(requests.some((u) => /leaflet.*\.css/.test(u))).toBe(true);
});

test('every mapped crossing is reachable with Tab, in order north to south; Enter opens it, Escape closes it and returns focus', async ({ page }) => {
  await openLiveMap(page);
  const markers = page.locator('.map-canvas .leaflet-marker-icon.map-crossing');
  await expect(markers).toHaveCount(mapped.length);
  // Tab from the map itself through the markers.
  await page.locator('.map-canvas').focus();
  for (const c of mapped) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    expect(label).toContain(name(c));
    await page.keyboard.press('Enter');
    await expect(page.locator('.map-panel')).toBeVisible();
    await expect(page.locator('.map-panel-title')).toHaveText(name(c));
    await expect(page.locator('.map-panel-title')).toBeFocused();
    expect(page.url()).toContain(`#map=crossing/${c.id}`);
    await page.keyboard.press('Escape');
    await expect(page.locator('.map-panel')).toBeHidden();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toContain(name(c));
  }
});

test('a deep link opens that feature in a fresh page, scrolled to the map', async ({ page }) => {
  const c = mapped[mapped.length - 1]!;
  await page.goto(`/#map=crossing/${c.id}`);
  await expect(page.locator('.map-panel-title')).toHaveText(name(c));
  await expect(page.locator('.map-panel')).toBeInViewport();
  const inc = incidents.find((i) => i.location)!;
  const page2 = await page.context().newPage();
  await page2.goto(`/#map=incident/${inc.id}&layers=incidents`);
  await expect(page2.locator('.map-panel-title')).toContainText(inc.place);
  await expect(page2.locator('input[data-layer="crossings"]')).not.toBeChecked();
  await expect(page2.locator('.map-canvas .map-crossing')).toHaveCount(0);
});

test('selecting features replaces the URL instead of filling the history', async ({ page }) => {
  await openLiveMap(page);
  const before = await page.evaluate(() => history.length);
  for (const c of mapped) await page.locator(`.map-canvas .map-crossing`).nth(mapped.indexOf(c)).click();
  expect(await page.evaluate(() => history.length)).toBe(before);
  expect(page.url()).toContain(`#map=crossing/${mapped[mapped.length - 1]!.id}`);
  // A list's "Show on the map" link opens its feature on the live map.
  const target = incidents.find((i) => i.location)!;
  await page.locator(`#incident-${target.id} a[data-map-view]`).click();
  await expect(page.locator('.map-panel-title')).toContainText(target.place);
});

test('scrolling the page over the map does not zoom it', async ({ page }) => {
  await openLiveMap(page);
  await page.locator('.map-canvas').scrollIntoViewIfNeeded();
  const box = (await page.locator('.map-canvas').boundingBox())!;
  const zoom = () => page.locator('.map-canvas .leaflet-map-pane').evaluate((el) => getComputedStyle(el).transform + el.innerHTML.length);
  const before = await zoom();
  const scrollBefore = await page.evaluate(() => scrollY);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 300);
  await expect(page.locator('.map-hint')).toHaveClass(/visible/);
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(scrollBefore);
  expect(await zoom()).toBe(before);
});

for (const width of [412, 1280]) {
  test(`the live map takes the static map's place without moving the page (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 823 });
    await page.addInitScript(() => {
      const w = window as unknown as { __shift: number };
      w.__shift = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.__shift += e.value; }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto('/embed/map/');
    await expect(page.locator('[data-live-map]')).toHaveAttribute('data-state', 'live');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBeLessThan(0.01);
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the live map with a feature open has no accessibility violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(`/embed/map/#map=crossing/${mapped[0]!.id}`);
    await expect(page.locator('.map-panel-title')).toHaveText(name(mapped[0]!));
    const results = await new AxeBuilder({ page }).include('#figure-map').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the static map and the lists carry every crossing and incident', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('#figure-map svg.locator').first()).toBeAttached();
    await expect(page.locator('.map-frame')).toBeHidden();
    for (const c of crossings) {
      const li = page.locator(`#crossing-${c.id}`);
      await expect(li).toContainText(name(c));
      await expect(li.locator('a[data-map-view]')).toHaveCount(c.location ? 1 : 0);
    }
    for (const i of incidents) await expect(page.locator(`#incident-${i.id}`)).toContainText(i.place);
    await expect(page.locator('[id^="crossing-"]')).toHaveCount(crossings.length);
    await expect(page.locator('[id^="incident-"]')).toHaveCount(incidents.length);
  });
});
