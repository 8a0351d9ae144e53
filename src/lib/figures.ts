/**
 * The figures that travel: each has an anchor on the main page, an embed page at /embed/<slug>/
 * and the datasets a reader can download with it. (Presentation registry, no facts.)
 */
export const FIGURES = [
  { id: 'figure-trade', slug: 'trade', name: 'Trade against the targets', datasets: ['trade'] },
  { id: 'figure-documents', slug: 'documents', name: 'The documents of 3 August 2025', datasets: ['mous'] },
  { id: 'figure-smuggling', slug: 'smuggling', name: 'Fuel smuggling estimates', datasets: ['smuggling'] },
  { id: 'figure-incidents', slug: 'incidents', name: 'Border incidents and the diplomatic calendar', datasets: ['incidents', 'events'] },
  { id: 'figure-pipeline', slug: 'pipeline', name: 'The gas pipeline timeline', datasets: ['pipeline'] },
  { id: 'figure-pledges', slug: 'pledges', name: 'The pledges, tracked', datasets: ['pledges'] },
  { id: 'figure-map', slug: 'map', name: 'The border map: crossings, incidents and the pipeline', datasets: ['crossings', 'districts', 'incidents', 'places'] },
] as const;

export type FigureInfo = (typeof FIGURES)[number];

export function figureById(id: string): FigureInfo | undefined {
  return FIGURES.find((f) => f.id === id);
}

/**
 * The page that holds a figure in full: the chart, its data table, every source and the downloads
 * (/charts/<slug>/); the map's is the border record (/border/), with every crossing and incident.
 * The explainer shows the chart and links there for the rest.
 */
export function fullPageOf(f: FigureInfo): string {
  return f.slug === 'map' ? '/border/' : `/charts/${f.slug}/`;
}

/** The figures that have a chart page of their own under /charts/. */
export const CHART_PAGES = FIGURES.filter((f) => f.slug !== 'map');

/** A fixed height for the iframe when the host page runs no script (the embed then scrolls inside). */
export const EMBED_FALLBACK_HEIGHT = 640;

/** The HTML a journalist pastes: the iframe, plus the small script that sizes it. */
export function embedCode(site: URL | string, f: FigureInfo): string {
  const src = new URL(`/embed/${f.slug}/`, site).href;
  const script = new URL('/embed.js', site).href;
  return `<iframe src="${src}" title="${f.name}" width="100%" height="${EMBED_FALLBACK_HEIGHT}" style="border:0;width:100%" loading="lazy" data-ipx-embed></iframe>\n<script async src="${script}"></script>`;
}

/**
 * The figures drawn as SVG, which can be downloaded as images (src/lib/chart-image.ts): an SVG, a
 * PNG 1,200 px wide and one twice that, at /charts/<slug>/<slug>.svg, .png and @2x.png. (The
 * documents and the smuggling estimates are lists and cards of text, not drawings.)
 */
export const IMAGE_SLUGS = ['trade', 'incidents', 'pipeline', 'pledges'] as const;

/** A figure's image downloads, with the words its links show. */
export function imageDownloads(slug: string): { href: string; label: string; kind: 'svg' | 'png' | 'png2x' }[] {
  if (!(IMAGE_SLUGS as readonly string[]).includes(slug)) return [];
  return [
    { href: `/charts/${slug}/${slug}.png`, label: 'PNG (1,200 px)', kind: 'png' },
    { href: `/charts/${slug}/${slug}@2x.png`, label: 'PNG (2,400 px)', kind: 'png2x' },
    { href: `/charts/${slug}/${slug}.svg`, label: 'SVG', kind: 'svg' },
  ];
}
