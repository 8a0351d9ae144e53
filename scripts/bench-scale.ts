/**
 * `npm run bench:scale -- --incidents 1000,10000,100000`: does the site stay light and fast when the
 * incident data grows? For the real data and each size, writes a data folder with synthetic,
 * schema-valid incidents (tests/fixtures/synthetic-incidents.ts) under .scale/, then measures:
 * validation time (in process), build time (npm run build with DATA_DIR and OUT_DIR), the home
 * page's first-load bytes (gzip, headless Chromium at 390 px), the map's data bytes, and, with the
 * map scrolled into view at 1280 px, the time until every incident is drawn and the main thread is
 * idle, plus the longest frame while panning and zooming. Writes bench/scale.json and prints a
 * Markdown table. Figures, not assertions.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { readDatasets } from '../src/lib/validation';
import { serveStatic as serve } from './lib/static-server';
import { CHROME, CHROMIUM_FLAGS } from './lib/chromium';
import type { Incident } from '../src/schemas/incidents';
import { withSyntheticIncidents } from '../tests/fixtures/synthetic-incidents';

const arg = process.argv.indexOf('--incidents');
const sizes = (arg > 0 ? process.argv[arg + 1]! : '1000,10000,100000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const WORK = resolve('.scale');

const gz = (path: string) => (existsSync(path) ? gzipSync(readFileSync(path)).length : 0);
const kb = (b: number) => Math.round(b / 102.4) / 10;

async function homeBytes(browser: Browser, base: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  let total = 0;
  const pending: Promise<void>[] = [];
  page.on('response', (r) =>
    pending.push(
      r
        .body()
        .then((b) => {
          total += gzipSync(b).length;
        })
        .catch(() => {}),
    ),
  );
  await page.goto(`${base}/`, { waitUntil: 'networkidle' });
  await Promise.all(pending);
  await page.close();
  return total;
}

async function mapTimes(browser: Browser, base: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // tsx names inner functions with a __name helper that the page does not have.
  await page.addInitScript('window.__name = (f) => f');
  // The map records its redraw times as performance measures only when asked to (see incident-cells.ts).
  await page.addInitScript('window.__mapBenchMarks = true');
  await page.goto(`${base}/`, { waitUntil: 'networkidle' });
  // From the map being scrolled into view to "live" (every incident drawn) and then to the first
  // idle period of 50 ms (the main thread free).
  const t = await page.evaluate(async () => {
    const root = document.querySelector<HTMLElement>('[data-live-map]')!;
    const t0 = performance.now();
    document.getElementById('figure-map')!.scrollIntoView({ block: 'start' });
    await new Promise<void>((resolve) => {
      const check = () => (root.dataset.state === 'live' ? resolve() : requestAnimationFrame(check));
      check();
    });
    const drawn = performance.now() - t0;
    const idle = await new Promise<number>((resolve) => {
      const wait = () => requestIdleCallback((d) => (d.timeRemaining() >= 49 ? resolve(performance.now() - t0) : wait()), { timeout: 10_000 });
      wait();
    });
    return { drawn, idle };
  });
  // The longest frame while panning (dragging) and zooming (buttons, then Ctrl + wheel).
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__frames = [];
    w.__stop = false;
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    // Long animation frames (50 ms or more), with how long they blocked input.
    (window as unknown as { __loaf: { d: number; block: number }[] }).__loaf = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { blockingDuration: number })[])
        (window as unknown as { __loaf: { d: number; block: number }[] }).__loaf.push({ d: e.duration, block: e.blockingDuration });
    }).observe({ type: 'long-animation-frame' });
  });
  const box = (await page.locator('.map-canvas').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + Math.min(box.height, 900 - box.y) / 2;
  const takeFrames = () =>
    page.evaluate(() => {
      const w = window as unknown as { __frames: number[] };
      const f = w.__frames.slice(1);
      w.__frames = [];
      return f;
    });
  await takeFrames();
  for (const [dx, dy] of [
    [200, 0],
    [-200, 120],
    [0, -120],
  ]) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let s = 1; s <= 10; s++) await page.mouse.move(cx + (dx! * s) / 10, cy + (dy! * s) / 10);
    await page.mouse.up();
    await page.waitForTimeout(300);
  }
  const panFrames = await takeFrames();
  for (const sel of ['.leaflet-control-zoom-in', '.leaflet-control-zoom-in', '.leaflet-control-zoom-out']) {
    await page.locator(sel).click();
    await page.waitForTimeout(400);
  }
  await page.keyboard.down('Control');
  await page.mouse.move(cx, cy);
  await page.mouse.wheel(0, -200);
  await page.waitForTimeout(400);
  await page.keyboard.up('Control');
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__stop = true;
    return w.__frames.slice(1);
  });
  const loaf = await page.evaluate(() => (window as unknown as { __loaf: { d: number; block: number }[] }).__loaf);
  const redraws = await page.evaluate(() => performance.getEntriesByName('incident-cells-draw').map((e) => e.duration));
  await page.close();
  return {
    longAnimationFrames: loaf.length,
    maxBlockingMs: Math.round(Math.max(0, ...loaf.map((l) => l.block))),
    cellRedrawMaxMs: redraws.length ? Math.round(Math.max(...redraws)) : null,
    drawnMs: Math.round(t.drawn),
    idleMs: Math.round(t.idle),
    longestPanFrameMs: Math.round(Math.max(...panFrames)),
    longestZoomFrameMs: Math.round(Math.max(...frames)),
  };
}

const realIncidents = JSON.parse(readFileSync('data/incidents.json', 'utf8')) as Incident[];
const runs = [
  { label: 'real', n: realIncidents.length, dir: resolve('data') },
  ...sizes.map((n) => ({ label: n.toLocaleString('en-GB'), n, dir: join(WORK, `data-${n}`) })),
];
rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
for (const r of runs.slice(1)) {
  cpSync('data', r.dir, { recursive: true });
  writeFileSync(join(r.dir, 'incidents.json'), JSON.stringify(withSyntheticIncidents(realIncidents, r.n), null, 1));
}

const browser = await chromium.launch({ executablePath: CHROME, args: CHROMIUM_FLAGS });
const results = [];
for (const r of runs) {
  const v0 = performance.now();
  const { problems } = readDatasets(r.dir);
  const validateMs = Math.round(performance.now() - v0);
  if (problems.length) throw new Error(`${r.dir}: ${problems.length} problems, first: ${problems[0]!.message}`);
  const out = join(WORK, `dist-${r.n}`);
  const b0 = performance.now();
  const build = spawnSync('npm', ['run', 'build'], { env: { ...process.env, DATA_DIR: r.dir, OUT_DIR: out }, stdio: ['ignore', 'ignore', 'inherit'] });
  const buildMs = Math.round(performance.now() - b0);
  if (build.status !== 0) throw new Error(`build failed for ${r.label}`);
  const chunkDir = join(out, 'map', 'incidents');
  const chunks = existsSync(chunkDir) ? readdirSync(chunkDir) : [];
  const server = await serve(out);
  const home = await homeBytes(browser, server.base);
  const map = await mapTimes(browser, server.base);
  server.close();
  const row = {
    incidents: r.n,
    validateMs,
    buildMs,
    homeFirstLoadGzip: home,
    mapDataGzip: gz(join(out, 'map', 'data.json')),
    mapDataRaw: existsSync(join(out, 'map', 'data.json')) ? statSync(join(out, 'map', 'data.json')).size : 0,
    detailChunks: chunks.length,
    detailChunkGzip: chunks.length ? gz(join(chunkDir, chunks[0]!)) : 0,
    ...map,
  };
  results.push(row);
  console.log(JSON.stringify(row));
}
await browser.close();

const real = results[0]!;
mkdirSync('bench', { recursive: true });
writeFileSync(
  'bench/scale.json',
  `${JSON.stringify({ date: new Date().toISOString(), machine: `${process.platform} ${process.arch}, Node ${process.version}`, results }, null, 2)}\n`,
);
console.log(
  '\n| incidents | validate | build | home first load (gzip) | vs real | map data (gzip) | detail files | map drawn / idle after scroll | longest frame: pan / zoom | incidents redraw (max) |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  const vs = ((r.homeFirstLoadGzip / real.homeFirstLoadGzip - 1) * 100).toFixed(1);
  console.log(
    `| ${r.incidents.toLocaleString('en-GB')} | ${r.validateMs} ms | ${(r.buildMs / 1000).toFixed(1)} s (${(r.buildMs / real.buildMs).toFixed(2)}x) | ${kb(r.homeFirstLoadGzip)} KB | ${Number(vs) >= 0 ? '+' : ''}${vs}% | ${kb(r.mapDataGzip)} KB | ${r.detailChunks ? `${r.detailChunks} × ${kb(r.detailChunkGzip)} KB` : 'none'} | ${r.drawnMs} / ${r.idleMs} ms | ${r.longestPanFrameMs} / ${r.longestZoomFrameMs} ms | ${r.cellRedrawMaxMs === null ? 'markers' : `${r.cellRedrawMaxMs} ms`} |`,
  );
}
