/**
 * Every mark of every SVG chart carries a tooltip, and its tooltip is its own record's: the words
 * come from the data (src/lib/charts/tips.ts), in the site's formats.
 */
import { describe, expect, it } from 'vitest';
import TradeChart from '../../src/components/charts/TradeChart.astro';
import IncidentsChart from '../../src/components/charts/IncidentsChart.astro';
import PipelineChart from '../../src/components/charts/PipelineChart.astro';
import PledgeTracker from '../../src/components/charts/PledgeTracker.astro';
import { tradeTips, sourceLine } from '../../src/lib/charts/tips';
import { formatMoney } from '../../src/lib/format';
import { readDatasets } from '../../src/lib/validation';
import type { Datasets } from '../../src/lib/data';
import type { TradeFlow } from '../../src/schemas/trade';
import { renderComponent } from './charts/golden';

const { data: fixture } = readDatasets('tests/fixtures/golden-data');
if (!fixture) throw new Error('the golden data do not validate');
const data: Datasets = fixture;

const CHARTS = [
  { name: 'trade', component: TradeChart, marks: /<(?:circle|line|path)\b[^>]*class="(?:low|target-line|target-mark)[^"]*"[^>]*>|<circle\b[^>]*>/g },
  { name: 'incidents', component: IncidentsChart, marks: /<(?:g|circle|path)\b[^>]*class="(?:inc|event)\b[^"]*"[^>]*>/g },
  { name: 'pipeline', component: PipelineChart, marks: /<(?:path|circle)\b[^>]*class="(?:mark|article-mark)\b[^"]*"[^>]*>/g },
  { name: 'pledges', component: PledgeTracker, marks: /<circle\b[^>]*class="mark\b[^"]*"[^>]*>/g },
] as const;

describe('chart tooltips', () => {
  for (const c of CHARTS) {
    for (const compact of [false, true]) {
      it(`${c.name}${compact ? ' (explainer)' : ''}: every mark has a tooltip in the chart's table`, async () => {
        const html = await renderComponent(c.component, { data, compact });
        const tips = JSON.parse(/<script type="application\/json" data-chart-tips>([\s\S]*?)<\/script>/.exec(html)![1]!) as { h: string; l: string[] }[];
        const marks = [...html.matchAll(c.marks)].map((m) => m[0]).filter((m) => !/class="(?:inc )?outer/.test(m) || /data-tip/.test(m));
        expect(marks.length).toBeGreaterThan(5);
        const missing = marks.filter((m) => !/data-tip="\d+"/.test(m));
        expect(missing).toEqual([]);
        for (const m of marks) expect(tips[Number(/data-tip="(\d+)"/.exec(m)![1])], m).toBeDefined();
      });
    }
  }

  it('a trade value\'s tooltip is its record: value with its unit, period, reporter, sources, low confidence', () => {
    const t = tradeTips(data);
    const flows = data.trade.filter((r): r is TradeFlow => r.kind === 'flow' && r.reporter === 'pakistan-customs' && r.flow === 'ir-to-pk' && r.basis === 'pakistan-fiscal-year');
    expect(flows.length).toBeGreaterThan(0);
    for (const f of flows) {
      const tip = t.tips[t.index.get(f.id)!]!;
      expect(tip.h).toContain(f.period);
      expect(tip.l).toContain(`${formatMoney(f.amount)} (Iran → Pakistan)`);
      expect(tip.l).toContain('Reported by Pakistan customs / commerce ministry');
      expect(tip.l).toContain(sourceLine(f.sourceIds, data));
      expect(Boolean(tip.low)).toBe(f.confidence === 'low');
    }
  });

  it('a text in the data cannot close the JSON block', async () => {
    const hostile = structuredClone(data);
    const f = hostile.trade.find((r): r is TradeFlow => r.kind === 'flow' && r.reporter === 'pakistan-customs' && r.flow === 'ir-to-pk' && r.basis === 'pakistan-fiscal-year')!;
    f.period = '</script><script>alert(1)</script>';
    const html = await renderComponent(TradeChart, { data: hostile });
    const block = /<script type="application\/json" data-chart-tips>([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(block).not.toContain('</script');
    expect(JSON.stringify(JSON.parse(block))).toContain('</script><script>alert(1)</script>');
  });
});
