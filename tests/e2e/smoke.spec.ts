import { expect, test } from '@playwright/test';
import { SECTIONS } from '../../src/schemas/primitives';

test('the explainer loads with every section, no console error and no third-party request', async ({ page }) => {
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    const host = new URL(r.url()).hostname;
    if (!['127.0.0.1', 'localhost'].includes(host) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  for (const id of [...SECTIONS, 'sources']) {
    await expect(page.locator(`[id="${id}"]`), `section #${id}`).toHaveCount(1);
    await expect(page.locator(`a.anchor-link[href="#${id}"]`), `link control for #${id}`).toHaveCount(1);
  }
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
});

test('every claim is on the page with its verdict and sources', async ({ page, request }) => {
  await page.goto('/');
  const claims = page.locator('aside.claim');
  const n = await claims.count();
  expect(n).toBeGreaterThan(10);
  for (let i = 0; i < n; i++) {
    const c = claims.nth(i);
    await expect(c.locator('.verdict')).toHaveCount(1);
    await expect(c.locator('blockquote')).toHaveCount(1);
    expect(await c.locator('.source-links a.ref').count()).toBeGreaterThan(0);
  }
  // every source reference lands on an entry of the sources list
  const refs = await page.locator("a.ref").evaluateAll((as) => [...new Set(as.map((a) => (a as HTMLAnchorElement).hash))]);
  for (const hash of refs) await expect(page.locator(`[id="${hash.slice(1)}"]`), hash).toHaveCount(1);
  void request;
});

test('a link to a section lands on it', async ({ page }) => {
  await page.goto('/#pipeline');
  await expect(page.locator('#pipeline')).toBeInViewport();
});
