/**
 * Model of the trade chart: reported trade by reporter (never joined across reporters), against
 * every official target, with the gap to the article's target annotated from claims.json.
 */
import { scaleLinear, scaleUtc } from 'd3';
import type { Claim } from '../../schemas/claims';
import type { TradeFlow, TradeRecord, TradeTarget } from '../../schemas/trade';
import { formatDate, formatNumber, moneyValue } from '../format';
import { dodge, isoToDate, midpoint, roundPositions } from './common';
import { NARROW_BELOW } from '../site';

/** The series the chart draws: one reporter, one direction, one kind of period each. */
export const TRADE_SERIES = [
  {
    key: 'pk-customs-imports',
    reporter: 'pakistan-customs',
    flow: 'ir-to-pk',
    basis: 'pakistan-fiscal-year',
    label: 'Pakistan customs: imports',
    className: 's-pk-imports',
  },
  {
    key: 'pk-customs-exports',
    reporter: 'pakistan-customs',
    flow: 'pk-to-ir',
    basis: 'pakistan-fiscal-year',
    label: 'Pakistan customs: exports',
    className: 's-pk-exports',
  },
  { key: 'pk-sbp', reporter: 'pakistan-sbp', flow: 'ir-to-pk', basis: 'pakistan-fiscal-year', label: 'State Bank: imports', className: 's-sbp' },
  { key: 'ir-customs-total', reporter: 'iran-customs', flow: 'total', basis: 'iranian-year', label: 'Iran customs: total', className: 's-ir-customs' },
  { key: 'ir-officials-total', reporter: 'iran-officials', flow: 'total', basis: 'iranian-year', label: 'Iran minister: total', className: 's-ir-officials' },
  { key: 'ir-embassy-total', reporter: 'iran-embassy', flow: 'total', basis: 'calendar-year', label: 'Iran embassy: total', className: 's-ir-embassy' },
] as const;

export interface TradePoint {
  id: string;
  x: number;
  y: number;
  value: number;
  period: string;
  lowConfidence: boolean;
  conflict: boolean;
}
export interface TradeSeriesModel {
  key: string;
  label: string;
  className: string;
  points: TradePoint[];
  /** Line segments between consecutive periods that each have one value (conflicting periods are not joined). */
  segments: { x1: number; y1: number; x2: number; y2: number }[];
  /** Periods with conflicting values: a bar from the lowest to the highest. */
  ranges: { x: number; y1: number; y2: number }[];
  labelY: number;
  lastX: number;
  lastY: number;
}
export interface TargetMark {
  id: string;
  x1: number;
  x2: number;
  y: number;
  hasHorizon: boolean;
  lowConfidence: boolean;
  title: string;
}
export interface TradeModel {
  width: number;
  height: number;
  layout: 'narrow' | 'wide';
  plot: { x0: number; x1: number; y0: number; y1: number };
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  series: TradeSeriesModel[];
  targets: TargetMark[];
  targetLabels: { x: number; y: number; text: string; anchor: 'start' | 'end' }[];
  gap?: { x: number; y1: number; y2: number; lines: string[]; labelX: number; labelY: number; anchor: 'start' | 'end' };
  title: string;
  maxReportedBn: number;
  lowestTargetBn: number;
}

const bn = (m: { value: number; currency: 'USD' | 'PKR'; unit: 'one' | 'thousand' | 'million' | 'billion' }) => moneyValue(m) / 1e9;

