/**
 * Chart models and golden SVGs, each on the scenario folder of its chart (tests/charts/input/<case>/,
 * read by loadCase in golden.ts), so that an editor adding a record to data/ does not move them and a
 * change to one case moves only its chart's goldens (tests/charts/output/).
 */
import { describe, expect, it } from 'vitest';
import { readDatasets, type Datasets } from '../../src/lib/validation';
import { documentsModel } from '../../src/lib/charts/documents';
import { tradeModel } from '../../src/lib/charts/trade';
import { pipelineModel } from '../../src/lib/charts/pipeline';
import { smugglingModel } from '../../src/lib/charts/smuggling';
import { AGGREGATE_ABOVE, incidentsModel } from '../../src/lib/charts/incidents';
import IncidentsChart from '../../src/components/charts/IncidentsChart.astro';
import { locatorModel } from '../../src/lib/charts/locator';
import { getBasemap } from '../../src/lib/data';
import PipelineChart from '../../src/components/charts/PipelineChart.astro';
import { estimateTextWidth, overlaps, dodge } from '../../src/lib/charts/common';
import TradeChart from '../../src/components/charts/TradeChart.astro';
import DocumentsChart from '../../src/components/charts/DocumentsChart.astro';
import PledgeTracker from '../../src/components/charts/PledgeTracker.astro';
import { expectGolden, loadCase, renderComponent, svgGolden, pretty, stylesOf } from './golden';

const cases = {
  trade: loadCase('trade'),
  pipeline: loadCase('pipeline'),
  incidents: loadCase('incidents'),
  pledges: loadCase('pledges'),
  documents: loadCase('documents'),
  smuggling: loadCase('smuggling'),
};
const claimIn = (data: Datasets, id: string) => data.claims.find((c) => c.id === id)!;

/** The SVG of one layout variant, out of the rendered figure. */
function variant(html: string, layout: 'narrow' | 'wide' | 'single'): string {
  const m = new RegExp(`<div class="chart-${layout}"[^>]*>([\\s\\S]*?</svg>)`).exec(html);
  if (!m) throw new Error(`no ${layout} SVG in the rendered chart`);
  return `${m[1]!.replace(/ data-astro-cid-[a-z0-9]+(="")?/g, '')}\n`;
}

describe('common chart helpers', () => {
  it('dodges labels apart and inside the bounds', () => {
    const ys = dodge([100, 102, 104, 300], 15, 0, 310);
    expect(ys[1]! - ys[0]!).toBeGreaterThanOrEqual(15);
    expect(ys[2]! - ys[1]!).toBeGreaterThanOrEqual(15);
    expect(Math.max(...ys)).toBeLessThanOrEqual(310);
  });
  it('detects overlapping boxes', () => {
    expect(overlaps({ x0: 0, x1: 10, y0: 0, y1: 10 }, { x0: 5, x1: 15, y0: 5, y1: 15 })).toBe(true);
    expect(overlaps({ x0: 0, x1: 10, y0: 0, y1: 10 }, { x0: 11, x1: 15, y0: 0, y1: 10 })).toBe(false);
  });
});

