/**
 * The site as Netlify and Cloudflare Pages serve it: dist/ with dist/_headers applied under each
 * host's documented rules (scripts/lib/headers-file.ts). On both, every page and embed loads with no
 * content-security-policy violation and with its styles; every embed can be framed by another
 * site; the pages refuse to be. And every built page is covered by exactly the rules it should be.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { HOSTS, headersFor, parseHeadersFile, type Host } from '../../scripts/lib/headers-file';
import { serveStatic } from '../../scripts/lib/static-server';
import { FIGURES } from '../../src/lib/figures';

const DIST = 'dist';
function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? htmlFiles(p) : p.endsWith('.html') ? [p] : [];
  });
}
/** Every built page, by the address a reader uses (a folder's index.html is the folder). */
const PAGES = htmlFiles(DIST)
  .map((f) => `/${relative(DIST, f).replace(/\\/g, '/')}`.replace(/index\.html$/, ''))
  .sort();
const isEmbed = (p: string) => p.startsWith('/embed/');

const servers = new Map<Host, { base: string; close: () => void }>();
let framer: Server;
let FRAMER = '';
test.beforeAll(async () => {
  for (const host of HOSTS) servers.set(host, await serveStatic(DIST, { host }));
  // A page on a third origin that frames whatever ?src= names.
  framer = createServer((req, res) => {
    const src = new URL(req.url ?? '/', 'http://x').searchParams.getAll('src');
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>Another site</title>${src.map((s, i) => `<iframe name="f${i}" src="${s}" width="600" height="400"></iframe>`).join('')}`);
  });
  await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve));
  FRAMER = `http://127.0.0.1:${(framer.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  for (const s of servers.values()) s.close();
  await new Promise<void>((resolve) => framer.close(() => resolve()));
});

/** Collects every policy violation and framing refusal the page (and its frames) report. */
async function watchViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  page.on('console', (m) => {
    if (/Content Security Policy|CSP violation|Refused to/i.test(m.text())) found.push(m.text());
  });
  return found;
}

test('every built page is covered by the rules it should be, on both hosts', () => {
  const rules = parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8'));
  expect(PAGES.length).toBeGreaterThan(10);
  for (const host of HOSTS) {
    for (const path of PAGES) {
      const { headers, sources } = headersFor(rules, path, host);
      const want = isEmbed(path) ? 'frame-ancestors *' : "frame-ancestors 'self'";
      expect(headers['content-security-policy'], `${host} ${path}: add a rule for it to public/_headers`).toBe(want);
      for (const [name, n] of Object.entries(sources)) expect(n, `${host} ${path}: ${name} set by ${n} rules`).toBe(1);
    }
  }
});

for (const host of HOSTS) {
  test.describe(`served as ${host} serves it`, () => {
    for (const path of PAGES.filter((p) => !p.startsWith('/share/'))) {
      test(`${path}: styled, with no policy violation`, async ({ page }) => {
        const base = servers.get(host)!.base;
        const violations = await watchViolations(page);
        const response = await page.goto(`${base}${path}`);
        expect(response?.status()).toBe(200);
        expect(response?.headers()['content-security-policy']).toBe(isEmbed(path) ? 'frame-ancestors *' : "frame-ancestors 'self'");
        // The inline stylesheet applied: its custom properties are defined.
        expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim())).not.toBe('');
        if (await page.locator('[data-live-map]').count()) {
          await page.locator('[data-live-map]').first().scrollIntoViewIfNeeded();
          await expect(page.locator('[data-live-map]').first()).toHaveAttribute('data-state', 'live');
        }
        await page.waitForLoadState('networkidle');
        expect(violations).toEqual([]);
      });
    }

    test('the share pages: no policy violation, on to their anchor', async ({ page }) => {
      const base = servers.get(host)!.base;
      const violations = await watchViolations(page);
      for (const path of PAGES.filter((p) => p.startsWith('/share/'))) {
        await page.goto(`${base}${path}`);
        await page.waitForURL(/\/#/);
      }
      expect(violations).toEqual([]);
    });

    test('another site can frame every embed, and none of the pages', async ({ page }) => {
      const base = servers.get(host)!.base;
      const violations = await watchViolations(page);
      const embeds = FIGURES.map((f) => `${base}/embed/${f.slug}/`);
      const pages = [`${base}/`, `${base}/claims/`, `${base}/data/`];
      await page.goto(`${FRAMER}/?${[...embeds, ...pages].map((s) => `src=${encodeURIComponent(s)}`).join('&')}`);
      await page.waitForLoadState('load');
      for (const [i, src] of embeds.entries()) {
        await expect(page.frameLocator(`iframe[name="f${i}"]`).locator('figure.figure'), src).toBeVisible();
      }
      for (const [k, src] of pages.entries()) {
        const i = embeds.length + k;
        await expect(async () => {
          const frame = page.frame({ name: `f${i}` });
          const shown = frame ? await frame.evaluate(() => document.querySelector('main') !== null).catch(() => false) : false;
          expect(shown, `${src} shown in another site's frame`).toBe(false);
        }).toPass({ timeout: 5_000 });
      }
      // Refused by the policy (Chromium says so for each page), not by chance.
      await expect.poll(() => violations.filter((v) => /frame-ancestors/.test(v)).length).toBe(pages.length);
      expect(violations.filter((v) => !/frame-ancestors/.test(v))).toEqual([]);
    });
  });
}
