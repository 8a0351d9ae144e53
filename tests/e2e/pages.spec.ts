import { expect, test } from '@playwright/test';

test('the claim ledger filters by verdict and by section, without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/claims/');
  const entries = page.locator('.entry');
  const total = await entries.count();
  expect(total).toBeGreaterThan(10);
  for (const verdict of ['supported', 'differs', 'disputed', 'unverified']) {
    await page.locator(`#f-v-${verdict}`).check();
    const expected = await page.locator(`.entry[data-verdict="${verdict}"]`).count();
    await expect(page.locator('.entry:visible')).toHaveCount(expected);
  }
  await page.locator('#f-v-all').check();
  await page.locator('#f-s-pipeline').check();
  await expect(page.locator('.entry:visible')).toHaveCount(await page.locator('.entry[data-section="pipeline"]').count());
  await context.close();
});

test('every claim has its own anchor on the ledger', async ({ page }) => {
  await page.goto('/claims/');
  const ids = await page.locator('aside.claim').evaluateAll((els) => els.map((e) => e.id));
  expect(new Set(ids).size).toBe(ids.length);
  await page.goto(`/claims/#${ids[3]}`);
  await expect(page.locator(`[id="${ids[3]}"]`)).toBeInViewport();
});

test('the data page links every download, and they are served', async ({ page, request }) => {
  await page.goto('/data/');
  const hrefs = await page.locator('.downloads a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThanOrEqual(30);
  for (const href of hrefs) {
    const r = await request.get(href);
    expect(r.status(), href).toBe(200);
  }
  const pkg = await (await request.get('/datapackage.json')).json();
  expect(pkg.resources.length).toBe(hrefs.length / 3 * 2);
});

test('share cards are 1200x630 PNGs and the share pages carry them', async ({ page, request }) => {
  for (const key of ['index', 'section-trade', 'figure-trade']) {
    const r = await request.get(`/og/${key}.png`);
    expect(r.status()).toBe(200);
    const png = await r.body();
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  }
  await page.goto('/');
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', /\/og\/index\.png$/);
  const share = await (await request.get('/share/section-pipeline/')).text();
  expect(share).toMatch(/property="og:image" content="[^"]*\/og\/section-pipeline\.png"/);
  expect(share).toMatch(/url=\/#pipeline/);
});
