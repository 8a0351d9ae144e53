/**
 * A chart as an image to download (/charts/<slug>/<slug>.svg, .png and @2x.png): the chart's own
 * wide drawing, as the site draws it, framed with its title, subtitle, notes, source line and
 * credit inside the image (as OWID's downloads are), in the light theme. Drawn at build time; the
 * PNGs by resvg, with the Noto Sans the share cards use (committed in src/assets/fonts).
 *
 * resvg reads a stylesheet's class and descendant selectors but not custom properties or :is(), so
 * the chart's stylesheet is rewritten for it: the theme's colours put in (the light values in
 * global.css), :is() spelled out, and a local colour (`--c`, set by a series' or a status's class)
 * resolved per element into a class of its own.
 */
import { inflateSync } from 'node:zlib';
import { DOMParser, XMLSerializer, type Element as XElement } from '@xmldom/xmldom';
import { Resvg } from '@resvg/resvg-js';
import { plainText } from './format';
import { wrapLabel } from './charts/common';

export const IMAGE = {
  /** The framed drawing's width in its own units: the wide chart (720) and a margin each side. */
  width: 760,
  margin: 20,
  /** The PNGs' widths in pixels. */
  png: 1200,
  png2x: 2400,
} as const;

/** The light theme's colours, from the first :root block of global.css. */
export function lightTheme(globalCss: string): Record<string, string> {
  const root = /:root\s*\{([^}]*)\}/.exec(globalCss)?.[1] ?? '';
  const vars: Record<string, string> = {};
  for (const m of root.matchAll(/--([\w-]+)\s*:\s*([^;]+);/g)) vars[m[1]!] = m[2]!.trim();
  return vars;
}

/** The stylesheet of a component: its <style is:global> block. */
export function componentCss(source: string): string {
  return /<style is:global>([\s\S]*?)<\/style>/.exec(source)?.[1] ?? '';
}

/** `a :is(b, c) d` -> ["a b d", "a c d"] (nested and repeated :is() too). */
export function expandIs(selector: string): string[] {
  const at = selector.indexOf(':is(');
  if (at < 0) return [selector.trim()];
  let depth = 0;
  let end = at + 3;
  for (; end < selector.length; end++) {
    if (selector[end] === '(') depth++;
    else if (selector[end] === ')' && --depth === 0) break;
  }
  const inner = selector.slice(at + 4, end);
  const parts: string[] = [];
  let d = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '(') d++;
    else if (inner[i] === ')') d--;
    else if (inner[i] === ',' && d === 0) {
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inner.slice(start));
  return parts.flatMap((p) => expandIs(`${selector.slice(0, at)}${p.trim()}${selector.slice(end + 1)}`));
}

const resolveVars = (value: string, vars: Record<string, string>): string => {
  let out = value;
  for (let i = 0; i < 5 && out.includes('var(--'); i++) out = out.replace(/var\(--([\w-]+)\)/g, (all, name: string) => vars[name] ?? all);
  return out;
};

interface Rule {
  selectors: string[];
  body: string;
}

