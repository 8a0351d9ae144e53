/** Every page and embed: no console error, no request to another host, readable with JavaScript off. */
import { expect, test } from '@playwright/test';
import { CHART_PAGES, FIGURES } from '../../src/lib/figures';

const PAGES = [
  '/',
  '/claims/',
  '/data/',
  '/corrections/',
  '/border/',
  '/sources/',
  '/timeline/',
  ...CHART_PAGES.map((f) => `/charts/${f.slug}/`),
  ...FIGURES.map((f) => `/embed/${f.slug}/`),
];

for (const path of PAGES) {
  test(`${path}: no console error and no third-party request`, async ({ page }) => {
    const errors: string[] = [];
    const foreign: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (!['127.0.0.1', 'localhost'].includes(new URL(r.url()).hostname)) foreign.push(r.url());
    });
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
  });

  test(`${path}: reads with JavaScript off`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(path);
    const text = await page.locator('main').innerText();
    expect(text.length).toBeGreaterThan(200);
    if (path.startsWith('/embed/')) await expect(page.locator('figure.figure')).toHaveCount(1);
    await context.close();
  });
}
