import { expect, test } from '@playwright/test';
import { getData } from '../../src/lib/data';
import { formatDate } from '../../src/lib/format';

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
  for (const href of hrefs) {
    const r = await request.get(href);
    expect(r.status(), href).toBe(200);
  }
  // Every file of the data package (each table, its Excel copy and Table Schema; each JSON file and its JSON Schema) is linked.
  const pkg = (await (await request.get('/datapackage.json')).json()) as { resources: { path: string; schema: string; format: string }[] };
  const files = pkg.resources.flatMap((r) => [r.path, r.schema, ...(r.format === 'csv' ? [r.path.replace(/\.csv$/, '.excel.csv')] : [])]).map((p) => `/${p}`);
  expect(files.filter((f) => !hrefs.includes(f))).toEqual([]);
});

test('the data page gives each dataset its own last change, and links CITATION.cff, which names version, release date and address', async ({
  page,
  request,
}) => {
  await page.goto('/data/');
  const metas = await page.locator('.dataset .meta').allTextContents();
  const dates = new Set(metas.map((m) => /last changed ([^(·]+)/.exec(m)?.[1]?.trim() ?? m));
  expect(dates.size).toBeGreaterThan(3);
  const incidents = getData()
    .incidents.map((i) => i.date)
    .sort()
    .at(-1)!;
  await expect(page.locator('#dataset-incidents .meta')).toContainText(formatDate(incidents));
  await page.getByRole('link', { name: 'CITATION.cff' }).click();
  await expect(page).toHaveURL(/\/CITATION\.cff$/);
  const cff = await (await request.get('/CITATION.cff')).text();
  expect(cff).toMatch(/^cff-version: 1\.2\.0$/m);
  expect(cff).toMatch(/^version: "\d{4}-\d{2}-\d{2}"$/m);
  expect(cff).toMatch(/^date-released: "\d{4}-\d{2}-\d{2}"$/m);
  expect(cff).toMatch(/^url: "http:\/\/127\.0\.0\.1:4321\/"$/m);
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
