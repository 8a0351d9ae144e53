/**
 * The corrections log as a reader meets it: each correction is on the page at its record's anchor
 * with a "Corrected on" line linking to its entry; the log lists them newest first with links that
 * land; every page's head announces the Atom feed; every figure lists all of its sources.
 */
import { DOMParser } from '@xmldom/xmldom';
import { expect, test } from '@playwright/test';
import { getData } from '../../src/lib/data';
import { anchorOfRecord } from '../../src/lib/links';
import { FIGURES, fullPageOf } from '../../src/lib/figures';

const data = getData();

test('each correction is shown on its record, where its link lands, with a "Corrected on" line', async ({ page }) => {
  expect(data.corrections.length).toBeGreaterThan(5);
  for (const c of data.corrections) {
    const href = anchorOfRecord(c.record, data);
    await page.goto(href);
    const target = page.locator(`[id="${href.split('#')[1]}"]`);
    await expect(target, `${c.record} has its anchor at ${href}`).toHaveCount(1);
    const line = page.locator(`[data-corrected="${c.record}"] a[href="/corrections/#correction-${c.id}"]`).first();
    await expect(line, `${c.record} shows its correction`).toHaveCount(1);
    await expect(line).toContainText({ correction: 'Corrected on', clarification: 'Clarified on', update: 'Updated on' }[c.kind]);
  }
});

test('corrected claims say so on the claim ledger too', async ({ page }) => {
  await page.goto('/claims/');
  for (const c of data.corrections.filter((x) => x.record.startsWith('claims/'))) {
    await expect(page.locator(`#claim-${c.record.slice(7)} [data-corrected] a[href="/corrections/#correction-${c.id}"]`)).toHaveCount(1);
  }
});

test('the log lists every correction newest first, each linked to its record', async ({ page }) => {
  await page.goto('/corrections/');
  await expect(page.locator('#policy')).toHaveCount(1);
  const entries = page.locator('#log ~ ol > li');
  await expect(entries).toHaveCount(data.corrections.length);
  const dates = await entries.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
  expect([...dates].sort().reverse()).toEqual(dates);
  for (const c of data.corrections) {
    await expect(page.locator(`#correction-${c.id} a[href="${anchorOfRecord(c.record, data)}"]`)).toHaveCount(1);
  }
});

test('every page announces the feed in its head, and the feed is served as well-formed Atom', async ({ page, request }) => {
  for (const path of ['/', '/claims/', '/data/', '/corrections/', `/embed/${FIGURES[0]!.slug}/`]) {
    await page.goto(path);
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]'), path).toHaveAttribute('href', /\/feed\.xml$/);
  }
  const r = await request.get('/feed.xml');
  expect(r.status()).toBe(200);
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') errors.push(msg);
    },
  }).parseFromString(await r.text(), 'application/xml');
  expect(errors).toEqual([]);
  expect(doc.documentElement!.localName).toBe('feed');
  expect(doc.getElementsByTagName('entry').length).toBeGreaterThan(data.corrections.length);
});

test('every figure lists as many sources as it counts, none cut off, on its own page; the explainer links there', async ({ page }) => {
  for (const f of FIGURES) {
    await page.goto('/');
    // The explainer names the first few and links to the figure's page for all of them.
    const link = page.locator(`#${f.id}-sources a`);
    await expect(link, f.id).toHaveAttribute('href', `${fullPageOf(f)}#${f.id}-sources`);
    await page.goto(`${fullPageOf(f)}#${f.id}-sources`);
    const caption = page.locator(`#${f.id} figcaption`);
    const refs = await caption.locator('a.ref').evaluateAll((as) => new Set(as.map((a) => (a as HTMLAnchorElement).hash)).size);
    const counted = await caption.locator('.source-links .label').first().innerText();
    const n = /\((\d+)\)/.exec(counted)?.[1] ?? '1';
    expect(refs, `${f.id}: ${counted}`).toBe(Number(n));
  }
});
