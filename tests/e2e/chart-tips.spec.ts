/**
 * The charts answer back: for each SVG chart, a known record (read from data/, its expected words
 * formatted here from the record itself) shows its value on hover, on tap and from the keyboard;
 * Escape, a second tap and a tap elsewhere close it; the pointer can rest on it; nothing shifts; axe is clean with a tooltip
 * open; the tooltip stays inside a 320 px viewport, follows dark mode and works in the embeds.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { getData, getSources } from '../../src/lib/data';
import { formatDate, formatMoney, formatRange } from '../../src/lib/format';
import { incidentsTips, pipelineTips, pledgeTips, tradeTips, type TipTable } from '../../src/lib/charts/tips';
import { incidentsModel } from '../../src/lib/charts/incidents';
import { TRADE_SERIES } from '../../src/lib/charts/trade';
import { STATUS_LOOK } from '../../src/lib/pledges';
import type { TradeFlow } from '../../src/schemas/trade';
import type { PipelineEvent } from '../../src/schemas/pipeline';

const data = getData();
const publisher = (ids: string[]) => getSources(ids.slice(0, 1), data)[0]!.publisher;

interface Case {
  slug: string;
  key: string;
  table: TipTable;
  expected: string[];
  low: boolean;
}

function cases(): Case[] {
  const s = TRADE_SERIES[0];
  const flow = data.trade
    .filter((r): r is TradeFlow => r.kind === 'flow' && r.reporter === s.reporter && r.flow === s.flow && r.basis === s.basis)
    .sort((a, b) => a.periodStart.localeCompare(b.periodStart))[0]!;
  const incident = [...data.incidents].sort((a, b) => (b.killed?.max ?? 0) - (a.killed?.max ?? 0))[0]!;
  const event = data.pipeline.filter((r): r is PipelineEvent => r.kind === 'event').sort((a, b) => a.date.localeCompare(b.date))[0]!;
  const pledge = data.pledges[0]!;
  const entry = pledge.history[pledge.history.length - 1]!;
  const model = incidentsModel(data.incidents, data.events, undefined, 720);
  return [
    {
      slug: 'trade',
      key: flow.id,
      table: tradeTips(data),
      expected: [s.label, flow.period, formatMoney(flow.amount), publisher(flow.sourceIds)],
      low: flow.confidence === 'low',
    },
    {
      slug: 'incidents',
      key: incident.id,
      table: incidentsTips(data, model),
      expected: [formatDate(incident.date), incident.place, `Killed: ${formatRange(incident.killed!)}`, publisher(incident.sourceIds)],
      low: incident.confidence === 'low',
    },
    {
      slug: 'pipeline',
      key: event.id,
      table: pipelineTips(data),
      expected: [event.title, formatDate(event.date), publisher(event.sourceIds)],
      low: event.confidence === 'low',
    },
    {
      slug: 'pledges',
      key: `${pledge.id}-${pledge.history.length - 1}`,
      table: pledgeTips(data),
      expected: [pledge.title, `${formatDate(entry.date)}: ${STATUS_LOOK[entry.status].label}`, publisher(entry.sourceIds)],
      low: entry.confidence === 'low',
    },
  ];
}

const norm = (s: string) => s.replace(/\s+/g, ' ');
async function expectTip(page: Page, c: Case): Promise<void> {
  const tip = page.locator('#chart-tip');
  await expect(tip).toBeVisible();
  await expect(tip).toHaveAttribute('role', 'tooltip');
  const text = norm(await tip.innerText());
  for (const e of c.expected) expect(text, `${c.slug}: "${e}" in "${text}"`).toContain(norm(e));
  if (c.low) expect(text).toContain('low confidence');
}

/** The visible chart of a figure (the wide layout at 1280 px, the narrow one on a phone). */
const chartOf = (page: Page, slug: string): Locator => page.locator(`#figure-${slug} [data-tip-chart]:visible`).first();
const markOf = (chart: Locator, c: Case): Locator => {
  const i = c.table.index.get(c.key);
  if (i === undefined) throw new Error(`${c.slug}: no tooltip for ${c.key}`);
  return chart.locator(`[data-tip="${i}"]`).last();
};

/** The sum of every layout shift since the page loaded, inputs or not. */
async function shifts(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let sum = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) sum += (e as unknown as { value: number }).value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(sum), 200);
      }),
  );
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

