/**
 * Loads the charts' tooltips (chart-tips.ts, and the chart's /charts/<slug>/tips.json) only when a
 * chart nears the viewport (in an embed, not before the reader turns to it), or at once when a
 * reader first points at, taps or tabs to one; until
 * then a page pays a few hundred bytes for them and its HTML none. It makes each chart with
 * tooltips a stop for the keyboard (with script only: without it, the SVG is the whole of the
 * chart and there is nothing to move between).
 */
import type { TipFile } from '../lib/charts/tips';

type Module = typeof import('./chart-tips');
let loading: Promise<Module> | undefined;
const load = (): Promise<Module> => (loading ??= import('./chart-tips'));
const files = new Map<string, Promise<TipFile>>();
function fileOf(slug: string): Promise<TipFile> {
  let f = files.get(slug);
  if (!f) {
    f = fetch(`/charts/${slug}/tips.json`).then((r) => (r.ok ? (r.json() as Promise<TipFile>) : Promise.reject(new Error(`tips.json: ${r.status}`))));
    files.set(slug, f);
  }
  return f;
}

const ready = new WeakSet<HTMLElement>();

/** A tap made before the module arrived is passed on, so that it is not lost. */
function enhance(el: HTMLElement, slug: string, first?: Event): void {
  Promise.all([load(), fileOf(slug)]).then(
    ([m, file]) => {
      m.enhanceChart(el, file, first);
      ready.add(el);
    },
    () => {
      /* No tooltips: the chart stays the drawing it is. */
    },
  );
}

const slugs = new Map<Element, string>();
const embedded = document.body.classList.contains('embed');
const io =
  'IntersectionObserver' in window
    ? new IntersectionObserver(
        (entries) => {
          for (const e of entries)
            if (e.isIntersecting) {
              io?.unobserve(e.target);
              enhance(e.target as HTMLElement, slugs.get(e.target)!);
            }
        },
        { rootMargin: '300px 0px' },
      )
    : undefined;

for (const el of document.querySelectorAll<HTMLElement>('.figure [data-tip-chart]')) {
  const slug = /^figure-([a-z0-9-]+)$/.exec(el.closest('.figure')?.id ?? '')?.[1];
  if (!slug) continue;
  slugs.set(el, slug);
  const title = el.querySelector('svg > title')?.textContent ?? 'Chart';
  el.tabIndex = 0;
  el.setAttribute('role', 'group');
  el.setAttribute('aria-label', `${title}. Use the arrow keys to read each mark's value.`);
  const first = (e: Event): void => {
    if (ready.has(el)) {
      for (const t of ['pointerover', 'click', 'focusin'] as const) el.removeEventListener(t, first);
      return;
    }
    io?.unobserve(el);
    enhance(el, slug, e);
  };
  for (const t of ['pointerover', 'click', 'focusin'] as const) el.addEventListener(t, first);
  // In an embed the chart is the page, in view at once: its tooltips wait for the reader, so a
  // host's page pays for them only when its reader points at, taps or tabs to the chart.
  if (embedded) continue;
  if (io) io.observe(el);
  else enhance(el, slug);
}
