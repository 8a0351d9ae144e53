/** /og/<key>.png: 1200x630 share cards, drawn at build with satori and resvg from fonts in the repo. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { getData, latestSourceDate } from '../../lib/data';
import { formatDate } from '../../lib/format';
import { SHARE_TARGETS, type ShareTarget } from '../../lib/share';

export const getStaticPaths = (() => SHARE_TARGETS.map((t) => ({ params: { card: t.key }, props: { target: t } }))) satisfies GetStaticPaths;

// Read from the project (the build runs from its root), not relative to the bundled module.
const font = (weight: 400 | 700) => readFileSync(join(process.cwd(), 'src', 'assets', 'fonts', `noto-sans-latin-${weight}-normal.woff`));

type Node = { type: string; props: { style?: Record<string, unknown>; children?: unknown } };
const el = (type: string, style: Record<string, unknown>, children?: unknown): Node => ({ type, props: { style, children } });

export const GET: APIRoute = async ({ props }) => {
  const { target } = props as { target: ShareTarget };
  const asOf = formatDate(latestSourceDate(getData()));
  const tree = el(
    'div',
    {
      width: 1200,
      height: 630,
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '64px 72px',
      background: '#151515',
      color: '#ecebe8',
      fontFamily: 'Noto Sans',
    },
    [
      el('div', { display: 'flex', fontSize: 30, color: '#f0a868', fontWeight: 700, letterSpacing: 2, textTransform: 'uppercase' }, target.kicker),
      el('div', { display: 'flex', fontSize: target.title.length > 60 ? 64 : 76, fontWeight: 700, lineHeight: 1.1 }, target.title),
      el('div', { display: 'flex', justifyContent: 'space-between', fontSize: 26, color: '#b4b1aa', borderTop: '3px solid #45433f', paddingTop: 24 }, [
        el('div', { display: 'flex' }, 'Checked against published sources'),
        el('div', { display: 'flex' }, `Latest source: ${asOf}`),
      ]),
    ],
  );
  const svg = await satori(tree as never, {
    width: 1200,
    height: 630,
    fonts: [
      { name: 'Noto Sans', data: font(400), weight: 400, style: 'normal' },
      { name: 'Noto Sans', data: font(700), weight: 700, style: 'normal' },
    ],
  });
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: 1200 } }).render().asPng();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