for (const c of cases()) {
  test(`${c.slug}: hover shows the record's value, Escape closes it, nothing shifts, axe is clean with it open`, async ({ page }) => {
    test.setTimeout(60_000);
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/charts/${c.slug}/`);
    const chart = chartOf(page, c.slug);
    await chart.scrollIntoViewIfNeeded();
    await markOf(chart, c).hover({ force: true });
    await expectTip(page, c);
    const results = await new AxeBuilder({ page }).include(`#figure-${c.slug}`).include('#chart-tip').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    // Hoverable (WCAG 1.4.13): the pointer can go onto the tooltip and it stays; off both, it goes.
    const onTip = (await page.locator('#chart-tip').boundingBox())!;
    await page.mouse.move(onTip.x + onTip.width / 2, onTip.y + onTip.height / 2);
    await page.waitForTimeout(100);
    await expectTip(page, c);
    await page.mouse.move(2, 2);
    await expect(page.locator('#chart-tip')).toBeHidden();
    await markOf(chart, c).hover({ force: true });
    await expectTip(page, c);
    await page.keyboard.press('Escape');
    await expect(page.locator('#chart-tip')).toBeHidden();
    expect(await shifts(page)).toBe(0);
    expect(errors).toEqual([]);
  });

  test(`${c.slug}: on a phone a tap pins it, a second tap closes it, a tap elsewhere too; it stays inside 320 px`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`/charts/${c.slug}/`);
    const chart = chartOf(page, c.slug);
    await chart.scrollIntoViewIfNeeded();
    const mark = markOf(chart, c);
    await mark.tap({ force: true });
    await expectTip(page, c);
    const box = (await page.locator('#chart-tip').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await mark.tap({ force: true });
    await expect(page.locator('#chart-tip')).toBeHidden();
    await mark.tap({ force: true });
    await expect(page.locator('#chart-tip')).toBeVisible();
    await page.locator('h1').tap();
    await expect(page.locator('#chart-tip')).toBeHidden();
    expect(await shifts(page)).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  test(`${c.slug}: Tab reaches the chart, the arrow keys reach the record, the tooltip describes the chart, Escape closes`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/charts/${c.slug}/`);
    const chart = chartOf(page, c.slug);
    await expect(chart).toHaveAttribute('tabindex', '0');
    for (let i = 0; i < 60 && !(await chart.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(chart).toBeFocused();
    await expect(page.locator('#chart-tip')).toBeVisible();
    const order = await chart.evaluate((el) =>
      [...new Set([...el.querySelectorAll<HTMLElement>('[data-tip]')].map((m) => Number(m.dataset.tip)))].sort((a, b) => a - b),
    );
    const steps = order.indexOf(c.table.index.get(c.key)!);
    expect(steps).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Home');
    for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowRight');
    await expectTip(page, c);
    await expect(chart).toHaveAttribute('aria-describedby', 'chart-tip');
    await page.keyboard.press('Escape');
    await expect(page.locator('#chart-tip')).toBeHidden();
    await expect(chart).not.toHaveAttribute('aria-describedby', 'chart-tip');
  });
}

test('on the explainer a tap on a chart shows its value (the compact chart, loaded as it nears the viewport)', async ({ browser }) => {
  const c = cases()[0]!;
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto('/');
  const chart = chartOf(page, c.slug);
  await chart.scrollIntoViewIfNeeded();
  await markOf(chart, c).tap({ force: true });
  await expectTip(page, c);
  expect(errors).toEqual([]);
  await context.close();
});

test('in an embed the tooltip waits for the reader, then works and follows the dark theme', async ({ page }) => {
  const c = cases()[1]!;
  const loaded: string[] = [];
  page.on('response', (r) => {
    if (/chart-tips\.[\w-]+\.js$|tips\.json$/.test(r.url())) loaded.push(r.url());
  });
  await page.setViewportSize({ width: 800, height: 700 });
  await page.goto(`/embed/${c.slug}/?theme=dark`);
  await page.waitForLoadState('networkidle');
  expect(loaded, 'an embed loads no tooltips before its reader turns to the chart').toEqual([]);
  const chart = chartOf(page, c.slug);
  await chart.hover({ position: { x: 5, y: 5 } });
  await expect(chart.locator('[data-tip]').first()).toBeAttached();
  expect(loaded.length).toBe(2);
  await markOf(chart, c).hover({ force: true });
  await expectTip(page, c);
  const bg = await page.locator('#chart-tip').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).toBe('rgb(21, 21, 21)');
});

test("the tooltips' script is at most 6 KB gzip and loads only when a chart nears the viewport", async ({ page }) => {
  const loaded: string[] = [];
  page.on('response', (r) => {
    if (/chart-tips\.[\w-]+\.js$/.test(r.url())) loaded.push(r.url());
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/claims/');
  await page.waitForLoadState('networkidle');
  expect(loaded, 'no chart on the claim ledger: no tooltip script').toEqual([]);
  await page.goto('/charts/trade/');
  await page.waitForLoadState('networkidle');
  expect(loaded.length).toBe(1);
  const body = await (await page.request.get(loaded[0]!)).body();
  const { gzipSync } = await import('node:zlib');
  console.log(`chart-tips module: ${body.length} B, ${gzipSync(body).length} B gzip`);
  expect(gzipSync(body).length).toBeLessThanOrEqual(6 * 1024);
});
