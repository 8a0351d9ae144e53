/**
 * Model of the pledge tracker: each pledge a row, its status over time from the visit to its
 * latest dated source. Pure: data and width in, positions and labels out.
 */
import { scaleUtc } from 'd3';
import type { Pledge } from '../../schemas/pledges';
import { formatDate } from '../format';
import { currentStatus, STATUS_LOOK, type PledgeStatus } from '../pledges';
import { estimateTextWidth } from './common';

export interface TrackerSegment { x0: number; x1: number; status: PledgeStatus; from: string; to: string }
export interface TrackerMark { x: number; status: PledgeStatus; date: string; note: string; lowConfidence: boolean }
export interface TrackerRow {
  id: string;
  title: string;
  /** Top of the row's bar. */
  y: number;
  /** Title position: beside the bar (wide) or above it (narrow). */
  titleX: number;
  titleY: number;
  segments: TrackerSegment[];
  marks: TrackerMark[];
  status: PledgeStatus;
  statusLabel: string;
  asOf: string;
  asOfLabel: string;
  lowConfidence: boolean;
  /** Where the "as of" label sits. */
  statusX: number;
  statusY: number;
  statusAnchor: 'start' | 'end';
}
export interface TrackerModel {
  width: number;
  height: number;
  layout: 'narrow' | 'wide';
  plot: { x0: number; x1: number };
  bar: number;
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

/**
 * Lays the tracker out for `width` pixels. `start` is the date the pledges were made (the first
 * history entry of the earliest pledge); the axis runs to the newest entry of any pledge.
 */
export function pledgeTrackerModel(pledges: Pledge[], width: number): TrackerModel {
  const layout = width < 560 ? 'narrow' : 'wide';
  const dates = pledges.flatMap((p) => p.history.map((h) => h.date)).sort();
  const start = dates[0] ?? '';
  const end = dates[dates.length - 1] ?? start;
  // Titles sit above their bars in both layouts (they are too long to share a line with the bar);
  // on wide screens the current status gets its own column to the right.
  const statusCol = layout === 'wide' ? Math.ceil(Math.max(...pledges.map((p) => estimateTextWidth(`x ${statusText(p)}`, 12)))) + 16 : 0;
  const plot = { x0: 8, x1: width - statusCol - 12 };
  const x = scaleUtc().domain([parse(start), parse(end)]).range([plot.x0, plot.x1]);
  const bar = 14;
  const rowH = layout === 'wide' ? 44 : 64;
  const top = 30;
  const rows: TrackerRow[] = pledges.map((p, i) => {
    const y = top + i * rowH + 20;
    const h = p.history;
    const segments: TrackerSegment[] = h.map((e, j) => {
      const next = h[j + 1];
      const to = next ? next.date : e.date;
      return { x0: x(parse(e.date)), x1: Math.max(x(parse(to)), x(parse(e.date)) + 2), status: e.status, from: e.date, to };
    });
    const marks = h.map((e) => ({ x: x(parse(e.date)), status: e.status, date: e.date, note: e.note, lowConfidence: e.confidence === 'low' }));
    const cur = currentStatus(p);
    const asOfLabel = statusText(p);
    return {
      id: p.id,
      title: p.title,
      y,
      titleX: plot.x0,
      titleY: y - 6,
      segments,
      marks,
      status: cur.status,
      statusLabel: STATUS_LOOK[cur.status].label,
      asOf: cur.asOf,
      asOfLabel,
      lowConfidence: cur.lowConfidence,
      statusX: layout === 'wide' ? plot.x1 + 10 : plot.x1,
      statusY: layout === 'wide' ? y + bar - 2 : y + bar + 14,
      statusAnchor: layout === 'wide' ? 'start' : 'end',
    };
  });
  const tickCount = layout === 'wide' ? 6 : 3;
  // Keep end labels inside the chart: anchor them to the side they would overflow.
  const ticks = x.ticks(tickCount).map((d) => {
    const tx = x(d);
    const anchor: 'start' | 'middle' | 'end' = tx > width - 30 ? 'end' : tx < 30 ? 'start' : 'middle';
    return { x: tx, label: formatDate(d.toISOString().slice(0, 7)), anchor };
  });
  const height = top + pledges.length * rowH + 30;
  return { width, height, layout, plot, bar, ticks, rows, start, end };
}
