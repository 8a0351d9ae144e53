/**
 * Chart images to download: linked from the Share, embed or download panel of each chart's page
 * and of its embed; the PNGs real PNGs of the stated width (their IHDR), the SVG a parsing SVG that
 * carries the chart's title and source line; each file within its byte budget.
 */
import { DOMParser } from '@xmldom/xmldom';
import { expect, test } from '@playwright/test';
import { IMAGE_SLUGS } from '../../src/lib/figures';
import { pngSize } from '../../src/lib/chart-image';

/** Byte budgets per file (raw: PNGs do not gzip, and an SVG's size on disk is what a reader keeps). */
export const IMAGE_BUDGET = { png: 350 * 1024, png2x: 800 * 1024, svg: 60 * 1024 } as const;
const WIDTH = { png: 1200, png2x: 2400 } as const;

for (const slug of IMAGE_SLUGS) {
  for (const path of [`/charts/${slug}/`, `/embed/${slug}/`]) {
    test(`${path}: the panel links a PNG, a 2x PNG and an SVG of the chart, real and within budget`, async ({ page, request }) => {
      await page.goto(path);
      const title = (await page.locator(`#figure-${slug}-title`).innerText()).trim();
      const links = page.locator(`#figure-${slug}-share a[data-image]`);
      await expect(links).toHaveCount(3);
      const kinds = await links.evaluateAll((as) =>
        as.map((a) => [a.getAttribute('data-image')!, a.getAttribute('href')!, a.hasAttribute('download') ? 'download' : '']),
      );
      expect(kinds.map((k) => k[0]).sort()).toEqual(['png', 'png2x', 'svg']);
      for (const [kind, href, download] of kinds as [keyof typeof IMAGE_BUDGET, string, string][]) {
        expect(download, href).toBe('download');
        const res = await request.get(new URL(href, page.url()).href);
        expect(res.status(), href).toBe(200);
        const body = await res.body();
        console.log(`${href}: ${body.length} B`);
        expect(body.length, `${href} within ${IMAGE_BUDGET[kind]} B`).toBeLessThanOrEqual(IMAGE_BUDGET[kind]);
        if (kind === 'svg') {
          expect(res.headers()['content-type']).toContain('image/svg+xml');
          const errors: string[] = [];
          const doc = new DOMParser({
            onError: (level, msg) => {
              if (level !== 'warning') errors.push(msg);
            },
          }).parseFromString(body.toString('utf8'), 'image/svg+xml');
          expect(errors).toEqual([]);
          expect(doc.documentElement!.tagName).toBe('svg');
          expect(doc.getElementsByTagName('title')[0]?.textContent).toBe(title);
          const texts = [...(doc.getElementsByTagName('text') as unknown as Iterable<Element>)].map((t) => t.textContent ?? '').join('\n');
          expect(texts).toMatch(/^Sources? (\(\d+\))?: \S/m);
          expect(texts).toContain('Chart: Iran-Pakistan explainer data desk.');
        } else {
          expect(res.headers()['content-type']).toContain('image/png');
          expect(pngSize(body).width).toBe(WIDTH[kind]);
          expect(pngSize(body).height).toBeGreaterThan(400);
        }
      }
    });
  }
}

test('charts that are text (the documents, the smuggling estimates) offer no image', async ({ page }) => {
  for (const slug of ['documents', 'smuggling']) {
    await page.goto(`/charts/${slug}/`);
    await expect(page.locator(`#figure-${slug}-share`)).toHaveCount(1);
    await expect(page.locator(`#figure-${slug}-share a[data-image]`)).toHaveCount(0);
  }
});
