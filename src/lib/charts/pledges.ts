/**
 * Model of the pledge tracker: each pledge a row, its status over time from the visit to its
 * latest dated source. One layout for every width: horizontal positions are percentages of the
 * chart's width and vertical ones pixels, so the SVG (width 100%, no viewBox) stretches its rows
 * while its text keeps its size: the same chart reads on a phone and on a wide screen, and the page
 * carries it once. Pure: data in, positions and labels out.
 */
import { scaleUtc } from 'd3';
import type { Pledge } from '../../schemas/pledges';
import { formatDate } from '../format';
import { currentStatus, STATUS_LOOK, type PledgeStatus } from '../pledges';
import { roundPositions, wrapLabel } from './common';

export interface TrackerSegment {
  x0: number;
  x1: number;
  status: PledgeStatus;
  from: string;
  to: string;
}
export interface TrackerMark {
  x: number;
  status: PledgeStatus;
  date: string;
  note: string;
  lowConfidence: boolean;
}
export interface TrackerRow {
  id: string;
  title: string;
  /** Top of the row's bar, px. */
  y: number;
  /** The title sits above the bar, at the left edge (x in %, y in px of its first line). */
  titleX: number;
  titleY: number;
  /** The title in lines that fit the narrowest screen (a long one takes two). */
  titleLines: string[];
  /** Spans of each status, x in % of the width. */
  segments: TrackerSegment[];
  /** One mark per dated entry, x in %. */
  marks: TrackerMark[];
  status: PledgeStatus;
  statusLabel: string;
  asOf: string;
  asOfLabel: string;
  lowConfidence: boolean;
  /** The current status, under the bar at the right edge (x in %, y in px). */
  statusX: number;
  statusY: number;
}
export interface TrackerModel {
  height: number;
  /** The plot's left and right edges, % of the width. */
  plot: { x0: number; x1: number };
  bar: number;
  /** Tick positions in %. */
  ticks: { x: number; label: string; anchor: 'start' | 'middle' | 'end' }[];
  rows: TrackerRow[];
  start: string;
  end: string;
}

function statusText(p: Pledge): string {
  const cur = currentStatus(p);
  return `${STATUS_LOOK[cur.status].label}, as of ${formatDate(cur.asOf)}`;
}

const parse = (iso: string): Date => {
  const [y, m = '01', d = '01'] = iso.split('-');
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
};

/** The row's geometry, in px, that does not depend on the width. */
export const TRACKER_ROW = { top: 30, height: 64, bar: 14, titleSize: 12.5, line: 15 } as const;
/**
 * The width a title must fit, in px: a 390 px phone's chart (358 px between the page's margins), with room
 * for bold letters, which run wider than the estimate's average.
 */
const TITLE_WIDTH = 300;

/**
 * Lays the tracker out. The axis runs from the date the pledges were made (the first history entry
 * of the earliest pledge) to the newest entry of any pledge.
 */
export function pledgeTrackerModel(pledges: Pledge[]): TrackerModel {
  const dates = pledges.flatMap((p) => p.history.map((h) => h.date)).sort();
  const start = dates[0] ?? '';
  const end = dates[dates.length - 1] ?? start;
  // Marks are circles of 4.5 px: keep the first and last clear of the edges at any width.
  const plot = { x0: 1.5, x1: 98.5 };
  const x = scaleUtc()
    .domain([parse(start), parse(end)])
    .range([plot.x0, plot.x1]);
  const { top, height: rowH, bar, titleSize, line } = TRACKER_ROW;
  let next = top + 20;
  const rows: TrackerRow[] = pledges.map((p) => {
    const titleLines = wrapLabel(p.title, TITLE_WIDTH, titleSize);
    const y = next + (titleLines.length - 1) * line;
    next = y + rowH;
    const h = p.history;
    const segments: TrackerSegment[] = h.map((e, j) => {
      const next = h[j + 1];
      const to = next ? next.date : e.date;
      return { x0: x(parse(e.date)), x1: Math.max(x(parse(to)), x(parse(e.date)) + 0.5), status: e.status, from: e.date, to };
    });
    const marks = h.map((e) => ({ x: x(parse(e.date)), status: e.status, date: e.date, note: e.note, lowConfidence: e.confidence === 'low' }));
    const cur = currentStatus(p);
    return {
      id: p.id,
      title: p.title,
      y,
      titleX: 0,
      titleY: y - 6 - (titleLines.length - 1) * line,
      titleLines,
      segments,
      marks,
      status: cur.status,
      statusLabel: STATUS_LOOK[cur.status].label,
      asOf: cur.asOf,
      asOfLabel: statusText(p),
      lowConfidence: cur.lowConfidence,
      statusX: 100,
      statusY: y + bar + 14,
    };
  });
  // Four ticks fit a phone; end labels are anchored to the side they would overflow.
  const ticks = x.ticks(4).map((d) => {
    const tx = x(d);
    const anchor: 'start' | 'middle' | 'end' = tx > 90 ? 'end' : tx < 10 ? 'start' : 'middle';
    return { x: tx, label: formatDate(d.toISOString().slice(0, 7)), anchor };
  });
  const height = next + 10;
  return roundPositions({ height, plot, bar, ticks, rows, start, end });
}
