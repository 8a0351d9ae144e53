/**
 * Model of the border-incidents chart: incidents by date and side of the border, sized by the
 * number killed (area; a reported range drawn as an inner and an outer circle), beside the
 * diplomatic calendar on its own lane. Beyond AGGREGATE_ABOVE incidents it draws quarterly totals
 * per side instead of every mark, so a large conflict-event dataset stays readable and light.
 * Wide: time left to right. Narrow: time top to bottom.
 */
import { EACH_UP_TO, quarterlyTotals } from '../incident-volume';
import { max, min, scaleSqrt, scaleUtc, utcYear } from 'd3';
import type { Claim } from '../../schemas/claims';
import type { DiplomaticEvent } from '../../schemas/events';
import type { Incident } from '../../schemas/incidents';
import { formatDate, formatRange } from '../format';
import { estimateTextWidth, isoToDate, overlaps, wrapLabel, type Box, roundPositions } from './common';
import { NARROW_BELOW } from '../site';

/** Beyond this many incidents the chart draws quarterly totals (see src/lib/incident-volume.ts). */
export const AGGREGATE_ABOVE = EACH_UP_TO;
const LANES = [
  { key: 'events', label: 'Diplomacy' },
  { key: 'iran', label: 'Iran' },
  { key: 'pakistan', label: 'Pakistan' },
] as const;

export interface IncidentMark {
  id: string;
  x: number;
  y: number;
  rMin: number;
  rMax: number;
  side: Incident['side'];
  counted: boolean;
  title: string;
  lowConfidence: boolean;
  count?: number;
}
export interface EventMark {
  id: string;
  x: number;
  y: number;
  kind: DiplomaticEvent['kind'];
  title: string;
}
export interface IncidentsModel {
  width: number;
  height: number;
  layout: 'narrow' | 'wide';
  aggregated: boolean;
  lanes: { label: string; x1: number; y1: number; x2: number; y2: number; labelX: number; labelY: number }[];
  ticks: { x: number; y: number; label: string }[];
  incidents: IncidentMark[];
  events: EventMark[];
  annotation?: { x: number; y: number; labelX: number; labelY: number; text: string; lines: string[]; anchor: 'start' | 'end' };
  articleLine?: { x1: number; y1: number; x2: number; y2: number; label: string };
}

