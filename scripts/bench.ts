/**
 * `npm run bench`: builds, serves dist/ on loopback, and prints for each page: bytes by kind on
 * first load (raw and gzip), request count, the ratio of first-load bytes to the page's "content
 * floor" (its HTML and CSS with every script removed), and Lighthouse mobile scores with LCP, TBT
 * and CLS. Writes bench/results.json. Figures, not assertions: budgets live in the tests.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const PORT = Number(process.env.BENCH_PORT ?? 4480);
const BASE = `http://127.0.0.1:${PORT}`;
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PAGES = ['/', '/claims/', '/data/', '/embed/trade/', '/embed/pipeline/', '/embed/pledges/', '/embed/map/'];
const skipLighthouse = process.argv.includes('--no-lighthouse');

type Kind = 'html' | 'css' | 'js' | 'data' | 'fonts' | 'images' | 'other';
const kindOf = (type: string, url: string): Kind =>
  /html/.test(type) ? 'html' : /css/.test(type) ? 'css' : /javascript/.test(type) ? 'js' : /json|csv/.test(type) ? 'data' : /font|woff/.test(type + url) ? 'fonts' : /image/.test(type) ? 'images' : 'other';

if (!process.argv.includes('--no-build')) {
  const b = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(1);
}
const server = spawn(process.execPath, ['node_modules/astro/astro.js', 'preview', '--host', '127.0.0.1', '--port', String(PORT)], { stdio: 'ignore' });
const stop = () => server.kill();
process.on('exit', stop);
for (let i = 0; i < 100; i++) {
  try { if ((await fetch(BASE)).ok) break; } catch { /* not up yet */ }
  await new Promise((r) => setTimeout(r, 200));
}

const browser = await chromium.launch({ executablePath: CHROME, args: FLAGS });
const results: Record<string, unknown>[] = [];
for (const path of PAGES) {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const bytes: Record<Kind, { raw: number; gzip: number }> = { html: { raw: 0, gzip: 0 }, css: { raw: 0, gzip: 0 }, js: { raw: 0, gzip: 0 }, data: { raw: 0, gzip: 0 }, fonts: { raw: 0, gzip: 0 }, images: { raw: 0, gzip: 0 }, other: { raw: 0, gzip: 0 } };
  let requests = 0;
  const foreign: string[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (r) => {
    requests++;
    if (!r.url().startsWith(BASE)) foreign.push(r.url());
    pending.push(r.body().then((body) => {
      const k = kindOf(r.headers()['content-type'] ?? '', r.url());
      bytes[k].raw += body.length;
      bytes[k].gzip += gzipSync(body).length;
    }).catch(() => {}));
  });
  await page.goto(BASE + path, { waitUntil: 'networkidle' });
  await Promise.all(pending);
  await page.close();
  // The content floor: the page's own HTML and CSS with every script removed.
  const html = readFileSync(join('dist', path, 'index.html'), 'utf8');
  const floor = gzipSync(html.replace(/<script[\s\S]*?<\/script>/g, '')).length + bytes.css.gzip;
  const total = Object.values(bytes).reduce((a, b) => a + b.gzip, 0);
  let lh: Record<string, number> | undefined;
  if (!skipLighthouse) {
    const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: FLAGS });
    const run = await lighthouse(BASE + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
    await chrome.kill();
    const lhr = run!.lhr;
    lh = {
      performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
      bestPractices: Math.round((lhr.categories['best-practices']?.score ?? 0) * 100),
      seo: Math.round((lhr.categories.seo?.score ?? 0) * 100),
      lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
      tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0),
      cls: Number((lhr.audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)),
    };
  }
  results.push({ page: path, requests, foreignRequests: foreign.length, bytes, totalGzip: total, contentFloorGzip: floor, ratioToFloor: Number((total / floor).toFixed(2)), lighthouse: lh });
}
await browser.close();
stop();

const kb = (n: number) => `${(n / 1024).toFixed(1)}`;
console.log('\npage               req  html  css   js  data  img  total KB gzip  floor  ratio   perf a11y bp seo  LCP ms  TBT ms  CLS');
for (const r of results as any[]) {
  const b = r.bytes;
  const l = r.lighthouse ?? {};
  console.log(`${r.page.padEnd(18)} ${String(r.requests).padStart(3)} ${kb(b.html.gzip).padStart(5)} ${kb(b.css.gzip).padStart(4)} ${kb(b.js.gzip).padStart(4)} ${kb(b.data.gzip).padStart(5)} ${kb(b.images.gzip).padStart(4)} ${kb(r.totalGzip).padStart(13)} ${kb(r.contentFloorGzip).padStart(6)} ${String(r.ratioToFloor).padStart(6)}   ${String(l.performance ?? '-').padStart(4)} ${String(l.accessibility ?? '-').padStart(4)} ${String(l.bestPractices ?? '-').padStart(2)} ${String(l.seo ?? '-').padStart(3)} ${String(l.lcpMs ?? '-').padStart(7)} ${String(l.tbtMs ?? '-').padStart(7)} ${String(l.cls ?? '-').padStart(4)}`);
}
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, pages: results }, null, 2)}\n`);
console.log('\nWrote bench/results.json');
process.exit(0);
