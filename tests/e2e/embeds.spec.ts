/**
 * Embeds on another site: a host page on a different loopback origin (localhost vs 127.0.0.1)
 * with every embed; each iframe must match its content's height within 2 px, with no inner
 * scrollbar, after load and after the viewport narrows; messages from other windows are ignored.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { FIGURES } from '../../src/lib/figures';
import { BASE_URL } from '../../playwright.config';

// The host page is served by a second server on another loopback port: another origin.
let host: Server;
let HOST = '';
test.beforeAll(async () => {
  const frames = FIGURES.map(
    (f) => `<h2>${f.name}</h2><iframe src="${BASE_URL}/embed/${f.slug}/" title="${f.name}" width="100%" height="640" style="border:0;width:100%"></iframe>`,
  ).join('\n');
  const body = `<!doctype html><html><head><title>Host</title></head><body style="margin:0"><main>${frames}</main><script async src="${BASE_URL}/embed.js"></script></body></html>`;
  host = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(body);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  HOST = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

async function openHost(page: Page) {
  await page.goto(`${HOST}/host.html`);
  await page.waitForLoadState('networkidle');
}

async function expectSized(page: Page) {
  await expect(async () => {
    for (const [i, f] of FIGURES.entries()) {
      const frame = page.frames().find((fr) => fr.url().includes(`/embed/${f.slug}/`))!;
      const content = await frame.evaluate(() => ({
        h: Math.ceil(document.documentElement.getBoundingClientRect().height),
        sh: document.documentElement.scrollHeight,
        ch: document.documentElement.clientHeight,
      }));
      const iframeH = await page
        .locator('iframe')
        .nth(i)
        .evaluate((el) => el.getBoundingClientRect().height);
      expect(Math.abs(iframeH - content.h), `${f.slug}: iframe ${iframeH} vs content ${content.h}`).toBeLessThanOrEqual(2);
      expect(content.sh, `${f.slug} scrolls inside`).toBeLessThanOrEqual(content.ch + 2);
    }
  }).toPass({ timeout: 15_000 });
}

test('every embed sizes itself on another origin, at 1280 and at 390 px', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openHost(page);
  await expectSized(page);
  await page.setViewportSize({ width: 390, height: 800 });
  await expectSized(page);
});

test('the host script ignores messages from other windows', async ({ page }) => {
  await openHost(page);
  await expectSized(page);
  const before = await page
    .locator('iframe')
    .first()
    .evaluate((el) => el.getBoundingClientRect().height);
  await page.evaluate(() => window.postMessage({ sentinel: 'amp', type: 'embed-size', height: 123 }, '*'));
  await page.waitForTimeout(300);
  expect(
    await page
      .locator('iframe')
      .first()
      .evaluate((el) => el.getBoundingClientRect().height),
  ).toBe(before);
});

test('an embed honours ?theme and ?plain', async ({ page }) => {
  await page.goto('/embed/trade/?theme=dark&plain');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('.figure-title')).toBeHidden();
  await expect(page.locator('.figure-backlink a')).toHaveAttribute('href', /#figure-trade$/);
});

test('every link in every embed that leaves the page opens outside the frame; in-page links stay (JavaScript off)', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const f of FIGURES) {
    await page.goto(`/embed/${f.slug}/`);
    const links = await page
      .locator('a[href]')
      .evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, target: a.getAttribute('target'), rel: a.getAttribute('rel') ?? '' })));
    expect(links.length, f.slug).toBeGreaterThan(0);
    for (const l of links) {
      if (l.href.startsWith('#')) expect(l.target, `${f.slug}: ${l.href}`).toBeNull();
      else {
        expect(l.target, `${f.slug}: ${l.href}`).toBe('_blank');
        expect(l.rel.split(' '), `${f.slug}: ${l.href}`).toContain('noopener');
      }
    }
  }
  await context.close();
});

test('inside a frame, a source link opens a new tab and the frame stays; links the live map makes too', async ({ page, context }) => {
  // Sources live on other sites: answer them here, so no request leaves the machine.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>source</title>' }),
  );
  await openHost(page);
  for (const [slug, link] of [
    ['trade', '.source-links a.ref'],
    ['map', '.figure-backlink a'],
  ] as const) {
    const frame = page.frames().find((fr) => fr.url().includes(`/embed/${slug}/`))!;
    const before = frame.url();
    const [popup] = await Promise.all([context.waitForEvent('page'), frame.locator(link).first().click()]);
    await popup.close();
    expect(frame.url()).toBe(before);
  }
  // The live map's details panel: its source links are made in the browser.
  const map = page.frames().find((fr) => fr.url().includes('/embed/map/'))!;
  await map.locator('figure').scrollIntoViewIfNeeded();
  await expect(map.locator('[data-live-map]')).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
  await map.locator('.leaflet-marker-icon.map-crossing').first().press('Enter');
  const source = map.locator('.map-panel .map-sources a').first();
  await expect(source).toBeVisible();
  const [popup] = await Promise.all([context.waitForEvent('page'), source.click()]);
  await popup.close();
  expect(map.url()).toContain('/embed/map/');
});

test('the embed code names the address the reader is on, and pasted on another site it works', async ({ page, browser }) => {
  await page.goto('/charts/trade/');
  const code = await page.locator('#figure-trade-embed').inputValue();
  const link = await page.locator('#figure-trade-link').inputValue();
  // The site was built for another address (SITE); the reader is on BASE_URL.
  expect(code).toContain(`src="${BASE_URL}/embed/trade/"`);
  expect(code).toContain(`src="${BASE_URL}/embed.js"`);
  expect(link).toBe(`${BASE_URL}/#figure-trade`);
  // Without JavaScript the field keeps the built address.
  const off = await browser.newContext({ javaScriptEnabled: false });
  const plain = await off.newPage();
  await plain.goto('/charts/trade/');
  const built = await plain.locator('#figure-trade-embed').inputValue();
  expect(built).toMatch(/src="https?:\/\/[^"]+\/embed\/trade\/"/);
  await off.close();
  // A blogger's page with the code pasted in, on another origin: the frame shows the chart, sized.
  const blog = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>Blog</title><p>Post</p>${code}`);
  });
  await new Promise<void>((resolve) => blog.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(`http://127.0.0.1:${(blog.address() as AddressInfo).port}/`);
    const frame = page.frameLocator('iframe[data-ipx-embed]');
    await expect(frame.locator('figure.figure')).toBeVisible();
    await expect(async () => {
      const h = await page.locator('iframe[data-ipx-embed]').evaluate((el) => el.getBoundingClientRect().height);
      expect(h).not.toBe(640);
    }).toPass({ timeout: 10_000 });
  } finally {
    await new Promise<void>((resolve) => blog.close(() => resolve()));
  }
});
