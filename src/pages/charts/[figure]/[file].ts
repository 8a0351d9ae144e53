/**
 * /charts/<slug>/<slug>.svg, <slug>.png (1,200 px wide) and <slug>@2x.png (2,400 px): the chart as
 * an image, drawn at build time from the chart's own component (src/lib/chart-image.ts); and
 * /charts/<slug>/tips.json, the chart's tooltips and which elements of each drawing they belong to
 * (src/lib/charts/tips.ts), fetched by src/client/chart-tips.ts.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import TradeChart from '../../../components/charts/TradeChart.astro';
import PipelineChart from '../../../components/charts/PipelineChart.astro';
import PledgeTracker from '../../../components/charts/PledgeTracker.astro';
import IncidentsChart from '../../../components/charts/IncidentsChart.astro';
import { FIGURES, IMAGE_SLUGS, fullPageOf } from '../../../lib/figures';
import { chartSvg, componentCss, composeImage, figureSourceIds, figureWords, IMAGE, lightTheme, renderPng, woffToSfnt } from '../../../lib/chart-image';
import { getData, getSources, type Datasets } from '../../../lib/data';
import { incidentsTips, pipelineTips, pledgeTips, tipFile, tradeTips, type TipTable } from '../../../lib/charts/tips';
import { incidentsModel } from '../../../lib/charts/incidents';
import { DEFAULT_SITE } from '../../../lib/site';

const COMPONENTS = {
  trade: [TradeChart, 'TradeChart'],
  incidents: [IncidentsChart, 'IncidentsChart'],
  pipeline: [PipelineChart, 'PipelineChart'],
  pledges: [PledgeTracker, 'PledgeTracker'],
} as const;

// The tables the components make (the incidents' depends only on the data: whether it is
// aggregated, which events it draws; not on the width or the annotated claim).
const TABLES: Record<keyof typeof COMPONENTS, (data: Datasets) => TipTable> = {
  trade: tradeTips,
  incidents: (data) => incidentsTips(data, incidentsModel(data.incidents, data.events, undefined, 720)),
  pipeline: pipelineTips,
  pledges: pledgeTips,
};

export const getStaticPaths = (() =>
  IMAGE_SLUGS.flatMap((slug) =>
    [`${slug}.svg`, `${slug}.png`, `${slug}@2x.png`, 'tips.json'].map((file) => ({ params: { figure: slug, file } })),
  )) satisfies GetStaticPaths;

// Read from the project (the build runs from its root), not relative to the bundled module.
const read = (...parts: string[]) => readFileSync(join(process.cwd(), ...parts));
let fonts: string[] | undefined;
function fontFiles(): string[] {
  if (fonts) return fonts;
  const dir = mkdtempSync(join(tmpdir(), 'chart-fonts-'));
  fonts = ([400, 700] as const).map((w) => {
    const file = join(dir, `noto-sans-${w}.ttf`);
    writeFileSync(file, woffToSfnt(read('src', 'assets', 'fonts', `noto-sans-latin-${w}-normal.woff`)));
    return file;
  });
  return fonts;
}

const svgs = new Map<string, string>();
async function imageSvg(slug: keyof typeof COMPONENTS, site: URL): Promise<string> {
  const known = svgs.get(slug);
  if (known) return known;
  const [component, file] = COMPONENTS[slug];
  const info = FIGURES.find((f) => f.slug === slug)!;
  const container = await AstroContainer.create();
  const html = await container.renderToString(component, { props: { expanded: true } });
  const data = getData();
  const ids = figureSourceIds(html);
  const names = [...new Set(getSources(ids, data).map((s) => s.publisher))];
  const shown = names.slice(0, 4);
  const sourceLine = `${ids.length === 1 ? 'Source' : `Sources (${ids.length})`}: ${shown.join('; ')}${names.length > shown.length ? ` and ${names.length - shown.length} more` : ''}.`;
  const credit = /<p class="credit">([^<]*)<\/p>/.exec(html)?.[1]?.trim() ?? '';
  const link = new URL(fullPageOf(info), site).href;
  const svg = composeImage({
    figureId: info.id,
    svg: chartSvg(html),
    css: componentCss(read('src', 'components', 'charts', `${file}.astro`).toString('utf8')),
    theme: lightTheme(read('src', 'styles', 'global.css').toString('utf8')),
    text: { ...figureWords(html), sourceLine, credit, link: `Every source and the data: ${link}` },
  });
  svgs.set(slug, svg);
  return svg;
}

export const GET: APIRoute = async ({ params, site }) => {
  const slug = params.figure as keyof typeof COMPONENTS;
  const file = params.file ?? '';
  if (file === 'tips.json') {
    const container = await AstroContainer.create();
    const [component] = COMPONENTS[slug];
    const render = (compact: boolean) => container.renderToString(component, { props: { compact, tipMarks: true } });
    const body = tipFile(TABLES[slug](getData()), { compact: await render(true), full: await render(false) });
    return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
  }
  const svg = await imageSvg(slug, site ?? new URL(DEFAULT_SITE));
  if (file.endsWith('.svg')) return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
  const png = renderPng(svg, file.endsWith('@2x.png') ? IMAGE.png2x : IMAGE.png, fontFiles());
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
