/**
 * `npm run bench`: builds, serves the build on loopback with gzip (as a static host or CDN serves
 * it), and prints for each page: bytes by kind on first load as they cross the wire (and decoded),
 * request count, the ratio of first-load bytes to the page's "content floor" (its HTML and CSS with
 * every script removed), DOM elements, the page's height at 390 and 1280 px, the number of A4 pages
 * Chromium prints it on, and Lighthouse mobile scores with LCP, TBT and CLS: the median of --runs
 * runs (default 3), with the range and the machine's load average at each run, because on a shared
 * machine one run says little. Writes bench/results.json (--out elsewhere). Figures, not assertions:
 * the deterministic budgets live in the tests.
 *
 *   --no-build        reuse the build in --dir (default dist/)
 *   --dir <folder>    measure another build (e.g. one of main, for a before/after table)
 *   --no-lighthouse   skip Lighthouse; --runs <n> Lighthouse runs per page
 *   --pages /,/claims/  only these pages
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import lighthouse from 'lighthouse';
import { serveStatic } from './lib/static-server';
import { CHROME, CHROMIUM_FLAGS } from './lib/chromium';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const PORT = Number(process.env.BENCH_PORT ?? 4480);
// Lighthouse drives a fresh Chromium (launched by Playwright) through its DevTools port.
const DEVTOOLS_PORT = Number(process.env.LIGHTHOUSE_PORT ?? PORT + 1);
const DIR = arg('--dir') ?? 'dist';
const OUT = arg('--out') ?? 'bench/results.json';
const RUNS = Math.max(1, Number(arg('--runs') ?? 3));
const DEFAULT_PAGES = ['/', '/claims/', '/data/', '/border/', '/sources/', '/embed/trade/', '/embed/pipeline/', '/embed/pledges/', '/embed/map/'];
const PAGES = (arg('--pages')?.split(',') ?? DEFAULT_PAGES).filter((p) => existsSync(join(DIR, p, 'index.html')));
const skipLighthouse = process.argv.includes('--no-lighthouse');

type Kind = 'html' | 'css' | 'js' | 'data' | 'fonts' | 'images' | 'other';
const KINDS: Kind[] = ['html', 'css', 'js', 'data', 'fonts', 'images', 'other'];
const kindOf = (type: string, url: string): Kind =>
  /html/.test(type)
    ? 'html'
    : /css/.test(type)
      ? 'css'
      : /javascript/.test(type)
        ? 'js'
        : /json|csv/.test(type)
          ? 'data'
          : /font|woff/.test(type + url)
            ? 'fonts'
            : /image/.test(type)
              ? 'images'
              : 'other';

if (!process.argv.includes('--no-build')) {
  const b = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(1);
}
const server = await serveStatic(DIR, { gzip: true, port: PORT });
const BASE = server.base;

/** Bytes on first load (wire and decoded), requests, and any request to another host. */
async function firstLoad(browser: Browser, path: string) {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const bytes = Object.fromEntries(KINDS.map((k) => [k, { raw: 0, wire: 0 }])) as Record<Kind, { raw: number; wire: number }>;
  let requests = 0;
  const foreign: string[] = [];
  const pending: Promise<void>[] = [];
  page.on('requestfinished', (req) => {
    requests++;
    if (!req.url().startsWith(BASE)) foreign.push(req.url());
    pending.push(
      (async () => {
        const r = await req.response();
        if (!r) return;
        const k = kindOf(r.headers()['content-type'] ?? '', req.url());
        const [sizes, body] = await Promise.all([req.sizes(), r.body()]);
        bytes[k].raw += body.length;
        bytes[k].wire += sizes.responseBodySize;
      })().catch(() => {}),
    );
  });
  await page.goto(BASE + path, { waitUntil: 'networkidle' });
  await Promise.all(pending);
  await page.close();
  return { bytes, requests, foreign };
}

