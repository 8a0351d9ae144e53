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

type Crossing = {
  id: string;
  namePk?: string;
  nameIr?: string;
  districtPk?: string;
  location: { lat?: number; geoPrecision: string } | null;
  sites?: { name: string }[];
};
const crossings = JSON.parse(readFileSync('data/crossings.json', 'utf8')) as Crossing[];
const districts = JSON.parse(readFileSync('data/districts.json', 'utf8')) as { id: string; name: string; altNames?: string[]; order: number }[];
const incidents = JSON.parse(readFileSync('data/incidents.json', 'utf8')) as { id: string; place: string; location: unknown }[];
const name = (c: Crossing) => [c.namePk, c.nameIr].filter(Boolean).join('–');
// Read from the data: the crossings with a point, and those known only to their district.
const mapped = crossings.filter((c) => c.location?.lat !== undefined).sort((a, b) => b.location!.lat! - a.location!.lat!);
const byDistrict = crossings.filter((c) => c.location && c.location.lat === undefined);
const districtOf = (c: Crossing) => districts.find((d) => d.name === c.districtPk || d.altNames?.includes(c.districtPk ?? ''))!;

async function openLiveMap(page: Page, path = '/') {
  await page.goto(path);
  await page.locator('#figure-map').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-live-map]')).toHaveAttribute('data-state', 'live');
}

test("the map is drawn from the site's own files: no tiles, no other host", async ({ page }) => {
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
  // On the border record, a list's "Show on the map" link opens its feature on the live map there.
  await openLiveMap(page, '/border/');
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
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
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
    expect(results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}: ${n.html.slice(0, 160)} ${n.failureSummary}`))).toEqual([]);
  });
}

for (const width of [390, 1280]) {
  test(`every crossing in the data is on the live map: a marker where it has a point, its district's stretch of the strip where not (${width} px)`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await openLiveMap(page);
    expect(mapped.length + byDistrict.length).toBe(crossings.filter((c) => c.location).length);
    for (const c of mapped) {
      const labels = await page
        .locator('.map-canvas .leaflet-marker-icon.map-crossing')
        .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      expect(
        labels.some((l) => l.includes(name(c))),
        `${c.id}: a marker`,
      ).toBe(true);
    }
    for (const c of byDistrict) {
      const d = districtOf(c);
      expect(d, `${c.id}: a border district`).toBeDefined();
      const link = page.locator(`#strip-${d.id} [data-strip-crossing="${c.id}"]`);
      await expect(link, `${c.id} on ${d.name}'s stretch`).toBeVisible();
      await expect(link).toContainText(name(c));
      // Opening it shows it on the live map's panel, with the site the sources name and its sources.
      await link.click();
      await expect(page.locator('.map-panel-title')).toHaveText(name(c));
      await expect(page.locator('.map-panel-body')).toContainText(`${d.name}'s stretch of the border strip`);
      if (c.sites?.length) await expect(page.locator('.map-panel-body')).toContainText(c.sites[0]!.name);
      await expect(page.locator('.map-panel-body .map-sources a').first()).toBeAttached();
      await expect(link).toHaveAttribute('aria-current', 'true');
      expect(page.url()).toContain(`#map=crossing/${c.id}`);
    }
  });
}

test('a crossing known only by district opens from the strip by keyboard, and Escape returns there', async ({ page }) => {
  test.skip(byDistrict.length === 0, 'every crossing has a point');
  await openLiveMap(page);
  const c = byDistrict[0]!;
  const link = page.locator(`[data-strip-crossing="${c.id}"]`);
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.map-panel-title')).toHaveText(name(c));
  await expect(page.locator('.map-panel-title')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('.map-panel')).toBeHidden();
  await expect(link).toBeFocused();
  // A deep link to it opens it in a fresh page.
  const page2 = await page.context().newPage();
  await page2.goto(`/#map=crossing/${c.id}`);
  await expect(page2.locator('.map-panel-title')).toHaveText(name(c));
});

