/**
 * Every mark of every SVG chart has a tooltip, its own record's (the words
 * from the data, src/lib/charts/tips.ts), and the page's drawing is the one its map was made from.
 */
import { describe, expect, it } from 'vitest';
import TradeChart from '../../src/components/charts/TradeChart.astro';
import IncidentsChart from '../../src/components/charts/IncidentsChart.astro';
import PipelineChart from '../../src/components/charts/PipelineChart.astro';
import PledgeTracker from '../../src/components/charts/PledgeTracker.astro';
import { drawingsOf, incidentsTips, markMap, pipelineTips, pledgeTips, sourceLine, tipFile, tradeTips, type TipTable } from '../../src/lib/charts/tips';
import { incidentsModel } from '../../src/lib/charts/incidents';
import { formatMoney } from '../../src/lib/format';
import { readDatasets } from '../../src/lib/validation';
import type { Datasets } from '../../src/lib/data';
import type { TradeFlow } from '../../src/schemas/trade';
import { renderComponent } from '../charts/golden';

// The live data: these are invariants (every mark has its record's tooltip), not goldens, and the tips
// name the sources, which the charts' scenario folders (tests/charts/input/) do not carry.
const { data: fixture } = readDatasets('data');
if (!fixture) throw new Error('data/ does not validate');
const data: Datasets = fixture;

const CHARTS: { name: string; component: unknown; table: () => TipTable; marks: RegExp }[] = [
  {
    name: 'trade',
    component: TradeChart,
    table: () => tradeTips(data),
    marks: /<(?:circle|line|path)\b[^>]*class="(?:low|target-line|target-mark)[^"]*"[^>]*>|<circle\b[^>]*>/g,
  },
  {
    name: 'incidents',
    component: IncidentsChart,
    table: () => incidentsTips(data, incidentsModel(data.incidents, data.events, undefined, 720)),
    marks: /<(?:g|circle|path)\b[^>]*class="(?:inc|event)\b[^"]*"[^>]*>/g,
  },
  { name: 'pipeline', component: PipelineChart, table: () => pipelineTips(data), marks: /<(?:path|circle)\b[^>]*class="(?:mark|article-mark)\b[^"]*"[^>]*>/g },
  { name: 'pledges', component: PledgeTracker, table: () => pledgeTips(data), marks: /<circle\b[^>]*class="mark\b[^"]*"[^>]*>/g },
];

describe('chart tooltips', () => {
  for (const c of CHARTS) {
    for (const compact of [false, true]) {
      it(`${c.name}${compact ? ' (explainer)' : ''}: every mark has a tooltip, and the page's drawing is the one mapped`, async () => {
        const marked = await renderComponent(c.component, { data, compact, tipMarks: true });
        const page = await renderComponent(c.component, { data, compact });
        const table = c.table();
        const marks = [...marked.matchAll(c.marks)].map((m) => m[0]).filter((m) => !/class="(?:inc )?outer/.test(m) || /data-tip/.test(m));
        expect(marks.length).toBeGreaterThan(5);
        expect(marks.filter((m) => !/data-tip="\d+"/.test(m))).toEqual([]);
        for (const m of marks) expect(table.tips[Number(/data-tip="(\d+)"/.exec(m)![1])], m).toBeDefined();
        // The page carries no tooltip data; its drawings have the elements the map counts, in order.
        expect(page).not.toMatch(/data-tip="/);
        const file = tipFile(table, compact ? { compact: marked, full: '' } : { compact: '', full: marked });
        const maps = compact ? file.views.compact : file.views.full;
        const drawings = drawingsOf(page);
        expect(drawings.length).toBe(compact ? 1 : maps.length);
        expect(maps.length).toBeGreaterThan(0);
        drawings.forEach((d, i) => expect(markMap(d).n).toBe(maps[i]!.n));
        expect(maps.reduce((n, x) => n + x.m.length, 0)).toBe(marks.length);
      });
    }
  }

  it('a mark map counts elements as the browser lists them, the <svg> itself not counted', () => {
    expect(
      markMap('<svg viewBox="0 0 1 1"><g class="a"><circle data-tip="3" r="1"></circle><title>t > 1</title></g><path d="M0,0" data-tip="0" /></svg>'),
    ).toEqual({
      n: 4,
      m: [
        [1, 3],
        [3, 0],
      ],
    });
  });

  it("a trade value's tooltip is its record: value with its unit, period, reporter, sources, low confidence", () => {
    const t = tradeTips(data);
    const flows = data.trade.filter(
      (r): r is TradeFlow => r.kind === 'flow' && r.reporter === 'pakistan-customs' && r.flow === 'ir-to-pk' && r.basis === 'pakistan-fiscal-year',
    );
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
});
