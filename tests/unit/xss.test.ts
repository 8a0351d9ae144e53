/**
 * Hostile text in the data: every text field of every dataset gets a script tag, an attribute
 * breakout and markup that would make elements (tests/fixtures/hostile.ts). The build must show it
 * as text everywhere (page, ledger, data pages, CSV, JSON) and never as markup. Run by hand with the
 * escaping removed (set:html in Claim.astro), this test fails. Source URLs get a web address carrying
 * the same payload (it must stay inside its href), and a javascript: address must stop the build
 * before anything is built. The live map, which builds its DOM in the browser, is checked by
 * tests/e2e/hostile.spec.ts.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { HOSTILE_URL, SCRIPT, writeHostileData } from '../fixtures/hostile';

const root = mkdtempSync(join(tmpdir(), 'ipx-xss-'));
const dataDir = join(root, 'data');
const outDir = join(root, 'dist');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}

let build: { code: number | null; out: string };
const runBuild = (env: Record<string, string>) => {
  const r = spawnSync(process.execPath, [join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/build.ts'], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
};
beforeAll(() => {
  writeHostileData(dataDir);
  build = runBuild({ DATA_DIR: dataDir, OUT_DIR: outDir });
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('hostile text in every dataset', () => {
  it('is accepted by validation and builds', () => {
    expect(build.code, build.out.slice(-2000)).toBe(0);
  });
  it('never reaches a page as markup, and is shown as text', () => {
    const pages = files(outDir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) {
      // Inside a quoted attribute value (with its quotes escaped) "<script>" is inert text, so look at
      // the markup with every quoted attribute value removed: what is left must hold no payload.
      const markup = readFileSync(page, 'utf8').replace(/="[^"]*"/g, '=""');
      expect(markup.includes(SCRIPT), `${page} has the script payload as markup`).toBe(false);
      expect(markup.includes('<img src=x'), `${page} has the img payload as markup`).toBe(false);
      expect(/<[^>]*\sonerror=/i.test(markup), `${page} has an onerror attribute`).toBe(false);
      expect(/<[^>]*\sdata-injected=/i.test(markup), `${page} has an injected element`).toBe(false);
    }
    const home = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(home).toContain('&lt;script&gt;x()&lt;/script&gt;');
  });
  it('keeps a hostile web address inside its href, and the feed well-formed', () => {
    const home = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(home).toContain(`href="${HOSTILE_URL}"`);
    const markup = home.replace(/="[^"]*"/g, '=""');
    expect(/\sonmouseover=/.test(markup), 'the address became an attribute').toBe(false);
    const feed = readFileSync(join(outDir, 'feed.xml'), 'utf8');
    const errors: string[] = [];
    const doc = new DOMParser({
      onError: (level, msg) => {
        if (level !== 'warning') errors.push(msg);
      },
    }).parseFromString(feed, 'application/xml');
    expect(errors).toEqual([]);
    expect(doc.documentElement!.textContent).toContain(SCRIPT);
    expect(feed).not.toContain(SCRIPT);
  });
  it('stops the build on a javascript: source address, naming file, record and field', () => {
    const badDir = join(root, 'data-js');
    cpSync('data', badDir, { recursive: true });
    const path = join(badDir, 'sources.json');
    const sources = JSON.parse(readFileSync(path, 'utf8'));
    const victim = sources.find((s: { url: string | null }) => s.url);
    victim.url = 'javascript:alert(1)';
    writeFileSync(path, JSON.stringify(sources, null, 2));
    const r = runBuild({ DATA_DIR: badDir, OUT_DIR: join(root, 'dist-js') });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      new RegExp(
        `sources\\.json:\\d+:\\d+: record \\d+ \\(${victim.id}, from line \\d+\\), field url: expected a web address starting with https:// or http://.*got "javascript:alert\\(1\\)"`,
      ),
    );
    expect(statSync(join(root, 'dist-js'), { throwIfNoEntry: false })).toBeUndefined();
  });
  it('stays literal text in the CSV and JSON downloads', () => {
    const csv = readFileSync(join(outDir, 'data', 'incidents.csv'), 'utf8');
    expect(csv).toContain(SCRIPT);
    const json = JSON.parse(readFileSync(join(outDir, 'data', 'incidents.json'), 'utf8'));
    expect(json[0].summary).toContain(SCRIPT);
  });
});