describe('trade chart model', () => {
  const data = cases.trade;
  const claim = (id: string) => claimIn(data, id);
  for (const width of [320, 390, 720]) {
    it(`keeps its labels inside the chart and apart at ${width} px`, () => {
      const m = tradeModel(data.trade, claim('trade-target-10bn'), width);
      const boxes =
        m.layout === 'wide'
          ? m.series.map((s) => ({ x0: m.plot.x1 + 8, x1: m.plot.x1 + 8 + estimateTextWidth(s.label, 11.5), y0: s.labelY - 11, y1: s.labelY + 2 }))
          : [];
      for (const b of boxes) expect(b.x1).toBeLessThanOrEqual(m.width);
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
      for (const l of m.targetLabels) expect(l.x + estimateTextWidth(l.text, 11.5)).toBeLessThanOrEqual(m.width);
      if (m.gap)
        for (const line of m.gap.lines) {
          const w = estimateTextWidth(line, 12);
          expect(m.gap.anchor === 'end' ? m.gap.labelX - w : m.gap.labelX).toBeGreaterThanOrEqual(0);
          expect(m.gap.anchor === 'end' ? m.gap.labelX : m.gap.labelX + w).toBeLessThanOrEqual(m.width);
        }
    });
  }
  it('never joins two reporters, and draws both values where a year conflicts', () => {
    const m = tradeModel(data.trade, claim('trade-target-10bn'), 720);
    const keys = m.series.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    const imports = m.series.find((s) => s.key === 'pk-customs-imports')!;
    const conflicted = imports.points.filter((p) => p.conflict);
    expect(conflicted.length).toBeGreaterThanOrEqual(2);
    expect(imports.ranges.length).toBe(new Set(conflicted.map((p) => p.period)).size);
  });
  it('takes its annotation from the claim: change the claim, the chart changes', () => {
    const base = tradeModel(data.trade, claim('trade-target-10bn'), 720);
    const changed = tradeModel(data.trade, { ...claim('trade-target-10bn'), value: 8, label: 'Article: $8 bn (test)' }, 720);
    expect(base.gap!.lines[0]).toBe(claim('trade-target-10bn').label);
    expect(changed.gap!.lines[0]).toBe('Article: $8 bn (test)');
    expect(changed.gap!.y1).toBeGreaterThan(base.gap!.y1);
  });
  it('says in its title whether any reported year reached a target', () => {
    const m = tradeModel(data.trade, claim('trade-target-10bn'), 720);
    expect(m.maxReportedBn).toBeLessThan(m.lowestTargetBn);
    expect(m.title).toMatch(/No reported year/);
  });
});

describe('pipeline timeline model', () => {
  const data = cases.pipeline;
  const claim = (id: string) => claimIn(data, id);
  const claims = data.claims;
  it("draws both the article's date and the sources' where they differ, labelled from the claim", () => {
    const m = pipelineModel(data.pipeline, claims, 720);
    const approval = m.annotations.find((a) => a.claimId === 'pipeline-80km-approval')!;
    expect(approval.label).toBe(claim('pipeline-80km-approval').label);
    expect(approval.article).toBeDefined();
    expect(approval.article!.date).toBe(claim('pipeline-80km-approval').date);
    expect(approval.article!.x).toBeGreaterThan(approval.source.x);
  });
  it("moves the article's mark when the claim's date changes", () => {
    const changed = claims.map((c) => (c.id === 'pipeline-iran-section-2013' ? { ...c, date: '2015', label: 'Article: test 2015' } : c));
    const a = pipelineModel(data.pipeline, claims, 720).annotations.find((x) => x.claimId === 'pipeline-iran-section-2013')!;
    const b = pipelineModel(data.pipeline, changed, 720).annotations.find((x) => x.claimId === 'pipeline-iran-section-2013')!;
    expect(b.article!.x).toBeGreaterThan(a.article!.x);
    expect(b.label).toBe('Article: test 2015');
  });
  for (const width of [320, 390, 720]) {
    it(`keeps annotation labels apart and inside at ${width} px`, () => {
      const m = pipelineModel(data.pipeline, claims, width);
      const boxes = m.annotations.map((a) => {
        const w = Math.max(...a.lines.map((l) => estimateTextWidth(l, 12.5)));
        const x0 = a.anchor === 'middle' ? a.labelX - w / 2 : a.anchor === 'end' ? a.labelX - w : a.labelX;
        return { x0, x1: x0 + w, y0: a.labelY - 12, y1: a.labelY + 3 + (a.lines.length - 1) * 15 };
      });
      for (const b of boxes) {
        expect(b.x0).toBeGreaterThanOrEqual(0);
        expect(b.x1).toBeLessThanOrEqual(m.width);
      }
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
    });
  }
  it('is vertical on narrow screens', () => {
    const n = pipelineModel(data.pipeline, claims, 360);
    expect(n.layout).toBe('narrow');
    expect(n.height).toBeGreaterThan(n.width);
  });
});

