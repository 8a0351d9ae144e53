/**
 * The words of each chart's tooltips, written at build time from the data (never typed): for a
 * mark, what it is, its value with its unit, its date or period, who reported it and the sources'
 * names, and whether it is of low confidence, in the site's formats (format.ts). The order of the
 * table is the order the arrow keys follow.
 *
 * None of it is in the pages' HTML (the explainer's budget has no room for it): each chart's table
 * is a file, /charts/<slug>/tips.json, fetched with src/client/chart-tips.ts when the chart nears
 * the viewport, with, for each drawing of the chart, which of its elements are marks and whose
 * (`marks`, found by drawing the chart once more with `tipMarks`, which sets each mark's data-tip).
 */
import type { Datasets } from '../data';
import { formatDate, formatDateRange, formatMoney, formatRange } from '../format';
import type { DiplomaticEvent } from '../../schemas/events';
import type { TradeFlow, TradeTarget } from '../../schemas/trade';
import type { PipelineEvent } from '../../schemas/pipeline';
import { BASIS_WORD, FLOW_WORD, REPORTER_WORD, TRADE_SERIES } from './trade';
import type { IncidentsModel } from './incidents';
import { STATUS_LOOK } from '../pledges';

/** One tooltip: a heading, its lines, and whether the record is of low confidence. */
export interface Tip {
  h: string;
  l: string[];
  low?: 1;
}

export interface TipTable {
  tips: Tip[];
  /** The index of a mark's entry, by the key the chart gives it (a record id, mostly). */
  index: Map<string, number>;
}

const table = (entries: { key: string; order: string; tip: Tip }[]): TipTable => {
  const sorted = [...entries].sort((a, b) => a.order.localeCompare(b.order));
  return { tips: sorted.map((e) => e.tip), index: new Map(sorted.map((e, i) => [e.key, i])) };
};

/** "Source: Dawn" / "Sources: Dawn; The News and 2 more": the publishers, each once. */
export function sourceLine(ids: readonly string[], data: Datasets, shown = 2): string {
  // The chart models take their data as arguments (ESLint keeps the data door, which reads files, out of them).
  const publisher = (id: string) => {
    const s = data.sources.find((x) => x.id === id);
    if (!s) throw new Error(`No source "${id}" in sources.json`);
    return s.publisher;
  };
  const names = [...new Set(ids.map(publisher))];
  if (names.length === 0) return 'Source: none given';
  const head = names.slice(0, shown).join('; ');
  const more = names.length - shown;
  return `${names.length === 1 ? 'Source' : 'Sources'}: ${head}${more > 0 ? ` and ${more} more` : ''}`;
}

const low = (c: string | undefined): Pick<Tip, 'low'> => (c === 'low' ? { low: 1 } : {});

/** The trade chart: every drawn value and every target. */
export function tradeTips(data: Datasets): TipTable {
  const flows = data.trade.filter((r): r is TradeFlow => r.kind === 'flow');
  const entries = TRADE_SERIES.flatMap((s) => {
    const recs = flows.filter((f) => f.reporter === s.reporter && f.flow === s.flow && f.basis === s.basis);
    return recs.map((f) => ({
      key: f.id,
      order: `${f.periodStart} ${s.key}`,
      tip: {
        h: `${s.label}, ${f.period}`,
        l: [
          `${formatMoney(f.amount)} (${FLOW_WORD[f.flow]})`,
          `${f.periodStart.slice(0, 4) === f.periodEnd.slice(0, 4) ? formatDate(f.periodStart.slice(0, 7)) : `${formatDate(f.periodStart.slice(0, 7))} to ${formatDate(f.periodEnd.slice(0, 7))}`} (${BASIS_WORD[f.basis]})`,
          `Reported by ${REPORTER_WORD[f.reporter]}`,
          ...(recs.filter((r) => r.period === f.period).length > 1 ? ['Sources differ for this year: both values are drawn'] : []),
          sourceLine(f.sourceIds, data),
        ],
        ...low(f.confidence),
      },
    }));
  });
  const targets = data.trade.filter((r): r is TradeTarget => r.kind === 'target' && r.amount.currency === 'USD');
  for (const t of targets) {
    entries.push({
      key: t.id,
      order: `${t.dateSet} target`,
      tip: {
        h: `Target: ${formatMoney(t.amount)} a year`,
        l: [
          `Set ${formatDate(t.dateSet)} by ${t.setBy}`,
          ...(t.horizonText || t.horizon
            ? [[t.horizonText, t.horizon ? `by ${formatDate(t.horizon)}` : ''].filter(Boolean).join(', ')]
            : ['No deadline given']),
          sourceLine(t.sourceIds, data),
        ],
        ...low(t.confidence),
      },
    });
  }
  return table(entries);
}

const EVENT_WORD: Record<DiplomaticEvent['kind'], string> = {
  visit: 'Visit',
  summit: 'Summit',
  meeting: 'Meeting',
  jec: 'Joint Economic Commission',
  agreement: 'Agreement',
  closure: 'Closure',
  strike: 'Strike',
  war: 'War',
  ceasefire: 'Ceasefire',
  talks: 'Talks',
  statement: 'Statement',
};