export function tradeModel(records: TradeRecord[], articleClaim: Claim | undefined, width: number): TradeModel {
  const layout = width < NARROW_BELOW ? 'narrow' : 'wide';
  const flows = records.filter((r): r is TradeFlow => r.kind === 'flow');
  const targets = records.filter((r): r is TradeTarget => r.kind === 'target' && r.amount.currency === 'USD');
  const margin = layout === 'wide' ? { l: 48, r: 178, t: 16, b: 30 } : { l: 46, r: 12, t: 16, b: 30 };
  const height = layout === 'wide' ? 380 : 340;
  const plot = { x0: margin.l, x1: width - margin.r, y0: margin.t, y1: height - margin.b };

  const drawn = TRADE_SERIES.map((s) => ({ s, recs: flows.filter((f) => f.reporter === s.reporter && f.flow === s.flow && f.basis === s.basis) }));
  const allDates = [
    ...drawn.flatMap((d) => d.recs.flatMap((r) => [r.periodStart, r.periodEnd])),
    ...targets.flatMap((t) => [t.dateSet, ...(t.horizon ? [t.horizon] : [])]),
  ].map(isoToDate);
  const x = scaleUtc()
    .domain([new Date(Math.min(...allDates.map(Number))), new Date(Math.max(...allDates.map(Number)))])
    .range([plot.x0, plot.x1]);
  const maxTarget = Math.max(...targets.map((t) => bn(t.amount)));
  const y = scaleLinear()
    .domain([0, maxTarget * 1.08])
    .range([plot.y1, plot.y0])
    .nice();

  const series: TradeSeriesModel[] = drawn
    .filter((d) => d.recs.length > 0)
    .map(({ s, recs }) => {
      const byPeriod = new Map<string, TradeFlow[]>();
      for (const r of recs) byPeriod.set(r.period, [...(byPeriod.get(r.period) ?? []), r]);
      const periods = [...byPeriod.entries()].sort((a, b) => a[1][0]!.periodStart.localeCompare(b[1][0]!.periodStart));
      const points: TradePoint[] = periods.flatMap(([period, rs]) =>
        rs.map((r) => ({
          id: r.id,
          x: x(midpoint(r.periodStart, r.periodEnd)),
          y: y(bn(r.amount)),
          value: bn(r.amount),
          period,
          lowConfidence: r.confidence === 'low',
          conflict: rs.length > 1,
        })),
      );
      const segments: TradeSeriesModel['segments'] = [];
      const ranges: TradeSeriesModel['ranges'] = [];
      periods.forEach(([period, rs], i) => {
        const here = points.filter((p) => p.period === period);
        if (rs.length > 1) ranges.push({ x: here[0]!.x, y1: Math.min(...here.map((p) => p.y)), y2: Math.max(...here.map((p) => p.y)) });
        const next = periods[i + 1];
        if (next && rs.length === 1 && next[1].length === 1) {
          const a = here[0]!;
          const b = points.find((p) => p.period === next[0])!;
          segments.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y });
        }
      });
      const last = points[points.length - 1]!;
      return { key: s.key, label: s.label, className: s.className, points, segments, ranges, labelY: last.y, lastX: last.x, lastY: last.y };
    });
  const labelYs = dodge(
    series.map((s) => s.lastY + 4),
    15,
    plot.y0 + 8,
    plot.y1,
  );
  series.forEach((s, i) => (s.labelY = labelYs[i]!));

  const targetMarks: TargetMark[] = targets.map((t) => {
    const x1 = x(isoToDate(t.dateSet));
    return {
      id: t.id,
      x1,
      x2: t.horizon ? x(isoToDate(t.horizon)) : x1,
      y: y(bn(t.amount)),
      hasHorizon: Boolean(t.horizon),
      lowConfidence: t.confidence === 'low',
      title: `$${formatNumber(bn(t.amount))} bn target set ${formatDate(t.dateSet)} (${t.setBy})${t.horizonText ? `, ${t.horizonText}` : ''}`,
    };
  });
  // One label per target level: the amount, when first set, and how often restated.
  const levels = [...new Set(targets.map((t) => bn(t.amount)))].sort((a, b) => b - a);
  const targetLabels = levels.map((v) => {
    const ts = targets.filter((t) => bn(t.amount) === v).sort((a, b) => a.dateSet.localeCompare(b.dateSet));
    const first = ts[0]!;
    const low = ts.every((t) => t.confidence === 'low');
    const when = formatDate(first.dateSet.slice(0, 7));
    const text = low
      ? `$${formatNumber(v)} bn a year (${layout === 'wide' ? 'one report, ' : ''}low confidence)`
      : `$${formatNumber(v)} bn target, ${layout === 'wide' ? 'set ' : ''}${when}${ts.length > 1 ? `, restated ${ts.length - 1}×` : ''}`;
    return { x: plot.x0 + 4, y: y(v) - 9, text, anchor: 'start' as const };
  });

  const totals = flows.filter((f) => f.flow === 'total' && f.basis !== 'part-year').sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
  const latest = totals[totals.length - 1];
  let gap: TradeModel['gap'];
  if (articleClaim?.value !== undefined && latest) {
    const gx = x(midpoint(latest.periodStart, latest.periodEnd));
    const gapBn = articleClaim.value - bn(latest.amount);
    const lines = [
      articleClaim.label ?? `Target: $${articleClaim.value} bn`,
      `Latest total, $${formatNumber(bn(latest.amount))} bn (${latest.period}),`,
      `is $${formatNumber(gapBn, 1)} bn short`,
    ];
    const y1 = y(articleClaim.value);
    const y2 = y(bn(latest.amount));
    const anchor = layout === 'narrow' || gx > (plot.x0 + plot.x1) / 2 ? 'end' : 'start';
    gap = { x: gx, y1, y2, lines, labelX: anchor === 'end' ? gx - 6 : gx + 6, labelY: (y1 + y2) / 2, anchor };
  }
  const maxReportedBn = Math.max(...flows.filter((f) => f.basis !== 'part-year').map((f) => bn(f.amount)));
  const lowestTargetBn = Math.min(...targets.filter((t) => t.confidence !== 'low').map((t) => bn(t.amount)));
  const title = maxReportedBn < lowestTargetBn ? 'No reported year of trade has come near any of the targets' : 'Reported trade against the official targets';
  const xTicks = x.ticks(layout === 'wide' ? 8 : 4).map((d) => ({ x: x(d), label: String(d.getUTCFullYear()) }));
  const yTicks = y.ticks(layout === 'wide' ? 5 : 4).map((v) => ({ y: y(v), label: v === 0 ? '0' : `$${v} bn` }));
  return roundPositions({ width, height, layout, plot, xTicks, yTicks, series, targets: targetMarks, targetLabels, gap, title, maxReportedBn, lowestTargetBn });
}

