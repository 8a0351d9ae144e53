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
  const frames = FIGURES.map((f) => `<h2>${f.name}</h2><iframe src="${BASE_URL}/embed/${f.slug}/" title="${f.name}" width="100%" height="640" style="border:0;width:100%"></iframe>`).join('\n');
  const body = `<!doctype html><html><head><title>Host</title></head><body style="margin:0"><main>${frames}</main><script async src="${BASE_URL}/embed.js"></script></body></html>`;
  host = createServer((_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(body); });
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
      const content = await frame.evaluate(() => ({ h: Math.ceil(document.documentElement.getBoundingClientRect().height), sh: document.documentElement.scrollHeight, ch: document.documentElement.clientHeight }));
      const iframeH = await page.locator('iframe').nth(i).evaluate((el) => el.getBoundingClientRect().height);
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
  const before = await page.locator('iframe').first().evaluate((el) => el.getBoundingClientRect().height);
  await page.evaluate(() => window.postMessage({ sentinel: 'amp', type: 'embed-size', height: 123 }, '*'));
  await page.waitForTimeout(300);
  expect(await page.locator('iframe').first().evaluate((el) => el.getBoundingClientRect().height)).toBe(before);
});

test('an embed honours ?theme and ?plain', async ({ page }) => {
  await page.goto('/embed/trade/?theme=dark&plain');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('.figure-title')).toBeHidden();
  await expect(page.locator('.figure-backlink a')).toHaveAttribute('href', /#figure-trade$/);
});