export function incidentsModel(
  incidents: Incident[],
  events: DiplomaticEvent[],
  claim: Claim | undefined,
  width: number,
  articleDate?: string,
): IncidentsModel {
  const layout = width < NARROW_BELOW ? 'narrow' : 'wide';
  const wide = layout === 'wide';
  const height = wide ? 320 : 760;
  const start = incidents.map((i) => i.date).sort()[0] ?? '2023';
  const shownEvents = events.filter((e) => e.date >= start.slice(0, 4));
  const allDates = [...incidents.map((i) => i.date), ...shownEvents.map((e) => e.date)].map(isoToDate);
  const t0 = new Date(Date.UTC(new Date(min(allDates, Number)!).getUTCFullYear(), 0, 1));
  const t1 = new Date(max(allDates, Number)! + 30 * 864e5);
  const t = scaleUtc()
    .domain([t0, t1])
    .range(wide ? [90, width - 24] : [40, height - 20]);
  const laneAt = (i: number) => (wide ? 60 + i * 95 : 70 + (i * (width - 118)) / 2);
  const pos = (date: string, lane: number) => (wide ? { x: t(isoToDate(date)), y: laneAt(lane) } : { x: laneAt(lane), y: t(isoToDate(date)) });
  const aggregated = incidents.length > AGGREGATE_ABOVE;

  let marks: IncidentMark[];
  // Aggregated circles are a quarter apart: no bigger than half that gap, so they never touch.
  const quarterGap = Math.abs(t(new Date(Date.UTC(2024, 3, 1))) - t(new Date(Date.UTC(2024, 0, 1))));
  const maxR = Math.min(wide ? 26 : 20, aggregated ? quarterGap / 2 - 2 : Infinity);
  if (!aggregated) {
    const maxKilled = Math.max(1, max(incidents, (i) => i.killed?.max ?? 0) ?? 0);
    const r = scaleSqrt().domain([0, maxKilled]).range([0, maxR]);
    marks = incidents.map((i) => ({
      id: i.id,
      ...pos(i.date, i.side === 'iran' ? 1 : 2),
      rMin: i.killed ? Math.max(2.5, r(i.killed.min)) : 4,
      rMax: i.killed ? Math.max(2.5, r(i.killed.max)) : 4,
      side: i.side,
      counted: Boolean(i.killed),
      lowConfidence: i.confidence === 'low',
      title: `${formatDate(i.date)}, ${i.place}: ${i.killed ? `${formatRange(i.killed)} killed` : 'no count reported'}${i.confidence === 'low' ? ' (low confidence)' : ''}`,
    }));
  } else {
    const bins = quarterlyTotals(incidents).flatMap((q) =>
      (['iran', 'pakistan'] as const).filter((side) => q[side].n > 0).map((side) => ({ ...q[side], side, mid: q.mid, label: q.label })),
    );
    const maxKilled = Math.max(1, max(bins, (b) => b.max) ?? 0);
    const r = scaleSqrt().domain([0, maxKilled]).range([0, maxR]);
    marks = bins.map((b) => ({
      id: `${b.side}-${b.mid}`,
      ...pos(b.mid, b.side === 'iran' ? 1 : 2),
      rMin: Math.max(2, r(b.min)),
      rMax: Math.max(2, r(b.max)),
      side: b.side,
      counted: b.max > 0,
      lowConfidence: false,
      count: b.n,
      title: `${b.label}, ${b.side === 'iran' ? 'in Iran' : 'in Pakistan'}: ${b.n} incidents, ${formatRange({ min: b.min, max: b.max })} killed`,
    }));
  }
  const eventMarks: EventMark[] = shownEvents.map((e) => ({ id: e.id, ...pos(e.date, 0), kind: e.kind, title: `${formatDate(e.date)}: ${e.title}` }));
  const lanes = LANES.map((l, i) =>
    wide
      ? { label: l.label, x1: 88, y1: laneAt(i), x2: width - 10, y2: laneAt(i), labelX: 0, labelY: laneAt(i) + 4 }
      : { label: l.label, x1: laneAt(i), y1: 34, x2: laneAt(i), y2: height - 10, labelX: laneAt(i), labelY: 22 },
  );
  // Years on the wide axis (quarters crowd it); half-years down the narrow one.
  const tickDates = wide ? t.ticks(utcYear.every(1)!) : t.ticks(8);
  const ticks = tickDates.map((d) =>
    wide ? { x: t(d), y: height - 6, label: String(d.getUTCFullYear()) } : { x: 2, y: t(d) + 4, label: formatDate(d.toISOString().slice(0, 7)) },
  );
  let annotation: IncidentsModel['annotation'];
  const ref = claim?.about.find((a) => a.startsWith('incidents/'))?.slice('incidents/'.length);
  const target = marks.find((m) => m.id === ref);
  if (claim?.label && target) {
    const w = estimateTextWidth(claim.label, 12.5);
    const right = target.x + w + 14 < width;
    if (wide) {
      annotation = {
        x: target.x,
        y: target.y - target.rMax,
        labelX: right ? target.x + 8 : target.x - 8,
        labelY: laneAt(1) - 40,
        text: claim.label,
        lines: [claim.label],
        anchor: right ? 'start' : 'end',
      };
    } else {
      // Narrow: right-aligned beside the Pakistan lane, above the mark if that space is clear of
      // other marks, else below it, else further out: the first place that touches no circle.
      const lines = wrapLabel(claim.label, width - laneAt(1) - 20, 12.5);
      const box = (labelY: number): Box => {
        const w = Math.max(...lines.map((l) => estimateTextWidth(l, 12.5)));
        return { x0: width - 2 - w, x1: width - 2, y0: labelY - 12.5, y1: labelY + (lines.length - 1) * 15 + 3 };
      };
      const markBox = (k: IncidentMark): Box => ({ x0: k.x - k.rMax, x1: k.x + k.rMax, y0: k.y - k.rMax, y1: k.y + k.rMax });
      const span = (lines.length - 1) * 15;
      const candidates = [target.y - target.rMax - 24, target.y + target.rMax + 24];
      for (let d = 40; d <= 200; d += 16) candidates.push(target.y - target.rMax - d - span, target.y + target.rMax + d);
      const clear = (y: number) => {
        const b = box(y);
        return b.y0 >= 34 && b.y1 <= height - 10 && !marks.some((k) => overlaps(b, markBox(k)));
      };
      const labelY = candidates.find(clear) ?? candidates[0]!;
      annotation = { x: target.x, y: target.y, labelX: width - 2, labelY, text: claim.label, lines, anchor: 'end' };
    }
  }
  let articleLine: IncidentsModel['articleLine'];
  if (articleDate) {
    const a = t(isoToDate(articleDate));
    articleLine = wide ? { x1: a, y1: 30, x2: a, y2: height - 22, label: 'Article' } : { x1: 40, y1: a, x2: width - 4, y2: a, label: 'Article' };
  }
  return roundPositions({ width, height, layout, aggregated, lanes, ticks, incidents: marks, events: eventMarks, annotation, articleLine });
}
