/** Every page, in light and dark mode: no axe-core violation of any impact. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { PAGES } from './site';

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
      const summary = results.violations.map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
      );
      expect(summary).toEqual([]);
    });
  }
}

test('the page reads with JavaScript off: text, figures and claims are in the HTML', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('h1')).toBeVisible();
  expect(await page.locator('details.claim-row').count()).toBeGreaterThan(10);
  expect(await page.locator('figure.figure svg, figure.figure ol, figure.figure ul').count()).toBeGreaterThan(0);
  await context.close();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the explainer's tap targets are at least 24 px, or far enough apart, at 390 px (${colorScheme})`, async ({ page }) => {
    // The rule Lighthouse applies (axe target-size), with every row and list open.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme });
    await page.goto('/');
    await page.locator('details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const results = await new AxeBuilder({ page }).withRules(['target-size']).analyze();
    expect(results.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`))).toEqual([]);
    // The contents links, which Lighthouse found 20 px tall, are at least 24.
    const heights = await page.locator('.toc a').evaluateAll((as) => as.map((a) => a.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(24);
  });
}
