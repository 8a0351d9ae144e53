/**
 * Text that a reader sees, measured as Chromium lays it out (getBBox, mapped to the page through the
 * element's screen matrix), for the crowded layouts at a phone's 390 px: the static map, the incidents
 * chart and the vertical pipeline timeline. The chart models place their labels with an estimate of
 * text width (src/lib/charts/common.ts); this test is what catches an estimate that is wrong for the
 * real font. Two labels may not overlap (beyond a pixel of glyph padding) and none may leave the chart.
 */
import { expect, test, type Page } from '@playwright/test';

interface Box {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  corners: [number, number][];
}

/** Every visible, non-empty <text> of the first visible SVG matching `selector`, as page boxes, and the SVG's own box. */
async function textBoxes(page: Page, selector: string): Promise<{ svg: Box; boxes: Box[] }> {
  return page.evaluate((sel) => {
    const svg = [...document.querySelectorAll<SVGSVGElement>(sel)].find((s) => s.getBoundingClientRect().width > 0);
    if (!svg) throw new Error(`no visible ${sel}`);
    const toPage = (el: SVGGraphicsElement, text: string) => {
      const b = el.getBBox();
      const m = el.getScreenCTM()!;
      const pts = [
        [b.x, b.y],
        [b.x + b.width, b.y],
        [b.x, b.y + b.height],
        [b.x + b.width, b.y + b.height],
      ].map(([x, y]) => new DOMPoint(x, y).matrixTransform(m));
      // Corners in order round the box, so a rotated label (the pipeline's lane names) keeps its own shape.
      const corners = [pts[0]!, pts[1]!, pts[3]!, pts[2]!].map((p) => [p.x, p.y] as [number, number]);
      return {
        text,
        corners,
        x0: Math.min(...pts.map((p) => p.x)),
        x1: Math.max(...pts.map((p) => p.x)),
        y0: Math.min(...pts.map((p) => p.y)),
        y1: Math.max(...pts.map((p) => p.y)),
      };
    };
    const r = svg.getBoundingClientRect();
    const boxes = [...svg.querySelectorAll<SVGTextElement>('text')]
      .filter(
        (t) =>
          (t.textContent ?? '').trim() !== '' && getComputedStyle(t).display !== 'none' && getComputedStyle(t).visibility !== 'hidden' && t.getBBox().width > 0,
      )
      .map((t) => toPage(t, (t.textContent ?? '').trim()));
    return { svg: { text: 'svg', corners: [], x0: r.left, y0: r.top, x1: r.right, y1: r.bottom }, boxes };
  }, selector);
}

/**
 * How far two boxes (possibly rotated rectangles) reach into each other: the least overlap of their
 * projections on the axes of both (separating axes); 0 when some axis separates them.
 */
function depth(a: Box, b: Box): number {
  let least = Infinity;
  for (const q of [a.corners, b.corners]) {
    for (let i = 0; i < 2; i++) {
      const [x0, y0] = q[i]!;
      const [x1, y1] = q[i + 1]!;
      const len = Math.hypot(x1 - x0, y1 - y0) || 1;
      const axis = [(y0 - y1) / len, (x1 - x0) / len] as const;
      const project = (c: [number, number][]) => c.map(([x, y]) => x * axis[0] + y * axis[1]);
      const pa = project(a.corners);
      const pb = project(b.corners);
      least = Math.min(least, Math.min(Math.max(...pa), Math.max(...pb)) - Math.max(Math.min(...pa), Math.min(...pb)));
    }
  }
  return Math.max(0, least);
}

/** The pairs of labels that reach more than `pad` px into each other. */
function overlapping(boxes: Box[], pad = 1): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const d = depth(boxes[i]!, boxes[j]!);
      if (d > pad) out.push(`"${boxes[i]!.text}" and "${boxes[j]!.text}" overlap by ${d.toFixed(1)} px`);
    }
  }
  return out;
}

const outside = (svg: Box, boxes: Box[], pad = 1) =>
  boxes.filter((b) => b.x0 < svg.x0 - pad || b.x1 > svg.x1 + pad || b.y0 < svg.y0 - pad || b.y1 > svg.y1 + pad).map((b) => `"${b.text}" leaves the chart`);

const layouts = [
  { name: 'the static map (JavaScript off)', path: '/embed/map/', svg: 'svg.locator', js: false },
  { name: 'the incidents chart', path: '/charts/incidents/', svg: 'svg.incidents', js: true },
  { name: 'the pipeline timeline, vertical', path: '/charts/pipeline/', svg: 'svg.pipeline', js: true },
];

for (const l of layouts) {
  test(`${l.name} at 390 px: no two labels overlap and none leaves the chart, as Chromium measures them`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: l.js });
    const page = await context.newPage();
    await page.goto(l.path);
    await page.evaluate(() => document.fonts.ready);
    const { svg, boxes } = await textBoxes(page, l.svg);
    expect(boxes.length).toBeGreaterThan(5);
    expect([...overlapping(boxes), ...outside(svg, boxes)]).toEqual([]);
    await context.close();
  });
}

test('the measure sees an overlap the width estimate would miss (two labels moved onto each other)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/charts/pipeline/');
  const moved = await page.evaluate(() => {
    const svg = [...document.querySelectorAll<SVGSVGElement>('svg.pipeline')].find((s) => s.getBoundingClientRect().width > 0)!;
    const [a, b] = [...svg.querySelectorAll('text')].filter((t) => (t.textContent ?? '').trim().startsWith('Article:'));
    // b's box 3 px below a's top: the two lines of text run into each other.
    const ba = a!.getBBox();
    const bb = b!.getBBox();
    b!.setAttribute('transform', `translate(${ba.x - bb.x} ${ba.y + 3 - bb.y})`);
    return b!.textContent!.trim();
  });
  const { boxes } = await textBoxes(page, 'svg.pipeline');
  expect(overlapping(boxes).join('\n')).toContain(`"${moved}"`);
});