function parseRules(css: string): Rule[] {
  const rules: Rule[] = [];
  // Comments out, at-rule blocks (media queries) out: the image is one drawing, at one size.
  let text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (;;) {
    const at = text.search(/@[a-z-]+[^{]*\{/);
    if (at < 0) break;
    let depth = 0;
    let i = text.indexOf('{', at);
    for (; i < text.length; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}' && --depth === 0) break;
    }
    text = text.slice(0, at) + text.slice(i + 1);
  }
  for (const m of text.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const selectors = m[1]!
      .split(/,(?![^(]*\))/)
      .flatMap((s) => expandIs(s.trim()))
      .filter(Boolean);
    rules.push({ selectors, body: m[2]!.trim() });
  }
  return rules;
}

/**
 * The chart's SVG and stylesheet, made readable to resvg: returns the SVG element (classes added
 * where a local colour resolves) and the stylesheet to go with it.
 */
export function exportStyles(svg: XElement, css: string, theme: Record<string, string>): string {
  const rules = parseRules(css);
  // Classes that set the local colour, and the colour each sets.
  const local = new Map<string, string>();
  for (const r of rules) {
    const m = /--c\s*:\s*([^;]+)/.exec(r.body);
    if (!m) continue;
    for (const s of r.selectors) {
      const cls = /\.([\w-]+)\s*$/.exec(s)?.[1];
      if (cls) local.set(cls, resolveVars(m[1]!.trim(), theme));
    }
  }
  // Each element's local colour (its own class's or its nearest ancestor's), as a class cv-<n>.
  const colours: string[] = [];
  const walk = (el: XElement, inherited: string | undefined): void => {
    const classes = (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
    const own = classes
      .map((c) => local.get(c))
      .filter(Boolean)
      .pop();
    const c = own ?? inherited;
    if (c) {
      let n = colours.indexOf(c);
      if (n < 0) n = colours.push(c) - 1;
      el.setAttribute('class', [...classes, `cv-${n}`].join(' '));
    }
    for (let k = el.firstChild; k; k = k.nextSibling) if (k.nodeType === 1) walk(k as XElement, c);
  };
  walk(svg, undefined);
  const out: string[] = [];
  for (const r of rules) {
    const body = r.body.replace(/--c\s*:[^;]+;?/g, '').trim();
    if (!body) continue;
    if (body.includes('var(--c)')) {
      colours.forEach((c, n) => out.push(`${r.selectors.map((s) => `${s}.cv-${n}`).join(', ')} { ${resolveVars(body.replaceAll('var(--c)', c), theme)} }`));
    } else {
      out.push(`${r.selectors.join(', ')} { ${resolveVars(body, theme)} }`);
    }
  }
  return out.join('\n');
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface FrameText {
  title: string;
  subtitle: string;
  notes: string[];
  sourceLine: string;
  credit: string;
  link: string;
}

/** The words of a rendered figure: its title, subtitle and notes, from the figure's HTML. */
export function figureWords(html: string): Pick<FrameText, 'title' | 'subtitle' | 'notes'> {
  const title = plainText(/class="figure-title"[^>]*>([\s\S]*?)<\/h[23]>/.exec(html)?.[1] ?? '');
  const subtitle = plainText(/<p class="figure-subtitle">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '');
  const list = /<ul class="figure-notes">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  const notes = [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => plainText(m[1]!));
  return { title, subtitle, notes };
}

/** The ids of the sources a rendered figure cites, in its order (its source line's links to /sources/). */
export function figureSourceIds(html: string): string[] {
  const caption = html.slice(html.indexOf('<figcaption'));
  return [...new Set([...caption.matchAll(/href="\/sources\/#source-([^"]+)"/g)].map((m) => m[1]!))];
}

/** The chart's drawing in a rendered figure: the wide layout where there are two, else the one. */
export function chartSvg(html: string): string {
  const m = /<div class="chart-(?:wide|single)"[^>]*>\s*(<svg[\s\S]*?<\/svg>)/.exec(
    html.includes('class="chart-wide"') ? html.slice(html.indexOf('class="chart-wide"') - 5) : html,
  );
  if (!m) throw new Error('chart-image: no chart SVG in the rendered figure');
  return m[1]!;
}

/**
 * The downloadable SVG: the chart's drawing under its title and subtitle, then its notes, the
 * source line and the credit, on the light theme's background, with its own stylesheet.
 */
export function composeImage(opts: { figureId: string; svg: string; css: string; theme: Record<string, string>; text: FrameText }): string {
  const { figureId, css, theme, text } = opts;
  const { width, margin } = IMAGE;
  const inner = width - 2 * margin;
  const doc = new DOMParser().parseFromString(opts.svg.replace(/&nbsp;/g, '&#160;'), 'image/svg+xml');
  const chart = doc.documentElement as unknown as XElement;
  if (!chart || chart.tagName !== 'svg') throw new Error(`chart-image: ${figureId}'s drawing is not an SVG`);
  const style = exportStyles(chart, css, theme);
  // The drawing's own size: its viewBox, or (the pledge tracker, drawn in per cents) the width given here.
  const vb = (chart.getAttribute('viewBox') ?? '').split(/\s+/).map(Number);
  const chartW = vb.length === 4 ? vb[2]! : inner;
  const chartH = vb.length === 4 ? vb[3]! : Number(chart.getAttribute('height'));
  const scale = inner / chartW;
  chart.setAttribute('width', String(inner));
  chart.setAttribute('height', String(Math.round(chartH * scale * 10) / 10));
  chart.removeAttribute('role');
  chart.removeAttribute('aria-labelledby');
  for (const t of [...(chart.getElementsByTagName('title') as unknown as Iterable<XElement>)]) if (t.parentNode === chart) chart.removeChild(t);
  const lines: string[] = [];
  let y = margin;
  const block = (words: string, size: number, lh: number, cls: string): void => {
    for (const line of wrapLabel(words, inner, size)) {
      y += lh;
      lines.push(`<text x="${margin}" y="${y}" class="${cls}">${escapeXml(line)}</text>`);
    }
  };
  block(text.title, 20, 25, 'title');
  y += 4;
  block(text.subtitle, 13, 18, 'subtitle');
  y += 14;
  chart.setAttribute('x', String(margin));
  chart.setAttribute('y', String(y));
  const drawing = new XMLSerializer().serializeToString(chart as never);
  y += chartH * scale + 12;
  const tail: string[] = [];
  const tailBlock = (words: string, size: number, lh: number, cls: string): void => {
    for (const line of wrapLabel(words, inner, size)) {
      y += lh;
      tail.push(`<text x="${margin}" y="${y}" class="${cls}">${escapeXml(line)}</text>`);
    }
  };
  for (const n of text.notes) tailBlock(n, 11, 15, 'note');
  y += 6;
  tailBlock(text.sourceLine, 11, 15, 'source');
  tailBlock(`${text.credit} ${text.link}`, 11, 15, 'credit');
  const height = Math.ceil(y + margin);
  const frameCss = [
    `.frame text { font-family: 'Noto Sans', sans-serif; }`,
    `.frame .title { font-size: 20px; font-weight: 700; fill: ${theme.text}; }`,
    `.frame .subtitle { font-size: 13px; fill: ${theme.muted}; }`,
    `.frame .note { font-size: 11px; fill: ${theme.muted}; }`,
    `.frame .source { font-size: 11px; fill: ${theme.text}; }`,
    `.frame .credit { font-size: 11px; fill: ${theme.muted}; }`,
  ].join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="image-title">
<title id="image-title">${escapeXml(text.title)}</title>
<desc>${escapeXml(`${text.subtitle} ${text.sourceLine} ${text.credit}`)}</desc>
<style>
${frameCss}
${style}
</style>
<rect width="100%" height="100%" fill="${theme.bg}"/>
<g class="frame">
${lines.join('\n')}
${tail.join('\n')}
</g>
<g id="${figureId}">${drawing}</g>
</svg>
`;
}

/** WOFF 1.0 to the TrueType/OpenType font it wraps (resvg reads only the latter), in memory. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('woffToSfnt: not a WOFF 1.0 font');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const o = 44 + i * 20;
    const tag = woff.toString('latin1', o, o + 4);
    const offset = woff.readUInt32BE(o + 4);
    const compLength = woff.readUInt32BE(o + 8);
    const origLength = woff.readUInt32BE(o + 12);
    const checksum = woff.readUInt32BE(o + 16);
    const raw = woff.subarray(offset, offset + compLength);
    return { tag, checksum, data: compLength < origLength ? inflateSync(raw) : raw };
  });
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = 2 ** entrySelector * 16;
  const head = Buffer.alloc(12 + numTables * 16);
  head.writeUInt32BE(flavor, 0);
  head.writeUInt16BE(numTables, 4);
  head.writeUInt16BE(searchRange, 6);
  head.writeUInt16BE(entrySelector, 8);
  head.writeUInt16BE(numTables * 16 - searchRange, 10);
  const bodies: Buffer[] = [];
  let offset = head.length;
  tables.forEach((t, i) => {
    const o = 12 + i * 16;
    head.write(t.tag, o, 'latin1');
    head.writeUInt32BE(t.checksum, o + 4);
    head.writeUInt32BE(offset, o + 8);
    head.writeUInt32BE(t.data.length, o + 12);
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([head, ...bodies]);
}

/**
 * Signs the committed Noto Sans (a Latin subset) has no glyph for, as the PNG writes them: the
 * arrow in words, and the status icons left out (the status's word follows each). The SVG keeps
 * them, for the reader's own fonts.
 */
export const PNG_TEXT: [RegExp, string][] = [
  [/ ?→ ?/g, ' to '],
  [/[○◐●‖✕] ?/g, ''],
];

/** The image as a PNG `width` pixels wide, its text in the given font files. */
export function renderPng(svg: string, width: number, fontFiles: string[]): Buffer {
  const text = PNG_TEXT.reduce((s, [re, to]) => s.replace(re, to), svg);
  return new Resvg(text, {
    fitTo: { mode: 'width', value: width },
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'Noto Sans' },
    background: 'white',
  })
    .render()
    .asPng();
}

/** A PNG's width and height, from its IHDR chunk; throws on anything that is not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const b = Buffer.from(png);
  if (b.length < 24 || b.toString('hex', 0, 8) !== '89504e470d0a1a0a' || b.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