/** Words for the coded fields of a trade flow, shared by the chart's table and its notes. */
export const REPORTER_WORD: Record<TradeFlow['reporter'], string> = {
  'pakistan-customs': 'Pakistan customs / commerce ministry',
  'pakistan-sbp': 'State Bank of Pakistan',
  'iran-customs': 'Iran customs',
  'iran-officials': 'Iranian officials',
  'iran-embassy': 'Iranian embassy',
  'itc-trade-map': 'ITC Trade Map',
  unspecified: 'Not named',
};
export const FLOW_WORD: Record<TradeFlow['flow'], string> = { 'pk-to-ir': 'Pakistan → Iran', 'ir-to-pk': 'Iran → Pakistan', total: 'Total' };
export const BASIS_WORD: Record<TradeFlow['basis'], string> = {
  'pakistan-fiscal-year': 'Pakistani fiscal year',
  'iranian-year': 'Iranian year',
  'calendar-year': 'calendar year',
  'part-year': 'part of a year',
};

export interface TradeCombination {
  reporter: TradeFlow['reporter'];
  flow: TradeFlow['flow'];
  basis: TradeFlow['basis'];
  count: number;
  drawn: boolean;
}

/**
 * Which reporter / direction / year-basis combinations the data holds and which the chart draws
 * (TRADE_SERIES), so the chart can say what it leaves out. Computed from the data, never typed.
 */
export function tradeCoverage(records: TradeRecord[]): {
  combinations: TradeCombination[];
  drawn: TradeCombination[];
  omitted: TradeCombination[];
  values: number;
  drawnValues: number;
} {
  const flows = records.filter((r): r is TradeFlow => r.kind === 'flow');
  const byKey = new Map<string, TradeCombination>();
  for (const f of flows) {
    const key = `${f.reporter}|${f.flow}|${f.basis}`;
    const c = byKey.get(key) ?? {
      reporter: f.reporter,
      flow: f.flow,
      basis: f.basis,
      count: 0,
      drawn: TRADE_SERIES.some((s) => s.reporter === f.reporter && s.flow === f.flow && s.basis === f.basis),
    };
    c.count++;
    byKey.set(key, c);
  }
  const combinations = [...byKey.values()].sort(
    (a, b) =>
      Number(b.drawn) - Number(a.drawn) ||
      b.count - a.count ||
      a.reporter.localeCompare(b.reporter) ||
      a.flow.localeCompare(b.flow) ||
      a.basis.localeCompare(b.basis),
  );
  const drawn = combinations.filter((c) => c.drawn);
  const omitted = combinations.filter((c) => !c.drawn);
  return { combinations, drawn, omitted, values: flows.length, drawnValues: drawn.reduce((n, c) => n + c.count, 0) };
}

/** "Iran customs, Iran → Pakistan, Iranian year (4 values)". */
export function combinationLabel(c: TradeCombination): string {
  return `${REPORTER_WORD[c.reporter]}, ${FLOW_WORD[c.flow].replace('Total', 'total')}, ${BASIS_WORD[c.basis]} (${c.count} ${c.count === 1 ? 'value' : 'values'})`;
}
