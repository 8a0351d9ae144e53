import { expect, test } from '@playwright/test';
import { SECTIONS } from '../../src/schemas/primitives';
import { getData } from '../../src/lib/data';
import { watchPage } from './site';

test('the explainer loads with every section, no console error and no third-party request', async ({ page }) => {
  const { errors, foreign } = watchPage(page);
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  for (const id of [...SECTIONS, 'sources']) {
    await expect(page.locator(`[id="${id}"]`), `section #${id}`).toHaveCount(1);
    await expect(page.locator(`a.anchor-link[href="#${id}"]`), `link control for #${id}`).toHaveCount(1);
  }
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
});

test('every claim is on the page as a compact row: verdict, quote and finding, with its sources a tap away', async ({ page }) => {
  const { claims } = getData();
  await page.goto('/');
  const rows = page.locator('details.claim-row');
  await expect(rows).toHaveCount(claims.length);
  for (const c of claims) {
    const row = page.locator(`details#claim-${c.id}`);
    await expect(row.locator('summary .verdict'), c.id).toHaveCount(1);
    await expect(row.locator('summary q')).toContainText(c.quote.slice(0, 40));
    await expect(row.locator('summary .finding')).toBeVisible();
    expect(await row.locator('.source-links a').count(), c.id).toBe(new Set(c.sourceIds).size);
  }
  // Every source a claim links to has its entry on the list of sources.
  const refs = await page.locator('details.claim-row a[href^="/sources/#"]').evaluateAll((as) => [...new Set(as.map((a) => (a as HTMLAnchorElement).hash))]);
  expect(refs.length).toBeGreaterThan(50);
  await page.goto('/sources/');
  for (const hash of refs) await expect(page.locator(`[id="${hash.slice(1)}"]`), hash).toHaveCount(1);
});

test('a link to a section lands on it', async ({ page }) => {
  await page.goto('/#pipeline');
  await expect(page.locator('#pipeline')).toBeInViewport();
});
