/**
 * Every link shared before keeps landing. The explainer's long lists moved to pages of their own
 * (src/lib/moved.ts: sources, crossings, incidents, events, trade and pipeline rows) and its claims
 * became compact rows that open on demand. For every record id, read from the data, and every id
 * the explainer published before (tests/fixtures/published-anchors.json):
 * - with JavaScript, /#<id> lands on the record: on the page it moved to, or on the explainer with
 *   its <details> open, in view (for each kind the first and the last id by a fresh navigation to
 *   /#<id>, every id by following it on the page it lands on, which runs the same code);
 * - without JavaScript, the explainer still holds an element with that id, one click (a link to the
 *   record's address) from the record.
 * And the map's deep links (#map=crossing/…, #map=incident/…) open every feature.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { getData } from '../../src/lib/data';
import { warTimelineEvents } from '../../src/lib/links';
import { movedPage } from '../../src/lib/moved';
import { listedIncidents } from '../../src/lib/incident-volume';
import { FIGURES } from '../../src/lib/figures';
import { SECTIONS } from '../../src/schemas/primitives';
import { crossingName } from '../../src/lib/labels';

const data = getData();
const published = (JSON.parse(readFileSync('tests/fixtures/published-anchors.json', 'utf8')) as { anchors: string[] }).anchors;

/** Every anchor a record of the data has (or had) on the explainer, by kind. */
const fromData: Record<string, string[]> = {
  sections: [...SECTIONS, 'sources', 'war-and-talks', 'crossings-list', 'incidents-list', ...data.districts.map((d) => `strip-${d.id}`)],
  figures: FIGURES.flatMap((f) => [f.id, `${f.id}-sources`]),
  claims: data.claims.flatMap((c) => [`claim-${c.id}`, `quote-${c.id}`, ...(data.claims.some((x) => x.id === `${c.id}-q`) ? [] : [`claim-${c.id}-q`])]),
  pledges: data.pledges.map((p) => `pledge-${p.id}`),
  smuggling: data.smuggling.map((s) => `smuggling-${s.id}`),
  documents: data.mous.map((m) => `document-${m.id}`),
  crossings: data.crossings.map((c) => `crossing-${c.id}`),
  incidents: listedIncidents(data.incidents, data.claims).listed.map((i) => `incident-${i.id}`),
  // The explainer listed the events of the 2026 timeline; every event now has its entry on /timeline/.
  events: warTimelineEvents(data).map((e) => `event-${e.id}`),
  trade: data.trade.filter((r) => r.kind !== 'headline').map((r) => `trade-${r.id}`),
  pipeline: data.pipeline.filter((r) => r.kind !== 'route-point').map((r) => `pipeline-${r.id}`),
  sources: data.sources.map((s) => `source-${s.id}`),
};
const all = [...new Set([...Object.values(fromData).flat(), ...published])];
const pageOf = (id: string) => movedPage(id) ?? '/';

test('the list of published anchors is the one this test was written against', () => {
  expect(published.length).toBeGreaterThan(600);
  // Every id published before is one the data still accounts for (so none is checked by the fixture alone).
  const known = new Set(Object.values(fromData).flat());
  expect(published.filter((id) => !known.has(id) && !/-title$/.test(id) && id !== 'main')).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the explainer holds every old anchor, one click from its record', async ({ page }) => {
    await page.goto('/');
    const found = await page.evaluate(
      (ids) =>
        ids.map((id) => {
          const el = document.getElementById(id);
          if (!el) return { id, exists: false, links: [] as string[] };
          const links = [el, ...el.querySelectorAll('a')]
            .filter((a): a is HTMLAnchorElement => a instanceof HTMLAnchorElement)
            .map((a) => a.getAttribute('href') ?? '');
          return { id, exists: true, links };
        }),
      all,
    );
    const missing = found.filter((f) => !f.exists).map((f) => f.id);
    expect(missing, 'ids missing from the explainer').toEqual([]);
    // A moved record's stand-in links to the record on its page.
    const unlinked = found.filter((f) => movedPage(f.id) && !f.links.includes(`${pageOf(f.id)}#${f.id}`)).map((f) => f.id);
    expect(unlinked, 'stand-ins without a link to their record').toEqual([]);
    expect(all.length).toBeGreaterThan(650);
  });

  for (const [kind, ids] of Object.entries(fromData)) {
    test(`an old link to a ${kind.replace(/s$/, '')} lands on it, and a closed list or row around it opens`, async ({ page }) => {
      // One of each kind by navigation (all of them are checked for presence above): the last, the deepest in its list.
      const id = ids[ids.length - 1]!;
      await page.goto(`/#${id}`);
      // In view and visible: a stand-in inside a closed list is opened by the browser itself; a row's
      // summary is visible with the row closed (one click opens it).
      await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
    });
  }
});

