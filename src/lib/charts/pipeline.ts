/**
 * Model of the pipeline timeline: one lane per section (both countries, Iran's, Pakistan's),
 * every dated event, and the article's claims drawn where they land. Where the article's date
 * differs from the sources', both marks are drawn and joined, labelled from the claim.
 * Wide: time runs left to right. Narrow: time runs top to bottom (a vertical timeline).
 */
import { scaleUtc } from 'd3';
import type { Claim } from '../../schemas/claims';
import type { PipelineEvent, PipelineRecord } from '../../schemas/pipeline';
import { formatDate } from '../format';
import { dodge, estimateTextWidth, isoToDate, wrapLabel, roundPositions } from './common';
import { NARROW_BELOW } from '../site';

export const LANES = [
  { lane: 'both', label: 'Both countries' },
  { lane: 'iran', label: "Iran's section" },
  { lane: 'pakistan', label: "Pakistan's section" },
] as const;

export interface PipelineMark {
  id: string;
  x: number;
  y: number;
  type: PipelineEvent['type'];
  title: string;
  date: string;
  alternative: boolean;
  followUp: boolean;
  lowConfidence: boolean;
  /** The mark's outline (an SVG path), its shape saying the kind of event. */
  d: string;
}
export interface PipelineAnnotation {
  claimId: string;
  verdict: Claim['verdict'];
  label: string;
  lines: string[];
  source: { x: number; y: number; date: string };
  article?: { x: number; y: number; date: string };
  labelX: number;
  labelY: number;
  anchor: 'start' | 'end' | 'middle';
}
export interface PipelineModel {
  width: number;
  height: number;
  layout: 'narrow' | 'wide';
  lanes: { label: string; x: number; y: number; x2: number; y2: number }[];
  ticks: { x: number; y: number; label: string }[];
  marks: PipelineMark[];
  /** The stretch after the article was written (shaded). */
  after?: { x: number; y: number; w: number; h: number; label: string };
  annotations: PipelineAnnotation[];
}

