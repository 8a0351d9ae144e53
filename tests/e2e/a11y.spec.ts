/** Every page, in light and dark mode: no axe-core violation of any impact. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { FIGURES } from '../../src/lib/figures';

const PAGES = ['/', '/claims/', '/data/', '/corrections/', ...FIGURES.map((f) => `/embed/${f.slug}/`)];

for (const path of PAGES) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${path} has no accessibility violations in ${colorScheme} mode`, async ({ page }) => {
      // axe over the long home page takes 10-35 s on a 2-core machine; give it room.
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      // Open every data table so its contents are checked too.
      await page.locator('details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      expect(summary).toEqual([]);
    });
  }
}

test('the page reads with JavaScript off: text, figures and claims are in the HTML', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('h1')).toBeVisible();
  expect(await page.locator('aside.claim').count()).toBeGreaterThan(10);
  expect(await page.locator('figure.figure svg, figure.figure ol, figure.figure ul').count()).toBeGreaterThan(0);
  await context.close();
});
