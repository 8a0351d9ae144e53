/**
 * Tooltips for every SVG chart, a progressive enhancement of the server-drawn SVG. A chart's words
 * are written at build time (src/lib/charts/tips.ts) into /charts/<slug>/tips.json, with which of
 * each drawing's elements are marks; here each mark gets the index of its entry as `data-tip`.
 * Loaded by chart-tips-loader.ts when a chart nears the viewport or is first touched.
 *
 * - A mouse or pen shows the nearest mark's tooltip; a tap (or a click) pins it, a second tap on
 *   the same mark or a tap elsewhere closes it.
 * - The keyboard reaches a chart with Tab (the loader makes it focusable) and moves between marks
 *   with the arrow keys, Home and End; Escape closes. The chart is then described by the tooltip
 *   (role="tooltip", aria-describedby) and a polite live region reads each new mark.
 * - One tooltip for the page, positioned absolutely in the document (never moving anything) and
 *   kept inside the viewport; colours from the theme's custom properties (global.css).
 */
import type { Tip, TipFile } from '../lib/charts/tips';

interface Chart {
  el: HTMLElement;
  tips: Tip[];
  order: number[];
  last?: number;
}

const TIP_ID = 'chart-tip';
const MARGIN = 8;
const charts = new WeakMap<HTMLElement, Chart>();
let tipEl: HTMLDivElement | undefined;
let liveEl: HTMLDivElement | undefined;
let current: { chart: Chart; index: number; pinned: boolean } | undefined;

function ensureTip(): HTMLDivElement {
  if (tipEl) return tipEl;
  tipEl = document.createElement('div');
  tipEl.id = TIP_ID;
  tipEl.className = 'chart-tip';
  tipEl.setAttribute('role', 'tooltip');
  tipEl.hidden = true;
  liveEl = document.createElement('div');
  liveEl.className = 'visually-hidden';
  liveEl.setAttribute('aria-live', 'polite');
  // The pointer can move onto the tooltip without it going (WCAG 1.4.13, hoverable): it goes when the
  // pointer leaves it for anywhere but its chart.
  tipEl.addEventListener('pointerleave', (e) => {
    if (current && !current.pinned && !current.chart.el.contains(e.relatedTarget as Node | null)) hide();
  });
  document.body.append(tipEl, liveEl);
  return tipEl;
}

function marksOf(chart: Chart, index: number): Element[] {
  return [...chart.el.querySelectorAll(`[data-tip="${index}"]`)];
}

/** The text of a tip, as the tooltip shows it and the live region reads it. */
function fill(el: HTMLElement, tip: Tip): string {
  const head = document.createElement('strong');
  head.textContent = tip.h;
  const lines = tip.l.map((text) => {
    const p = document.createElement('p');
    p.textContent = text;
    return p;
  });
  el.replaceChildren(head, ...lines);
  if (tip.low) {
    const p = document.createElement('p');
    const badge = document.createElement('span');
    badge.className = 'low-confidence';
    badge.textContent = 'low confidence';
    p.append(badge);
    el.append(p);
  }
  return [tip.h, ...tip.l, ...(tip.low ? ['Low confidence.'] : [])].join('. ').replace(/\.\./g, '.');
}

export function hide(): void {
  if (!current) return;
  for (const m of marksOf(current.chart, current.index)) m.classList.remove('tip-on');
  current.chart.el.removeAttribute('aria-describedby');
  current = undefined;
  if (tipEl) tipEl.hidden = true;
}

function show(chart: Chart, index: number, how: { pinned?: boolean; keyboard?: boolean } = {}): void {
  const tip = chart.tips[index];
  if (!tip) return;
  if (current && (current.chart !== chart || current.index !== index)) hide();
  const el = ensureTip();
  const text = fill(el, tip);
  const marks = marksOf(chart, index);
  for (const m of marks) m.classList.add('tip-on');
  current = { chart, index, pinned: Boolean(how.pinned) };
  chart.el.setAttribute('aria-describedby', TIP_ID);
  if (how.keyboard && liveEl) liveEl.textContent = text;
  // Measure, then place above the mark (below when there is no room), inside the viewport.
  el.style.visibility = 'hidden';
  el.hidden = false;
  const r = marks.map((m) => m.getBoundingClientRect()).find((b) => b.width > 0 || b.height > 0) ?? chart.el.getBoundingClientRect();
  const vw = document.documentElement.clientWidth;
  const w = el.offsetWidth;
  const h = el.offsetHeight;
  const left = Math.max(MARGIN, Math.min(r.left + r.width / 2 - w / 2, vw - w - MARGIN));
  const top = r.top - h - 10 >= MARGIN ? r.top - h - 10 : r.bottom + 10;
  el.style.left = `${Math.round(left + scrollX)}px`;
  el.style.top = `${Math.round(top + scrollY)}px`;
  el.style.visibility = '';
}

