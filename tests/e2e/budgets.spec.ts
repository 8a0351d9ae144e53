/**
 * Budgets (deterministic, so tests): what a reader's browser downloads on first load, and how much
 * page the explainer is: its HTML, its DOM, its height on a phone and its length in print.
 * Speed itself (Lighthouse) is measured by `npm run bench`, not here.
 */
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

async function firstLoad(page: import('@playwright/test').Page, path: string) {
  const bytes = { js: 0, css: 0, html: 0, other: 0, total: 0 };
  const pending: Promise<void>[] = [];
  page.on('response', (r) => {
    pending.push(
      r
        .body()
        .then((b) => {
          const gz = gzipSync(b).length;
          const type = r.headers()['content-type'] ?? '';
          const kind = /javascript/.test(type) ? 'js' : /css/.test(type) ? 'css' : /html/.test(type) ? 'html' : 'other';
          bytes[kind] += gz;
          bytes.total += gz;
        })
        .catch(() => {}),
    );
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

test("the explainer's HTML is at most 50 KB gzip", async ({ request }) => {
  const html = await (await request.get('/')).body();
  const gz = gzipSync(html).length;
  console.log(`home HTML: ${html.length} B, ${gz} B gzip`);
  expect(gz).toBeLessThanOrEqual(50 * 1024);
});

test('the explainer has at most 2,500 DOM elements and is at most 30,000 px tall at 390 px', async ({ browser }) => {
  // bypassCSP: the page's policy would refuse the style that lays out every section below.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  // Sections off screen are measured at their placeholder height until drawn: draw them all.
  await page.addStyleTag({ content: '*, *::before { content-visibility: visible !important; }' });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`home at 390 px: ${elements} elements, ${height} px tall`);
  expect(elements).toBeLessThanOrEqual(2500);
  expect(height).toBeLessThanOrEqual(30_000);
  await context.close();
});

test('printed on A4 the explainer is a brief of at most 24 pages, with no chart or claim cut across pages', async ({ page }) => {
  await page.goto('/');
  await page.emulateMedia({ media: 'print' });
  const breaks = await page.evaluate(() =>
    [...document.querySelectorAll('figure.figure, .claim-row, .findings, .pledge-list > li')].map((el) => [
      el.id || el.className,
      getComputedStyle(el).breakInside,
    ]),
  );
  expect(breaks.length).toBeGreaterThan(40);
  expect(breaks.filter(([, b]) => !/^avoid/.test(b!))).toEqual([]);
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
  console.log(`home printed: ${pages} A4 pages`);
  expect(pages).toBeGreaterThan(3);
  expect(pages).toBeLessThanOrEqual(24);
});