for (const width of [390, 1280]) {
  test(`map markers are tap targets of at least 24 by 24 px (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/embed/map/');
    await expect(page.locator('[data-live-map]')).toHaveAttribute('data-state', 'live');
    const sizes = await page
      .locator('.map-canvas .leaflet-marker-icon[role="button"]')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [Math.round(r.width), Math.round(r.height)]));
    expect(sizes.length).toBeGreaterThan(mapped.length);
    for (const [w, h] of sizes) {
      expect(w).toBeGreaterThanOrEqual(24);
      expect(h).toBeGreaterThanOrEqual(24);
    }
    // The rule Lighthouse applies (axe target-size), on the map alone.
    const results = await new AxeBuilder({ page }).include('#figure-map').withRules(['target-size']).analyze();
    expect(results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}: ${n.html.slice(0, 160)} ${n.failureSummary}`))).toEqual([]);
  });
}

test('the live map follows a change of colour scheme without a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openLiveMap(page);
  // The mean lightness of the basemap canvas (land, sea, borders are all drawn there).
  const lightness = () =>
    page
      .locator('.map-canvas canvas')
      .first()
      .evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let sum = 0;
        let n = 0;
        for (let i = 0; i < d.length; i += 4 * 31) {
          if (d[i + 3]! > 0) {
            sum += d[i]! + d[i + 1]! + d[i + 2]!;
            n++;
          }
        }
        return sum / Math.max(1, n) / 3;
      });
  const light = await lightness();
  expect(light).toBeGreaterThan(150);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(lightness).toBeLessThan(light - 80);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(lightness).toBeGreaterThan(light - 5);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test("the static map and the border record's lists carry every crossing and incident", async ({ page }) => {
    await page.goto('/border/');
    await expect(page.locator('#figure-map svg.locator').first()).toBeAttached();
    await expect(page.locator('.map-frame')).toBeHidden();
    for (const c of crossings) {
      const li = page.locator(`#crossing-${c.id}`);
      await expect(li).toContainText(name(c));
      await expect(li.locator('a[data-map-view]')).toHaveCount(c.location ? 1 : 0);
      for (const site of c.sites ?? []) await expect(li).toContainText(site.name);
    }
    for (const i of incidents) await expect(page.locator(`#incident-${i.id}`)).toContainText(i.place);
    await expect(page.locator('[id^="crossing-"]')).toHaveCount(crossings.length);
    await expect(page.locator('[id^="incident-"]')).toHaveCount(incidents.length);
  });
  for (const [path, width] of [
    ['/', 390],
    ['/', 1280],
    ['/border/', 390],
    ['/border/', 1280],
  ] as const) {
    test(`every crossing in the data is on the static map: a square where it has a point, its district's stretch of the strip where not (${path}, ${width} px)`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      // The explainer draws one layout at every width; the border record a narrow and a wide one.
      const locator = page.locator(`#figure-map .chart-${path === '/' ? 'single' : width < 640 ? 'narrow' : 'wide'} svg.locator`);
      await expect(locator).toBeVisible();
      for (const c of mapped) await expect(locator.locator(`g.crossing[data-crossing="${c.id}"]`), c.id).toContainText(name(c));
      for (const c of byDistrict) {
        const link = page.locator(`#figure-map #strip-${districtOf(c).id} [data-strip-crossing="${c.id}"]`);
        await expect(link, c.id).toBeVisible();
        // Without JavaScript it leads to the crossing's record on the border record.
        await expect(link).toHaveAttribute('href', `/border/#crossing-${c.id}`);
      }
      // The strip runs through every border district, in order.
      const order = await page.locator('#figure-map .strip-district .strip-name').allTextContents();
      expect(order).toEqual([...districts].sort((a, b) => a.order - b.order).map((d) => d.name));
      // The title counts what the data holds.
      await expect(page.locator('#figure-map-title')).toContainText(`${mapped.length} of ${crossings.length} crossings`);
      await expect(page.locator('#figure-map-title')).toContainText(new RegExp(`${byDistrict.length} only within (its|their) district`));
    });
  }
});
