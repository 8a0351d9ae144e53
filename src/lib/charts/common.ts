/** Small helpers shared by the chart models: dates of any precision, label sizes, label dodging. */

/** "2024" -> mid-2024, "2024-03" -> mid-March 2024, "2024-03-05" -> that day (UTC). Coarse dates sit mid-period. */
export function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number?, number?];
  if (m === undefined) return new Date(Date.UTC(y, 6, 1));
  if (d === undefined) return new Date(Date.UTC(y, m - 1, 15));
  return new Date(Date.UTC(y, m - 1, d));
}

/** The start of an ISO period ("2024" -> 1 Jan 2024, "2024-03" -> 1 Mar 2024). */
export function isoStart(iso: string): Date {
  const [y, m = 1, d = 1] = iso.split('-').map(Number) as [number, number?, number?];
  return new Date(Date.UTC(y, m - 1, d));
}

/** The middle of a period between two ISO dates. */
export function midpoint(start: string, end: string): Date {
  return new Date((isoStart(start).getTime() + isoStart(end).getTime()) / 2);
}

/** Width of a label in the sans font, estimated (no DOM at build time): about 0.58 em a character. */
export function estimateTextWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.58;
}

export interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/**
 * Moves labels (by their y, in order) so that none is closer than `gap` to the next, keeping
 * them between `min` and `max`. Returns the new y for each input, in input order.
 */
export function dodge(ys: number[], gap: number, min: number, max: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  for (let k = 0; k < order.length; k++) {
    const prev = order[k - 1];
    order[k]!.y = Math.max(order[k]!.y, min, prev ? prev.y + gap : min);
  }
  // If the last label overflows, push the stack back up.
  for (let k = order.length - 1; k >= 0; k--) {
    const next = order[k + 1];
    order[k]!.y = Math.min(order[k]!.y, next ? next.y - gap : max);
  }
  const out = new Array<number>(ys.length);
  for (const o of order) out[o.i] = o.y;
  return out;
}

/** Splits a label into lines that fit `maxWidth` (estimated), breaking at spaces. */
export function wrapLabel(label: string, maxWidth: number, fontSize: number): string[] {
  if (estimateTextWidth(label, fontSize) <= maxWidth) return [label];
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && estimateTextWidth(next, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The keys of a chart model that hold a position or size on the drawing, in px. */
const POSITION_KEY = /^(x|y|x0|x1|x2|y0|y1|y2|r|rMin|rMax|labelX|labelY|titleX|titleY|statusX|statusY|lastX|lastY)$/;

/**
 * The model with every position rounded to 0.1 px (a scale's 15-digit output is invisible on
 * screen but was a good part of the page's bytes). Values, dates and labels are left as they are.
 */
export function roundPositions<T>(model: T): T {
  const walk = (v: unknown, key: string): unknown => {
    if (typeof v === 'number') return POSITION_KEY.test(key) && Number.isFinite(v) ? Math.round(v * 10) / 10 : v;
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === 'object' && !(v instanceof Date)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return walk(model, '') as T;
}
