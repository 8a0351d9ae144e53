/**
 * Hostile text on the live map: the site built from data whose every text field carries a script
 * tag, an attribute breakout and markup that makes elements if it is ever parsed as HTML
 * (tests/fixtures/hostile.ts). The live map builds its DOM in the browser (Leaflet's labels,
 * tooltips and icons, the details panel), which the build-level test cannot see; here every
 * feature is shown, hovered and opened on the home page and in /embed/map/, and the test fails on
 * any injected element ever added to the DOM (even if removed again), on any script that ran, and
 * on any request to the refresh's target.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildAndServe } from '../fixtures/build-site';
import { writeHostileData } from '../fixtures/hostile';

const WORK = resolve('.hostile-test');
let server: { base: string; close: () => void };

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await buildAndServe(WORK, writeHostileData);
});
test.afterAll(() => {
  server?.close();
  rmSync(WORK, { recursive: true, force: true });
});

/** Records, from the first byte of the page, every element the payload would make and every call of x(). */
async function watch(page: Page) {
  const hijacked: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/hijacked')) hijacked.push(r.url());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __injected: string[]; x: () => void };
    w.__injected = [];
    w.x = () => {
      w.__injected.push('script ran: x()');
    };
    const check = (n: Node) => {
      if (!(n instanceof Element)) return;
      for (const e of [n, ...n.querySelectorAll('*')]) {
        if (e.hasAttribute('data-injected') || (e.tagName === 'IMG' && e.getAttribute('src') === 'x') || (e.tagName === 'SCRIPT' && e.textContent === 'x()')) {
          w.__injected.push(`<${e.tagName.toLowerCase()}> in ${e.parentElement?.className || e.parentElement?.tagName || '?'}`);
        }
      }
    };
    new MutationObserver((records) => {
      for (const r of records) r.addedNodes.forEach(check);
    }).observe(document, { childList: true, subtree: true });
  });
  return async () => ({ injected: await page.evaluate(() => (window as unknown as { __injected: string[] }).__injected), hijacked });
}

/**
 * Shows, hovers and opens every crossing and incident on the live map: every marker that is a target,
 * and every entry of the lists it opens (incidents drawn at one point, or beside a crossing, are
 * reached through the marker that lists them), and every crossing on the border strip.
 */
async function openEveryFeature(page: Page) {
  await expect(page.locator('[data-live-map]')).toHaveAttribute('data-state', 'live');
  const panel = page.locator('.map-panel');
  const markers = page.locator('.map-canvas .leaflet-marker-icon.map-crossing, .map-canvas .leaflet-marker-icon.map-incident');
  const n = await markers.count();
  expect(n).toBeGreaterThan(5);
  for (let i = 0; i < n; i++)
    await markers
      .nth(i)
      .hover({ force: true })
      .catch(() => {});
  const targets = page.locator('.map-canvas .leaflet-marker-icon[role="button"]');
  const t = await targets.count();
  expect(t).toBeGreaterThan(5);
  for (let i = 0; i < t; i++) {
    const m = targets.nth(i);
    await m.focus();
    await m.press('Enter');
    await expect(panel).toBeVisible();
    const entries = await page.locator('.map-panel-body button.map-link').count();
    for (let k = 0; k < entries; k++) {
      await page.locator('.map-panel-body button.map-link').nth(k).click();
      await expect(panel).toBeVisible();
      await m.focus();
      await m.press('Enter');
    }
    await page.keyboard.press('Escape');
  }
  for (const link of await page.locator('[data-strip-crossing]').all()) {
    await link.click();
    await expect(panel).toBeVisible();
    await page.keyboard.press('Escape');
  }
  // Towns, when zoomed in, and the pipeline, through the layer toggles.
  for (const box of await page.locator('input[data-layer]').all()) {
    await box.uncheck();
    await box.check();
  }
}

for (const path of ['/', '/embed/map/']) {
  test(`${path}: hostile names stay text on the live map`, async ({ page }) => {
    // It opens every marker, every list entry and every strip crossing: about 15 s on a quiet 2-core
    // machine, over the 30 s default when the machine is busy.
    test.setTimeout(90_000);
    const result = await watch(page);
    await page.goto(`${server.base}${path}`);
    await page.locator('#figure-map').scrollIntoViewIfNeeded();
    await expect(page.locator('[data-live-map]')).toHaveAttribute('data-state', 'live');
    await page.waitForTimeout(300);
    const drawn = await result();
    expect(drawn.hijacked, 'requests sent by an injected refresh, once the map is drawn').toEqual([]);
    expect(drawn.injected, 'elements made from the data, once the map is drawn').toEqual([]);
    await openEveryFeature(page);
    // The crossing labels show the payload as text.
    await expect(page.locator('.map-crossing-label').first()).toContainText('<b data-injected');
    // The view from a link, zoomed in so every town label is drawn.
    await page.evaluate(() => {
      location.hash = '#map=all&view=8/28.5/62';
    });
    await page.waitForTimeout(500);
    const { injected, hijacked } = await result();
    expect(injected, 'elements made from the data').toEqual([]);
    expect(hijacked, 'requests sent by an injected refresh').toEqual([]);
    expect(new URL(page.url()).pathname).toBe(path);
  });
}