/** The mark nearest a point (client px), within `reach` px of its box; smaller marks win ties. */
function nearest(chart: Chart, x: number, y: number, reach: number): number | undefined {
  let best: { i: number; d: number; a: number } | undefined;
  for (const m of chart.el.querySelectorAll<SVGGraphicsElement>('[data-tip]')) {
    const b = m.getBoundingClientRect();
    if (b.width === 0 && b.height === 0) continue;
    const dx = Math.max(b.left - x, 0, x - b.right);
    const dy = Math.max(b.top - y, 0, y - b.bottom);
    const d = Math.hypot(dx, dy);
    const a = b.width * b.height;
    if (d <= reach && (!best || d < best.d - 0.5 || (Math.abs(d - best.d) <= 0.5 && a < best.a))) best = { i: Number(m.dataset.tip), d, a };
  }
  return best?.i;
}

function onKey(chart: Chart, event: KeyboardEvent): void {
  if (event.key === 'Escape') {
    if (current) {
      hide();
      event.preventDefault();
    }
    return;
  }
  const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
  const { order } = chart;
  if (order.length === 0) return;
  let at = current?.chart === chart ? order.indexOf(current.index) : -1;
  if (step !== undefined) at = at < 0 ? (step > 0 ? 0 : order.length - 1) : Math.max(0, Math.min(order.length - 1, at + step));
  else if (event.key === 'Home') at = 0;
  else if (event.key === 'End') at = order.length - 1;
  else return;
  event.preventDefault();
  chart.last = order[at]!;
  show(chart, chart.last, { keyboard: true, pinned: true });
}

/** Reached with the keyboard: the mark read last, or the first. */
function onFocus(chart: Chart): void {
  if (!chart.el.matches(':focus-visible') || current?.chart === chart) return;
  show(chart, chart.last ?? chart.order[0]!, { keyboard: true, pinned: true });
}

/**
 * Marks the drawing's marks with their tooltips' indices, from the file's map of this drawing (the
 * explainer's view or the full one, the n-th drawing of its figure); a drawing with another number
 * of elements than the map's is not the one mapped, and gets none.
 */
function markUp(el: HTMLElement, file: TipFile): boolean {
  const view = el.dataset.tipChart === 'compact' ? 'compact' : 'full';
  const figure = el.closest('.figure');
  const n = figure ? [...figure.querySelectorAll<HTMLElement>('[data-tip-chart]')].filter((x) => x.dataset.tipChart === el.dataset.tipChart).indexOf(el) : 0;
  const map = file.views[view][n];
  const all = el.querySelector('svg')?.querySelectorAll('*');
  if (!map || !all || all.length !== map.n) return false;
  for (const [k, tip] of map.m) all[k]!.setAttribute('data-tip', String(tip));
  return true;
}

/** Makes one chart (an element with data-tip-chart) answer back. */
export function enhanceChart(el: HTMLElement, file: TipFile, first?: Event): void {
  const known = charts.get(el);
  if (known) {
    replay(known, first);
    return;
  }
  if (!markUp(el, file)) return;
  const { tips } = file;
  const order = [...new Set([...el.querySelectorAll<HTMLElement>('[data-tip]')].map((m) => Number(m.dataset.tip)))]
    .filter((i) => tips[i])
    .sort((a, b) => a - b);
  const chart: Chart = { el, tips, order };
  charts.set(el, chart);
  // The SVG <title>s were the baseline without script; the tooltip says more, and two at once is one too many.
  for (const t of el.querySelectorAll('[data-tip] > title')) t.remove();
  let frame = 0;
  el.addEventListener('pointermove', (e) => {
    if (e.pointerType === 'touch' || current?.pinned) return;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const i = nearest(chart, e.clientX, e.clientY, 16);
      if (i === undefined) hide();
      else show(chart, i);
    });
  });
  el.addEventListener('pointerleave', (e) => {
    cancelAnimationFrame(frame);
    if (!current?.pinned && !tipEl?.contains(e.relatedTarget as Node | null)) hide();
  });
  el.addEventListener('click', (e) => tap(chart, e));
  el.addEventListener('keydown', (e) => onKey(chart, e));
  el.addEventListener('focus', () => onFocus(chart));
  el.addEventListener('blur', () => {
    if (current?.chart === chart) hide();
  });
  if (first) replay(chart, first);
  else if (document.activeElement === el) onFocus(chart);
}

/** What the reader did before the module arrived: a tap or click, a pointer come over the chart, a focus. */
function replay(chart: Chart, e?: Event): void {
  if (e instanceof MouseEvent && e.type === 'click') tap(chart, e);
  else if (e instanceof PointerEvent && e.pointerType !== 'touch' && !current?.pinned) {
    const i = nearest(chart, e.clientX, e.clientY, 16);
    if (i !== undefined) show(chart, i);
  } else if (document.activeElement === chart.el) onFocus(chart);
}

function tap(chart: Chart, e: MouseEvent): void {
  const i = nearest(chart, e.clientX, e.clientY, 24);
  if (i === undefined || (current?.pinned && current.chart === chart && current.index === i)) hide();
  else show(chart, i, { pinned: true });
}

// A tap or click anywhere but the chart and its tooltip, or Escape anywhere, closes a tooltip; so does a change of width.
document.addEventListener('click', (e) => {
  if (current && !current.chart.el.contains(e.target as Node) && !tipEl?.contains(e.target as Node)) hide();
});
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') hide();
});
addEventListener('resize', () => {
  if (current && !current.pinned) hide();
});
