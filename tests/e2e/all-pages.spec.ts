/** Every page and embed: no console error, no request to another host, readable with JavaScript off. */
import { expect, test } from '@playwright/test';
import { PAGES, watchPage } from './site';

for (const path of PAGES) {
  test(`${path}: no console error and no third-party request`, async ({ page }) => {
    const { errors, foreign } = watchPage(page);
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