describe('incidents chart model', () => {
  const data = cases.incidents;
  const claim = (id: string) => claimIn(data, id);
  const strikes = claim('january-2024-strikes');
  it('draws every incident on its side, a range as two circles', () => {
    const m = incidentsModel(data.incidents, data.events, strikes, 720);
    expect(m.aggregated).toBe(false);
    expect(m.incidents).toHaveLength(data.incidents.length);
    const ranged = data.incidents.find((i) => i.killed && i.killed.min < i.killed.max)!;
    const mark = m.incidents.find((k) => k.id === ranged.id)!;
    expect(mark.rMax).toBeGreaterThan(mark.rMin);
    const iranY = m.incidents.find((k) => k.side === 'iran')!.y;
    expect(m.incidents.filter((k) => k.side === 'iran').every((k) => k.y === iranY)).toBe(true);
  });
  it('takes its annotation from the claim', () => {
    const a = incidentsModel(data.incidents, data.events, strikes, 720).annotation!;
    expect(a.text).toBe(strikes.label);
    const b = incidentsModel(data.incidents, data.events, { ...strikes, label: 'Test label' }, 720).annotation!;
    expect(b.text).toBe('Test label');
  });
  it(`aggregates by quarter beyond ${AGGREGATE_ABOVE} incidents (5,000 synthetic ones)`, () => {
    const base = data.incidents[0]!;
    const many = Array.from({ length: 5000 }, (_, i) => ({
      ...base,
      id: `synthetic-${i}`,
      side: (i % 2 ? 'iran' : 'pakistan') as 'iran' | 'pakistan',
      date: `${2023 + (i % 3)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      killed: { min: i % 3, max: (i % 3) + 1 },
    }));
    const m = incidentsModel(many, data.events, undefined, 720);
    expect(m.aggregated).toBe(true);
    expect(m.incidents.length).toBeLessThanOrEqual(3 * 4 * 2);
    expect(m.incidents.reduce((n, k) => n + (k.count ?? 0), 0)).toBe(5000);
  });
  for (const width of [320, 390, 720]) {
    it(`keeps marks and the annotation inside the chart at ${width} px`, () => {
      const m = incidentsModel(data.incidents, data.events, strikes, width);
      for (const k of m.incidents) {
        expect(k.x - k.rMax).toBeGreaterThanOrEqual(0);
        expect(k.x + k.rMax).toBeLessThanOrEqual(m.width);
      }
      const a = m.annotation!;
      for (const line of a.lines) {
        const w = estimateTextWidth(line, 12.5);
        expect(a.anchor === 'end' ? a.labelX - w : a.labelX).toBeGreaterThanOrEqual(0);
        expect(a.anchor === 'end' ? a.labelX : a.labelX + w).toBeLessThanOrEqual(m.width);
      }
    });
  }
});

describe('incidents chart on the real data (data/, as it grows)', () => {
  const real = readDatasets('data').data as Datasets;
  const strikesReal = real.claims.find((c) => c.id === 'january-2024-strikes')!;
  for (const width of [320, 390, 720]) {
    it(`keeps the annotation clear of every mark and inside the chart at ${width} px (${real.incidents.length} incidents)`, () => {
      const m = incidentsModel(real.incidents, real.events, strikesReal, width);
      expect(m.incidents).toHaveLength(real.incidents.length);
      const a = m.annotation!;
      const w = Math.max(...a.lines.map((l) => estimateTextWidth(l, 12.5)));
      const x0 = a.anchor === 'end' ? a.labelX - w : a.labelX;
      const label = { x0, x1: x0 + w, y0: a.labelY - 12.5, y1: a.labelY + (a.lines.length - 1) * 15 + 3 };
      expect(label.x0).toBeGreaterThanOrEqual(0);
      expect(label.x1).toBeLessThanOrEqual(m.width);
      for (const k of m.incidents) expect(overlaps(label, { x0: k.x - k.rMax, x1: k.x + k.rMax, y0: k.y - k.rMax, y1: k.y + k.rMax }), k.id).toBe(false);
    });
  }
});

describe('static locator map model', () => {
  const data = loadCase('crossings', 'incidents', 'pipeline');
  const basemap = getBasemap();
  it('draws only what has a location, inside the frame', () => {
    for (const width of [360, 720]) {
      const m = locatorModel(data, basemap, width);
      expect(m.crossings).toHaveLength(data.crossings.filter((c) => c.location).length);
      expect(m.incidents).toHaveLength(data.incidents.filter((i) => i.location).length);
      for (const p of [...m.crossings, ...m.incidents]) {
        expect(p.x).toBeGreaterThanOrEqual(0);
        expect(p.x).toBeLessThanOrEqual(m.width);
        expect(p.y).toBeGreaterThanOrEqual(0);
        expect(p.y).toBeLessThanOrEqual(m.height);
      }
    }
  });
  it('never draws the pipeline across a route point whose location is unknown', () => {
    const points = data.pipeline.filter((r) => r.kind === 'route-point').sort((a, b) => (a as any).order - (b as any).order) as any[];
    const expected = points.slice(1).filter((p, i) => p.location && points[i].location).length;
    expect(locatorModel(data, basemap, 720).route).toHaveLength(expected);
  });
});

describe('smuggling comparison model', () => {
  const data = cases.smuggling;
  const claim = (id: string) => claimIn(data, id);
  it("marks the article's figure from its claim and keeps every figure in its own unit", () => {
    const m = smugglingModel(data.smuggling, claim('smuggling-4000-tons'));
    expect(m.articleCard?.label).toBe(claim('smuggling-4000-tons').label);
    expect(m.cards).toHaveLength(data.smuggling.length);
    const changed = smugglingModel(data.smuggling, { ...claim('smuggling-4000-tons'), label: 'Article: test' });
    expect(changed.articleCard?.label).toBe('Article: test');
  });
});

describe('documents chart model', () => {
  const data = cases.documents;
  it('groups every document by sector and counts the sectors the article names', () => {
    const m = documentsModel(data.mous, data.claims);
    expect(m.groups.flatMap((g) => g.docs)).toHaveLength(data.mous.length);
    expect(m.namedSectors).toBe(m.groups.filter((g) => g.docs.some((d) => d.articleWords)).length);
  });
  it('annotates the document a "differs" claim is about, with the claim\'s label', () => {
    const claims = data.claims.map((c) => (c.id === 'document-sectors' ? { ...c, label: 'Article: test wording' } : c));
    const m = documentsModel(data.mous, claims);
    const annotated = m.groups.flatMap((g) => g.docs).filter((d) => d.annotation);
    expect(annotated.map((d) => d.annotation)).toContain('Article: test wording');
  });
});

describe('golden SVGs', () => {
  const file = (name: string) => `src/components/charts/${name}.astro`;
  const charts = [
    ['trade', TradeChart, 'TradeChart'],
    ['pipeline', PipelineChart, 'PipelineChart'],
    ['incidents', IncidentsChart, 'IncidentsChart'],
  ] as const;
  for (const [name, component, source] of charts) {
    const data = cases[name];
    it(`${name} chart matches its golden files at both widths`, async () => {
      const html = await renderComponent(component, { data });
      expectGolden(`${name}-narrow.svg`, svgGolden(variant(html, 'narrow'), file(source)));
      expectGolden(`${name}-wide.svg`, svgGolden(variant(html, 'wide'), file(source)));
    });
    it(`${name} chart on the explainer is its narrow layout alone, without per-mark titles`, async () => {
      const html = await renderComponent(component, { data, compact: true });
      expect(html).not.toContain('class="chart-wide"');
      expect(html).not.toContain('class="chart-narrow"');
      const single = variant(html, 'single');
      expect(single.match(/<title/g)).toHaveLength(1);
      expect(single).toContain(`viewBox="0 0 360 `);
    });
  }
  it('pledge tracker matches its golden file: one layout for every width', async () => {
    const html = await renderComponent(PledgeTracker, { data: cases.pledges });
    const svg = variant(html, 'single');
    expect(svg).not.toContain('viewBox');
    expectGolden('pledges.svg', svgGolden(svg, file('PledgeTracker')));
  });
  it('documents chart matches its golden file', async () => {
    const html = (await renderComponent(DocumentsChart, { data: cases.documents })).replace(/ data-astro-cid-[a-z0-9]+(="")?/g, '');
    const list = /<ol class="doc-groups">[\s\S]*?<\/ol>/.exec(html)![0];
    expectGolden('documents-list.html', pretty(`<style>${stylesOf(file('DocumentsChart'))}</style>${list}`));
  });
  it("writes one element a line, text elements whole, with the chart's styles", () => {
    const svg = '<svg viewBox="0 0 10 10" class="trade"><g class="grid"><line x1="0"/><text x="1">a <tspan>b</tspan></text></g></svg>';
    const out = svgGolden(svg, file('TradeChart'));
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" class="trade">');
    expect(out).toContain('.trade .grid line { stroke: var(--rule); }');
    expect(out).toMatch(/--rule: #[0-9a-f]{6}/);
    expect(lines.slice(-5)).toEqual(['  <g class="grid">', '    <line x1="0"/>', '    <text x="1">a <tspan>b</tspan></text>', '  </g>', '</svg>']);
  });
});