export function pipelineModel(records: PipelineRecord[], claims: Claim[], width: number, articleDate?: string): PipelineModel {
  const layout = width < NARROW_BELOW ? 'narrow' : 'wide';
  const events = records.filter((r): r is PipelineEvent => r.kind === 'event');
  const dates = events.flatMap((e) => [e.date, ...(e.alternativeDates ?? []).map((a) => a.date)]);
  const annotated = claims.filter((c) => c.section === 'pipeline' && c.label && c.about.some((a) => a.startsWith('pipeline/')));
  dates.push(...annotated.flatMap((c) => (c.date ? [c.date] : [])));
  const sorted = dates.map(isoToDate).sort((a, b) => a.getTime() - b.getTime());
  const domain: [Date, Date] = [
    new Date(Date.UTC(sorted[0]!.getUTCFullYear(), 0, 1)),
    new Date(Date.UTC(sorted[sorted.length - 1]!.getUTCFullYear() + 1, 0, 1)),
  ];
  const wide = layout === 'wide';
  const height = wide ? 330 : 820;
  // Position along time, and across lanes.
  const t = scaleUtc()
    .domain(domain)
    .range(wide ? [110, width - 16] : [40, height - 20]);
  const laneAt = (i: number) => (wide ? 76 + i * 66 : 62 + i * 38);
  const laneIndex = (lane: string) => LANES.findIndex((l) => l.lane === lane);
  const pos = (date: string, lane: string) => {
    const a = t(isoToDate(date));
    const b = laneAt(laneIndex(lane));
    return wide ? { x: a, y: b } : { x: b, y: a };
  };
  const lanes = LANES.map((l, i) =>
    wide ? { label: l.label, x: 0, y: laneAt(i), x2: width - 10, y2: laneAt(i) } : { label: l.label, x: laneAt(i), y: 30, x2: laneAt(i), y2: height - 10 },
  );
  const marks: Omit<PipelineMark, 'd'>[] = events.flatMap((e) => [
    {
      id: e.id,
      ...pos(e.date, e.lane),
      type: e.type,
      title: e.title,
      date: e.date,
      alternative: false,
      followUp: e.followUp,
      lowConfidence: e.confidence === 'low',
    },
    ...(e.alternativeDates ?? []).map((a) => ({
      id: `${e.id}-alt-${a.date}`,
      ...pos(a.date, e.lane),
      type: e.type,
      title: `${e.title} (other date: ${a.note})`,
      date: a.date,
      alternative: true,
      followUp: e.followUp,
      lowConfidence: true,
    })),
  ]);
  const annotations: PipelineAnnotation[] = annotated.flatMap((c) => {
    const ref = c.about.find((a) => a.startsWith('pipeline/'))!.slice('pipeline/'.length);
    const ev = events.find((e) => e.id === ref);
    if (!ev) return [];
    const source = { ...pos(ev.date, ev.lane), date: ev.date };
    const article = c.verdict === 'differs' && c.date ? { ...pos(c.date, ev.lane), date: c.date } : undefined;
    return [{ claimId: c.id, verdict: c.verdict, label: c.label!, lines: [c.label!], source, article, labelX: 0, labelY: 0, anchor: 'middle' as const }];
  });
  // Labels: wide, in a row above/below the lanes, spread apart; narrow, in a column to the right, dodged.
  if (wide) {
    // Two label rows (above and below the lanes); each label takes the first row where it fits.
    const rows = [18, 38, height - 62, height - 40];
    const rightEdge = rows.map(() => -Infinity);
    for (const a of [...annotations].sort((p, q) => p.source.x - q.source.x)) {
      const w = estimateTextWidth(a.label, 12.5); // bold labels run wider than the 0.58 em estimate
      const cx = Math.min(Math.max(a.source.x, w / 2 + 2), width - w / 2 - 2);
      let row = rightEdge.findIndex((r) => cx - w / 2 > r + 8);
      if (row === -1) row = rightEdge.indexOf(Math.min(...rightEdge));
      rightEdge[row] = cx + w / 2;
      a.labelX = cx;
      a.labelY = rows[row]!;
      a.anchor = 'middle';
    }
  } else {
    // A label too long for the space beside the lanes wraps onto a second line.
    const x0 = laneAt(LANES.length - 1) + 14;
    for (const a of annotations) a.lines = wrapLabel(a.label, width - x0 - 2, 12.5);
    const ys = dodge(
      annotations.map((a) => a.source.y),
      16,
      40,
      height - 10,
    );
    // Dodge again with room for wrapped lines: each label takes 15 px a line.
    let floor = -Infinity;
    annotations
      .map((a, i) => ({ a, y: ys[i]! }))
      .sort((p, q) => p.y - q.y)
      .forEach(({ a, y }) => {
        a.labelY = Math.max(y + 4, floor + 16);
        floor = a.labelY + (a.lines.length - 1) * 15;
        a.labelX = x0;
        a.anchor = 'start';
      });
  }
  const years = t.ticks(wide ? 8 : 10);
  const ticks = years.map((d) =>
    wide ? { x: t(d), y: height - 8, label: String(d.getUTCFullYear()) } : { x: 4, y: t(d) + 4, label: String(d.getUTCFullYear()) },
  );
  let after: PipelineModel['after'];
  if (articleDate) {
    const a = t(isoToDate(articleDate));
    const end = t(domain[1]);
    after = wide
      ? { x: a, y: 40, w: end - a, h: height - 90, label: 'After the article' }
      : { x: 50, y: a, w: width - 60, h: end - a, label: 'After the article' };
  }
  const model = roundPositions<Omit<PipelineModel, 'marks'> & { marks: Omit<PipelineMark, 'd'>[] }>({
    width,
    height,
    layout,
    lanes,
    ticks,
    marks,
    after,
    annotations,
  });
  // Outlines from the rounded positions, so the path sits exactly where the mark is said to be.
  return { ...model, marks: model.marks.map((m) => ({ ...m, d: markPath(m.type, m.x, m.y) })) };
}

/** A mark's outline at (x, y): a circle for an agreement, a square for an approval, a triangle for a notice or
 * deadline, a diamond for arbitration, a cross for a setback, a small circle for the rest. */
export function markPath(type: PipelineEvent['type'], x: number, y: number, r = 6): string {
  switch (type) {
    case 'agreement':
      return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
    case 'approval':
      return `M${x - r},${y - r}h${2 * r}v${2 * r}h${-2 * r}Z`;
    case 'notice':
    case 'deadline':
      return `M${x},${y - r - 1}L${x + r + 1},${y + r}L${x - r - 1},${y + r}Z`;
    case 'arbitration':
      return `M${x},${y - r - 1}L${x + r + 1},${y}L${x},${y + r + 1}L${x - r - 1},${y}Z`;
    case 'setback':
      return `M${x - r},${y - r}L${x + r},${y + r}M${x + r},${y - r}L${x - r},${y + r}`;
    default:
      return `M${x - r + 2},${y}a${r - 2},${r - 2} 0 1,0 ${2 * (r - 2)},0a${r - 2},${r - 2} 0 1,0 ${-2 * (r - 2)},0`;
  }
}

/** Text for a mark's tooltip. */
export function markTitle(m: PipelineMark): string {
  return `${formatDate(m.date)}: ${m.title}${m.lowConfidence ? ' (low confidence)' : ''}`;
}