/** After landing on a page: the record is there once, in view, with every <details> around it open. */
async function expectLanded(page: Page, id: string) {
  const target = page.locator(`[id="${id}"]`);
  await expect(target, `${id} on ${new URL(page.url()).pathname}`).toHaveCount(1);
  await expect(target, `${id} in view`).toBeInViewport();
  const closed = await target.evaluate((el) => {
    const out: string[] = [];
    if (el instanceof HTMLDetailsElement && !el.open) out.push('itself');
    for (let d = el.parentElement?.closest('details'); d; d = d.parentElement?.closest('details') ?? null)
      if (!(d as HTMLDetailsElement).open) out.push(d.className || 'details');
    return out;
  });
  expect(closed, `${id}: every <details> around it open`).toEqual([]);
}

/** A fresh navigation to /#<id>, as from another site: it ends on the record's page, on the record. */
async function land(page: Page, id: string) {
  await page.goto(`/#${id}`, { waitUntil: 'domcontentloaded' });
  const path = pageOf(id);
  await page.waitForURL((u) => u.pathname === path && decodeURIComponent(u.hash) === `#${id}`);
  await expectLanded(page, id);
}

/** Following #<id> on the page already open (a hash change: the same code as on load). */
async function follow(page: Page, id: string) {
  await page.evaluate((h) => {
    location.hash = h;
  }, id);
  await expectLanded(page, id);
}

test.describe('with JavaScript', () => {
  const byPage = (ids: string[]) => [...new Set(ids.map(pageOf))].map((p) => ({ path: p, ids: ids.filter((id) => pageOf(id) === p) }));
  for (const [kind, ids] of Object.entries(fromData)) {
    test(`every old link to a ${kind.replace(/s$/, '')} lands on it (${ids.length})`, async ({ page }) => {
      test.setTimeout(60_000 + ids.length * 300);
      await land(page, ids[0]!);
      await land(page, ids[ids.length - 1]!);
      for (const { path, ids: here } of byPage(ids)) {
        await page.goto(path);
        for (const id of here) await follow(page, id);
      }
    });
  }

  test('every other id the explainer published lands too, and every event of the record has its entry', async ({ page }) => {
    const known = new Set(Object.values(fromData).flat());
    const rest = [...published.filter((id) => !known.has(id)), ...data.events.map((e) => `event-${e.id}`)];
    test.setTimeout(60_000 + rest.length * 300);
    await land(page, `event-${data.events[0]!.id}`);
    for (const { path, ids: here } of byPage(rest)) {
      await page.goto(path);
      for (const id of here) await follow(page, id);
    }
  });

  test('a claim opens in place: its row is in view, open, with its note and sources', async ({ page }) => {
    const c = data.claims.find((x) => x.updates?.length && x.note)!;
    await land(page, `claim-${c.id}`);
    const row = page.locator(`#claim-${c.id}`);
    await expect(row).toHaveAttribute('open', '');
    await expect(row.locator('.source-links')).toBeVisible();
    await expect(row).toContainText('Since the article');
    // An in-page link from the findings opens its row too.
    await page.goto('/');
    const differs = data.claims.find((x) => x.verdict === 'differs')!;
    await page.locator(`.findings a[href="#claim-${differs.id}"]`).click();
    await expect(page.locator(`#claim-${differs.id}`)).toHaveAttribute('open', '');
    await expect(page.locator(`#claim-${differs.id}`)).toBeInViewport();
  });

  test("the map's deep links open every crossing and every placed incident", async ({ page }) => {
    test.setTimeout(120_000);
    const first = data.crossings[0]!;
    await page.goto(`/#map=crossing/${first.id}`);
    await expect(page.locator('.map-panel-title')).toHaveText(crossingName(first));
    for (const c of data.crossings) {
      await page.evaluate((h) => {
        location.hash = h;
      }, `map=crossing/${c.id}`);
      await expect(page.locator('.map-panel-title'), c.id).toHaveText(crossingName(c));
    }
    for (const i of data.incidents.filter((x) => x.location)) {
      await page.evaluate((h) => {
        location.hash = h;
      }, `map=incident/${i.id}`);
      await expect(page.locator('.map-panel-title'), i.id).toContainText(i.place);
    }
  });

  test("the strip's links lead to each crossing's record without JavaScript, and open it on the live map with it", async ({ page, browser }) => {
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const p = await plain.newPage();
    await p.goto('/');
    const links = await p
      .locator('[data-strip-crossing]')
      .evaluateAll((as) => as.map((a) => [a.getAttribute('data-strip-crossing')!, a.getAttribute('href')!]));
    expect(links.length).toBeGreaterThan(0);
    for (const [id, href] of links) expect(href).toBe(`/border/#crossing-${id}`);
    await p.locator(`[data-strip-crossing="${links[0]![0]}"]`).click();
    await expect(p).toHaveURL(new RegExp(`/border/#crossing-${links[0]![0]}$`));
    await expect(p.locator(`#crossing-${links[0]![0]}`)).toBeInViewport();
    await plain.close();
    await page.goto('/');
    await page.locator('#figure-map').scrollIntoViewIfNeeded();
    await expect(page.locator('[data-live-map]')).toHaveAttribute('data-state', 'live');
    const [id] = links[links.length - 1]!;
    await page.locator(`[data-strip-crossing="${id}"]`).click();
    await expect(page.locator('.map-panel-title')).toHaveText(crossingName(data.crossings.find((c) => c.id === id)!));
  });
});