/** The incidents chart: every incident (or, aggregated, every quarter's total) and every event drawn. */
export function incidentsTips(data: Datasets, model: IncidentsModel): TipTable {
  const entries: { key: string; order: string; tip: Tip }[] = [];
  if (model.aggregated) {
    for (const k of model.incidents) entries.push({ key: k.id, order: k.id.replace(/^\w+-/, ''), tip: { h: k.title, l: [] } });
  } else {
    for (const i of data.incidents) {
      entries.push({
        key: i.id,
        order: `${i.date} b`,
        tip: {
          h: `${formatDate(i.date)}, ${i.place}`,
          l: [
            `Killed: ${i.killed ? formatRange(i.killed) : 'no count reported'}`,
            `In ${i.side === 'iran' ? 'Iran' : 'Pakistan'}`,
            ...(i.claimedBy ? [`Claimed by ${i.claimedBy}`] : []),
            sourceLine(i.sourceIds, data),
          ],
          ...low(i.confidence),
        },
      });
    }
  }
  const shown = new Set(model.events.map((e) => e.id));
  for (const e of data.events.filter((x) => shown.has(x.id))) {
    entries.push({
      key: e.id,
      order: `${e.date} a`,
      tip: {
        h: e.title,
        l: [`${formatDateRange(e.date, e.endDate)} · ${EVENT_WORD[e.kind]}${e.place ? `, ${e.place}` : ''}`, sourceLine(e.sourceIds, data)],
        ...low(e.confidence),
      },
    });
  }
  return table(entries);
}

const LANE_WORD: Record<PipelineEvent['lane'], string> = { iran: "Iran's section", pakistan: "Pakistan's section", both: 'Both countries' };
const TYPE_WORD: Record<PipelineEvent['type'], string> = {
  talks: 'Talks',
  agreement: 'Agreement',
  construction: 'Construction',
  deadline: 'Deadline',
  notice: 'Notice',
  approval: 'Approval',
  arbitration: 'Arbitration',
  setback: 'Setback',
};

/** The pipeline chart: every event, every other date a source gives, and the article's dates where they differ. */
export function pipelineTips(data: Datasets): TipTable {
  const events = data.pipeline.filter((r): r is PipelineEvent => r.kind === 'event');
  const entries: { key: string; order: string; tip: Tip }[] = [];
  for (const e of events) {
    entries.push({
      key: e.id,
      order: `${e.date} a`,
      tip: { h: e.title, l: [`${formatDate(e.date)} · ${TYPE_WORD[e.type]}`, LANE_WORD[e.lane], sourceLine(e.sourceIds, data)], ...low(e.confidence) },
    });
    for (const a of e.alternativeDates ?? []) {
      entries.push({
        key: `${e.id}-alt-${a.date}`,
        order: `${a.date} b`,
        tip: {
          h: e.title,
          l: [`Another date a source gives: ${formatDate(a.date)} (the record: ${formatDate(e.date)})`, a.note, sourceLine(a.sourceIds, data)],
          low: 1,
        },
      });
    }
  }
  for (const c of data.claims.filter((x) => x.section === 'pipeline')) {
    entries.push({
      key: `claim-${c.id}`,
      order: `${c.id} z`,
      tip: { h: c.label ?? 'The article', l: [c.finding ?? c.note ?? '', sourceLine(c.sourceIds, data)].filter(Boolean) },
    });
  }
  return table(entries);
}

/** The pledge tracker: every dated entry of every pledge, pledge by pledge. */
export function pledgeTips(data: Datasets): TipTable {
  const entries = data.pledges.flatMap((p, i) =>
    p.history.map((h, j) => ({
      key: `${p.id}-${j}`,
      order: `${String(i).padStart(4, '0')} ${String(j).padStart(4, '0')}`,
      tip: { h: p.title, l: [`${formatDate(h.date)}: ${STATUS_LOOK[h.status].label}`, h.note, sourceLine(h.sourceIds, data)], ...low(h.confidence) },
    })),
  );
  return table(entries);
}

/**
 * Which elements of a drawing are marks, and their tooltips: the drawing (an <svg> drawn with
 * `tipMarks`) read in document order, as `svg.querySelectorAll('*')` lists its elements; `n` is
 * their number, so that a page whose drawing differs gets no tooltips rather than wrong ones.
 */
export interface MarkMap {
  n: number;
  m: [number, number][];
}

export function markMap(svg: string): MarkMap {
  const m: [number, number][] = [];
  let n = -1; // the <svg> itself is not counted
  for (const tag of svg.matchAll(/<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    if (n >= 0) {
      const tip = /\sdata-tip="(\d+)"/.exec(tag[2]!);
      if (tip) m.push([n, Number(tip[1])]);
    }
    n++;
  }
  return { n, m };
}

/** The drawings in a rendered figure (each [data-tip-chart] wrapper's <svg>), in order. */
export function drawingsOf(html: string): string[] {
  return [...html.matchAll(/<div [^>]*data-tip-chart="[a-z]+"[^>]*>\s*(<svg[\s\S]*?<\/svg>)/g)].map((x) => x[1]!);
}

/** /charts/<slug>/tips.json: the table, and the marks of each drawing of the explainer's view and of the full one. */
export interface TipFile {
  tips: Tip[];
  views: { compact: MarkMap[]; full: MarkMap[] };
}

export function tipFile(table: TipTable, rendered: { compact: string; full: string }): TipFile {
  return { tips: table.tips, views: { compact: drawingsOf(rendered.compact).map(markMap), full: drawingsOf(rendered.full).map(markMap) } };
}
