/** Byte budgets (deterministic, so tests): what a reader's browser downloads on first load. */
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

async function firstLoad(page: import('@playwright/test').Page, path: string) {
  const bytes = { js: 0, css: 0, html: 0, other: 0, total: 0 };
  const pending: Promise<void>[] = [];
  page.on('response', (r) => {
    pending.push(r.body().then((b) => {
      const gz = gzipSync(b).length;
      const type = r.headers()['content-type'] ?? '';
      const kind = /javascript/.test(type) ? 'js' : /css/.test(type) ? 'css' : /html/.test(type) ? 'html' : 'other';
      bytes[kind] += gz;
      bytes.total += gz;
    }).catch(() => {}));
  });
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  return bytes;
}

test('the home page loads at most 20 KB (gzip) of JavaScript on first load', async ({ page }) => {
  const b = await firstLoad(page, '/');
  console.log(`home first load (gzip): html ${b.html} B, css ${b.css} B, js ${b.js} B, total ${b.total} B`);
  expect(b.js).toBeLessThanOrEqual(20 * 1024);
});

test('a chart embed loads at most 35 KB (gzip) in all', async ({ page }) => {
  for (const slug of ['trade', 'documents', 'smuggling', 'pipeline', 'incidents']) {
    const b = await firstLoad(page, `/embed/${slug}/`);
    console.log(`embed ${slug} first load (gzip): total ${b.total} B`);
    expect(b.total, slug).toBeLessThanOrEqual(35 * 1024);
  }
});

test('the map embed loads at most 100 KB (gzip) in all, Leaflet, basemap and data included', async ({ page }) => {
  const b = await firstLoad(page, '/embed/map/');
  await expect(page.locator('[data-live-map]')).toHaveAttribute('data-state', 'live');
  console.log(`embed map first load (gzip): html ${b.html} B, css ${b.css} B, js ${b.js} B, other ${b.other} B, total ${b.total} B`);
  expect(b.total).toBeLessThanOrEqual(100 * 1024);
});
