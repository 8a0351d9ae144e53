/**
 * Names and provenance: every id a component or page names resolves (or the build stops with its
 * name), no source id is typed in the code (the article's source is found by its role), figure
 * source lines list every source, and the trade chart says which series it leaves out.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getArticle, getData } from '../../src/lib/data';
import { combinationLabel, tradeCoverage, TRADE_SERIES } from '../../src/lib/charts/trade';
import { splitSources } from '../../src/lib/provenance';
import type { Datasets } from '../../src/lib/validation';
import TradeChart from '../../src/components/charts/TradeChart.astro';
import PledgeTracker from '../../src/components/charts/PledgeTracker.astro';
import { renderComponent } from '../charts/golden';

const data = getData();
const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
const code = files('src')
  .filter((f) => /\.(astro|ts|mdx)$/.test(f))
  .map((f) => ({ f, text: readFileSync(f, 'utf8') }));

describe('ids named in the code', () => {
  it('no component, page or library types a source id (the article is found by its role)', () => {
    const ids = new Set(data.sources.map((s) => s.id));
    const typed = code.flatMap(({ f, text }) =>
      [...text.matchAll(/['"`]([a-z0-9]+(?:-[a-z0-9]+)+)['"`]/g)].filter((m) => ids.has(m[1]!)).map((m) => `${f}: ${m[1]}`),
    );
    expect(typed).toEqual([]);
  });

  it('every claim or record id typed in a component or page exists in the data', () => {
    const named: { f: string; dataset: keyof Datasets; id: string }[] = [];
    for (const { f, text } of code) {
      for (const m of text.matchAll(/getClaim\(\s*'([a-z0-9-]+)'/g)) named.push({ f, dataset: 'claims', id: m[1]! });
      for (const m of text.matchAll(/claimId\s*=\s*'([a-z0-9-]+)'/g)) named.push({ f, dataset: 'claims', id: m[1]! });
      for (const m of text.matchAll(/getRecord\(\s*'([a-z]+)'\s*,\s*'([a-z0-9-]+)'/g)) named.push({ f, dataset: m[1] as keyof Datasets, id: m[2]! });
    }
    expect(named.length).toBeGreaterThan(3);
    const missing = named.filter((n) => !(data[n.dataset] as { id: string }[]).some((r) => r.id === n.id)).map((n) => `${n.f}: ${n.dataset}/${n.id}`);
    expect(missing).toEqual([]);
  });

  it("a renamed claim stops the chart with the claim's name instead of dropping its annotation", async () => {
    const renamed = structuredClone(data);
    renamed.claims.find((c) => c.id === 'trade-target-10bn')!.id = 'renamed-claim';
    await expect(renderComponent(TradeChart, { data: renamed })).rejects.toThrow(/No claim "trade-target-10bn"/);
  });

  it('the article is the one source marked as such, and its absence is an error naming the role', () => {
    expect(getArticle(data).publisher).toMatch(/Rasanah/);
    const none = structuredClone(data);
    for (const s of none.sources) delete s.role;
    expect(() => getArticle(none)).toThrow(/role "article"/);
  });
});

describe('figure source lines', () => {
  it('split keeps every source exactly once, in order', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `s-${i % 25}`);
    const { all, shown, more } = splitSources(ids);
    expect(all).toHaveLength(25);
    expect([...shown, ...more]).toEqual(all);
    expect(more.length).toBeGreaterThan(0);
    expect(splitSources(['a', 'b']).more).toEqual([]);
  });

  it('the pledge tracker lists every source of every pledge entry', async () => {
    const html = await renderComponent(PledgeTracker, { data });
    const caption = html.slice(html.indexOf('<figcaption'), html.indexOf('</figcaption>'));
    const listed = new Set([...caption.matchAll(/href="\/sources\/#source-([a-z0-9-]+)"/g)].map((m) => m[1]));
    const expected = new Set(data.pledges.flatMap((p) => p.history.flatMap((h) => h.sourceIds)));
    expect(expected.size).toBeGreaterThan(12);
    expect(listed).toEqual(expected);
    expect(caption).toMatch(new RegExp(`Sources \\(${expected.size}\\)`));
    expect(caption).toMatch(/and \d+ more sources/);
  });
});

describe('the trade chart says what it leaves out', () => {
  it('counts the combinations of reporter, direction and kind of year from the data', () => {
    const flows = data.trade.filter((r) => r.kind === 'flow');
    const distinct = new Set(flows.map((f) => f.kind === 'flow' && `${f.reporter}|${f.flow}|${f.basis}`));
    const cov = tradeCoverage(data.trade);
    expect(cov.combinations).toHaveLength(distinct.size);
    expect(cov.drawn.length + cov.omitted.length).toBe(distinct.size);
    expect(cov.drawn.length).toBeLessThanOrEqual(TRADE_SERIES.length);
    expect(cov.values).toBe(flows.length);
    expect(cov.omitted.reduce((n, c) => n + c.count, 0) + cov.drawnValues).toBe(flows.length);
  });

  it("names every left-out combination in the chart's notes", async () => {
    const html = await renderComponent(TradeChart, { data });
    const cov = tradeCoverage(data.trade);
    expect(cov.omitted.length).toBeGreaterThan(0);
    expect(html).toContain(`Drawn: ${cov.drawn.length} of the ${cov.combinations.length} combinations`);
    for (const c of cov.omitted) expect(html).toContain(combinationLabel(c).replace('→', '→'));
  });
});
