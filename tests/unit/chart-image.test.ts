/**
 * The chart images: the SVG parses and carries the chart's title and source line, the PNG is a
 * real PNG of the stated size (its IHDR), the stylesheet is one resvg can read, the font unwraps.
 * Drawn from the live data: what is checked holds for any data (the goldens are tests/charts/).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import TradeChart from '../../src/components/charts/TradeChart.astro';
import PledgeTracker from '../../src/components/charts/PledgeTracker.astro';
import {
  chartSvg,
  componentCss,
  composeImage,
  expandIs,
  exportStyles,
  figureSourceIds,
  figureWords,
  IMAGE,
  lightTheme,
  pngSize,
  renderPng,
  woffToSfnt,
} from '../../src/lib/chart-image';
import { readDatasets } from '../../src/lib/validation';
import { renderComponent } from '../charts/golden';

const { data } = readDatasets('data');
const theme = lightTheme(readFileSync('src/styles/global.css', 'utf8'));
const fonts = (() => {
  const dir = mkdtempSync(join(tmpdir(), 'chart-image-test-'));
  return ([400, 700] as const).map((w) => {
    const file = join(dir, `noto-${w}.ttf`);
    writeFileSync(file, woffToSfnt(readFileSync(`src/assets/fonts/noto-sans-latin-${w}-normal.woff`)));
    return file;
  });
})();

async function image(component: unknown, file: string, figureId: string) {
  const html = await renderComponent(component, { data, expanded: true });
  const words = figureWords(html);
  const sourceLine = `Sources (${figureSourceIds(html).length}): the test's line`;
  const svg = composeImage({
    figureId,
    svg: chartSvg(html),
    css: componentCss(readFileSync(`src/components/charts/${file}.astro`, 'utf8')),
    theme,
    text: { ...words, sourceLine, credit: 'Chart: the desk.', link: 'http://example.test/charts/x/' },
  });
  return { svg, words, sourceLine };
}

describe('chart images', () => {
  it("the trade chart's SVG parses, carries its title, subtitle and source line, and its drawing", async () => {
    const { svg, words, sourceLine } = await image(TradeChart, 'TradeChart', 'figure-trade');
    expect(words.title.length).toBeGreaterThan(10);
    const errors: string[] = [];
    const doc = new DOMParser({
      onError: (level, msg) => {
        if (level !== 'warning') errors.push(msg);
      },
    }).parseFromString(svg, 'image/svg+xml');
    expect(errors).toEqual([]);
    const root = doc.documentElement!;
    expect(root.tagName).toBe('svg');
    expect(root.getAttribute('width')).toBe(String(IMAGE.width));
    expect(doc.getElementsByTagName('title')[0]?.textContent).toBe(words.title);
    const texts = [...(doc.getElementsByTagName('text') as unknown as Iterable<Element>)].map((t) => t.textContent ?? '');
    expect(texts.join(' ')).toContain(words.subtitle.split(' ').slice(0, 5).join(' '));
    expect(texts.join(' ')).toContain(sourceLine);
    // The drawing is the chart's wide layout, with its marks.
    expect(svg).toContain('viewBox="0 0 720');
    expect((svg.match(/<circle/g) ?? []).length).toBeGreaterThan(10);
    // Nothing resvg cannot read is left in the stylesheet.
    const style = /<style>([\s\S]*?)<\/style>/.exec(svg)![1]!;
    expect(style).not.toMatch(/var\(--|:is\(/);
  });

  it('the PNGs are real PNGs 1,200 and 2,400 px wide, in proportion to the SVG', async () => {
    const { svg } = await image(PledgeTracker, 'PledgeTracker', 'figure-pledges');
    const h = Number(/height="(\d+)"/.exec(svg)![1]);
    for (const width of [IMAGE.png, IMAGE.png2x]) {
      const png = renderPng(svg, width, fonts);
      const size = pngSize(png);
      expect(size.width).toBe(width);
      expect(Math.abs(size.height - (h * width) / IMAGE.width)).toBeLessThanOrEqual(1);
    }
    expect(() => pngSize(Buffer.from('GIF89a not a png at all, really'))).toThrow(/not a PNG/);
  });

  it("draws the chart's colours: a series' local colour reaches its marks", async () => {
    const { svg } = await image(TradeChart, 'TradeChart', 'figure-trade');
    const png = renderPng(svg, IMAGE.png, fonts);
    // The Pakistan colour of the light theme is in the stylesheet, by way of the series' --c.
    expect(svg).toContain(theme.pakistan!);
    expect(png.length).toBeGreaterThan(20_000);
  });

  it('rewrites a stylesheet for resvg: theme colours in, :is() out, --c per element', () => {
    expect(expandIs('.a :is(.b .c, .d) .e')).toEqual(['.a .b .c .e', '.a .d .e']);
    const doc = new DOMParser().parseFromString(
      '<svg xmlns="http://www.w3.org/2000/svg"><g class="s-x"><circle class="dot"/></g><circle class="dot"/></svg>',
      'image/svg+xml',
    );
    const css = exportStyles(
      doc.documentElement as never,
      '.s-x { --c: var(--iran); } .chart .dot { fill: var(--c); stroke: var(--bg); } .chart :is(.dot, .line) { opacity: 1; }',
      { iran: '#0072b2', bg: '#fff' },
    );
    expect(css).toContain('.chart .dot.cv-0 { fill: #0072b2; stroke: #fff; }');
    expect(css).toContain('.chart .dot, .chart .line { opacity: 1; }');
    const circles = doc.getElementsByTagName('circle');
    expect(circles[0]!.getAttribute('class')).toBe('dot cv-0');
    expect(circles[1]!.getAttribute('class')).toBe('dot');
  });

  it('unwraps the committed WOFF fonts into fonts resvg reads', () => {
    const sfnt = woffToSfnt(readFileSync('src/assets/fonts/noto-sans-latin-400-normal.woff'));
    const woff = readFileSync('src/assets/fonts/noto-sans-latin-400-normal.woff');
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
    expect(sfnt.readUInt16BE(4)).toBe(woff.readUInt16BE(12));
    // WOFF's header gives the size of the font it wraps (totalSfntSize).
    expect(sfnt.length).toBe(woff.readUInt32BE(16));
    expect(() => woffToSfnt(Buffer.from('OTTO0000'))).toThrow(/WOFF/);
  });
});