/** DOM elements after load, the page's height at two widths (every section laid out), and A4 pages in print. */
async function shape(browser: Browser, path: string) {
  const out: { domElements: number; height390: number; height1280: number; printPages: number } = {
    domElements: 0,
    height390: 0,
    height1280: 0,
    printPages: 0,
  };
  for (const width of [390, 1280]) {
    // bypassCSP: the page's policy would refuse the measuring style below.
    const context = await browser.newContext({ viewport: { width, height: width < 800 ? 844 : 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(BASE + path, { waitUntil: 'networkidle' });
    if (width === 390) out.domElements = await page.evaluate(() => document.getElementsByTagName('*').length);
    // content-visibility:auto sections are measured at their placeholder size until drawn: lay out all.
    await page.addStyleTag({ content: '*, *::before { content-visibility: visible !important; }' });
    const h = await page.evaluate(() => document.documentElement.scrollHeight);
    if (width === 390) out.height390 = h;
    else out.height1280 = h;
    if (width === 1280) {
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      // Chromium writes one page object per page ("/Type /Page", not "/Pages").
      out.printPages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
    }
    await context.close();
  }
  return out;
}

async function lighthouseRuns(path: string) {
  const runs: Record<string, number>[] = [];
  for (let i = 0; i < RUNS; i++) {
    const load = loadavg()[0]!;
    const chrome = await chromium.launch({ executablePath: CHROME, args: [...CHROMIUM_FLAGS, `--remote-debugging-port=${DEVTOOLS_PORT}`] });
    try {
      const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
      const run = await lighthouse(BASE + path, { port: DEVTOOLS_PORT, output: 'json', logLevel: 'error', onlyCategories: categories });
      const lhr = run!.lhr;
      runs.push({
        performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
        bestPractices: Math.round((lhr.categories['best-practices']?.score ?? 0) * 100),
        seo: Math.round((lhr.categories.seo?.score ?? 0) * 100),
        lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
        tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0),
        cls: Number((lhr.audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)),
        load1: Number(load.toFixed(2)),
      });
    } finally {
      await chrome.close();
    }
  }
  // The median run by performance score (then TBT), with the range of each figure.
  const sorted = [...runs].sort((a, b) => a.performance! - b.performance! || b.tbtMs! - a.tbtMs!);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const range = (k: string) => [Math.min(...runs.map((r) => r[k]!)), Math.max(...runs.map((r) => r[k]!))];
  return { median, performanceRange: range('performance'), tbtRange: range('tbtMs'), runs };
}

const browser = await chromium.launch({ executablePath: CHROME, args: CHROMIUM_FLAGS });
type Lighthouse = Awaited<ReturnType<typeof lighthouseRuns>>;
type Row = {
  page: string;
  requests: number;
  bytes: Record<Kind, { raw: number; wire: number }>;
  totalWire: number;
  ratioToFloor: number;
  lighthouse?: Lighthouse;
} & Record<string, unknown>;
const results: Row[] = [];
for (const path of PAGES) {
  const { bytes, requests, foreign } = await firstLoad(browser, path);
  const s = await shape(browser, path);
  // The content floor: the page's own HTML and CSS with every script removed.
  const html = readFileSync(join(DIR, path, 'index.html'), 'utf8');
  const floor = gzipSync(html.replace(/<script[\s\S]*?<\/script>/g, '')).length + bytes.css.wire;
  const total = KINDS.reduce((a, k) => a + bytes[k].wire, 0);
  const lh = skipLighthouse ? undefined : await lighthouseRuns(path);
  results.push({
    page: path,
    requests,
    foreignRequests: foreign.length,
    bytes,
    totalWire: total,
    htmlGzipFile: gzipSync(html).length,
    contentFloorGzip: floor,
    ratioToFloor: Number((total / floor).toFixed(2)),
    ...s,
    lighthouse: lh,
  });
}
await browser.close();
server.close();

const kb = (n: number) => `${(n / 1024).toFixed(1)}`;
const pad = (v: unknown, n: number) => String(v ?? '-').padStart(n);
console.log(`\n${DIR}, served with gzip; Lighthouse: median of ${RUNS} (perf range, load average at each run)`);
console.log('page               req  html  css   js  data  total KB  ratio    DOM  h@390  h@1280  A4   perf (range)   a11y bp seo  LCP ms  TBT ms  CLS  load');
for (const r of results as Row[]) {
  const b = r.bytes;
  const l = r.lighthouse?.median ?? {};
  const range = r.lighthouse ? `${r.lighthouse.performanceRange[0]}-${r.lighthouse.performanceRange[1]}` : '';
  const loads = r.lighthouse ? r.lighthouse.runs.map((x) => x.load1).join('/') : '';
  console.log(
    `${r.page.padEnd(18)} ${pad(r.requests, 3)} ${pad(kb(b.html.wire), 5)} ${pad(kb(b.css.wire), 4)} ${pad(kb(b.js.wire), 4)} ${pad(kb(b.data.wire), 5)} ${pad(kb(r.totalWire), 9)} ${pad(r.ratioToFloor, 6)} ${pad(r.domElements, 6)} ${pad(r.height390, 6)} ${pad(r.height1280, 7)} ${pad(r.printPages, 3)}   ${pad(l.performance, 4)} ${range.padEnd(8)} ${pad(l.accessibility, 4)} ${pad(l.bestPractices, 2)} ${pad(l.seo, 3)} ${pad(l.lcpMs, 7)} ${pad(l.tbtMs, 7)} ${pad(l.cls, 4)}  ${loads}`,
  );
}
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(
  OUT,
  `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, dir: DIR, lighthouseRuns: skipLighthouse ? 0 : RUNS, pages: results }, null, 2)}\n`,
);
console.log(`\nWrote ${OUT}`);
process.exit(0);
