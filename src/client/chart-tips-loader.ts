/**
 * Loads the charts' tooltips (chart-tips.ts) only when a chart nears the viewport, or at once when
 * a reader first points at, taps or tabs to one; until then a page pays a few hundred bytes for
 * them. It makes each chart with tooltips a stop for the keyboard (with script only: without it,
 * the SVG is the whole of the chart and there is nothing to move between).
 */
type Module = typeof import('./chart-tips');
let loading: Promise<Module> | undefined;
const load = (): Promise<Module> => (loading ??= import('./chart-tips'));

const table = new Map<HTMLElement, unknown[]>();
const ready = new WeakSet<HTMLElement>();

/** A tap made before the module arrived is passed on, so that it is not lost. */
function enhance(el: HTMLElement, first?: Event): void {
  void load().then((m) => {
    m.enhanceChart(el, table.get(el) as Parameters<Module['enhanceChart']>[1], first);
    ready.add(el);
  });
}

const io = 'IntersectionObserver' in window
  ? new IntersectionObserver((entries) => {
    for (const e of entries) if (e.isIntersecting) { io?.unobserve(e.target); enhance(e.target as HTMLElement); }
  }, { rootMargin: '300px 0px' })
  : undefined;

for (const block of document.querySelectorAll<HTMLScriptElement>('script[data-chart-tips]')) {
  let tips: unknown[];
  try { tips = JSON.parse(block.textContent ?? '[]') as unknown[]; } catch { continue; }
  for (const el of block.closest('.figure')?.querySelectorAll<HTMLElement>('[data-tip-chart]') ?? []) {
    table.set(el, tips);
    const title = el.querySelector('svg > title')?.textContent ?? 'Chart';
    el.tabIndex = 0;
    el.setAttribute('role', 'group');
    el.setAttribute('aria-label', `${title}. Use the arrow keys to read each mark's value.`);
    const first = (e: Event): void => {
      if (ready.has(el)) { for (const t of ['pointerover', 'click', 'focusin'] as const) el.removeEventListener(t, first); return; }
      io?.unobserve(el);
      enhance(el, e.type === 'click' ? e : undefined);
    };
    for (const t of ['pointerover', 'click', 'focusin'] as const) el.addEventListener(t, first);
    if (io) io.observe(el); else enhance(el);
  }
}
