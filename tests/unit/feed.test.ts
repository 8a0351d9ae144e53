/**
 * The corrections feed against RFC 4287 (Atom): parsed with a namespace-aware XML parser (a
 * malformed document fails to parse), then checked for the elements the RFC requires of a feed
 * and of each entry, absolute URLs and unique ids. Run on the real data and on hostile text.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { getData } from '../../src/lib/data';
import { atomFeed, correctionEntries, rfc3339, updateEntries } from '../../src/lib/feed';
import type { Datasets } from '../../src/lib/validation';

const ATOM = 'http://www.w3.org/2005/Atom';
const SITE = 'https://example.org/';
/** RFC 3339 date-time, as RFC 4287 section 3.3 requires. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses strictly: any well-formedness error (xmldom's "error" or "fatalError") throws. */
function parse(xml: string) {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') errors.push(msg);
    },
  }).parseFromString(xml, 'application/xml');
  if (errors.length) throw new Error(`not well-formed XML: ${errors.join('; ')}`);
  return doc;
}

const children = (el: Element, name: string): Element[] =>
  Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === ATOM && (n as Element).localName === name);
const one = (el: Element, name: string, where: string): Element => {
  const found = children(el, name);
  expect(found.length, `${where} must have exactly one atom:${name}`).toBe(1);
  return found[0]!;
};
const isAbsolute = (s: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
};

/** Every RFC 4287 requirement we rely on; returns the entries for further checks. */
function checkAtom(xml: string): Element[] {
  const doc = parse(xml);
  const feed = doc.documentElement!;
  expect(feed.localName).toBe('feed');
  expect(feed.namespaceURI).toBe(ATOM);
  // 4.1.1: exactly one id, title, updated; authors unless every entry has one; a self link is SHOULD.
  const id = one(feed, 'id', 'feed').textContent!.trim();
  expect(isAbsolute(id), `feed id ${id} is an absolute IRI`).toBe(true);
  expect(one(feed, 'title', 'feed').textContent!.trim().length).toBeGreaterThan(0);
  expect(one(feed, 'updated', 'feed').textContent).toMatch(DATE_TIME);
  const entries = children(feed, 'entry');
  const authored = children(feed, 'author').length > 0 || entries.every((e) => children(e, 'author').length > 0);
  expect(authored, 'feed or every entry has an atom:author').toBe(true);
  for (const a of children(feed, 'author')) expect(one(a, 'name', 'author').textContent!.trim().length).toBeGreaterThan(0);
  const links = children(feed, 'link');
  const self = links.find((l) => l.getAttribute('rel') === 'self');
  expect(self, 'feed has a rel="self" link').toBeDefined();
  for (const l of links) expect(isAbsolute(l.getAttribute('href') ?? ''), `feed link ${l.getAttribute('href')} is absolute`).toBe(true);
  // 4.1.1: at most one alternate link per type and hreflang.
  const alternates = links
    .filter((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate')
    .map((l) => `${l.getAttribute('type')}|${l.getAttribute('hreflang')}`);
  expect(new Set(alternates).size).toBe(alternates.length);
  // 4.1.2: each entry has exactly one id, title, updated; a content or an alternate link.
  const ids = new Set<string>();
  for (const [i, e] of entries.entries()) {
    const where = `entry ${i}`;
    const eid = one(e, 'id', where).textContent!.trim();
    expect(isAbsolute(eid), `${where} id ${eid} is an absolute IRI`).toBe(true);
    expect(ids.has(eid), `${where} id ${eid} is unique`).toBe(false);
    ids.add(eid);
    expect(one(e, 'title', where).textContent!.trim().length, `${where} has a title`).toBeGreaterThan(0);
    expect(one(e, 'updated', where).textContent).toMatch(DATE_TIME);
    const elinks = children(e, 'link');
    const alt = elinks.filter((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate');
    expect(alt.length === 1 || children(e, 'content').length === 1, `${where} has an alternate link or content`).toBe(true);
    expect(alt.length, `${where}: at most one alternate link`).toBeLessThanOrEqual(1);
    for (const l of elinks) expect(isAbsolute(l.getAttribute('href') ?? ''), `${where} link ${l.getAttribute('href')} is absolute`).toBe(true);
    expect(children(e, 'summary').length + children(e, 'content').length, `${where} says something`).toBeGreaterThan(0);
  }
  return entries;
}

describe('the corrections feed (Atom, RFC 4287)', () => {
  const data = getData();
  const xml = atomFeed(data, SITE);

  it('is well-formed Atom with every required element, absolute URLs and unique ids', () => {
    const entries = checkAtom(xml);
    expect(entries.length).toBe(correctionEntries(data).length + updateEntries(data).length);
  });

  it('carries every correction of the log, linked to the record and to its entry on /corrections/', () => {
    for (const c of data.corrections) {
      expect(xml).toContain(`<id>${new URL(`/corrections/#correction-${c.id}`, SITE).href}</id>`);
    }
    const zahedan = correctionEntries(data).find((e) => e.record === 'incidents/2025-07-26-zahedan-courthouse-attack');
    // The incident's full entry is on the border record (the explainer lists it in one line).
    expect(zahedan?.href).toBe('/border/#incident-2025-07-26-zahedan-courthouse-attack');
  });

  it('is newest first, and the feed is as new as its newest entry', () => {
    const doc = parse(xml);
    const updated = Array.from(doc.getElementsByTagNameNS(ATOM, 'entry')).map((e) => children(e as Element, 'updated')[0]!.textContent!);
    expect([...updated].sort().reverse()).toEqual(updated);
    expect(children(doc.documentElement!, 'updated')[0]!.textContent).toBe(updated[0]);
  });

  it('stays well-formed with hostile text in every field it carries', () => {
    const hostile = structuredClone(data) as Datasets;
    const bad = '<script>x()</script> & "quotes" \'apos\' ]]> \u0001\u0008 <![CDATA[';
    for (const c of hostile.corrections) {
      c.change = `${c.change} ${bad}`;
      c.reason = bad;
      c.before = bad;
    }
    for (const c of hostile.claims) {
      c.quote = bad;
      for (const u of c.updates ?? []) u.note = bad;
    }
    for (const p of hostile.pledges) {
      p.title = bad;
      for (const h of p.history) h.note = bad;
    }
    for (const s of hostile.sources) s.publisher = bad;
    const out = atomFeed(hostile, SITE);
    checkAtom(out);
    expect(out).not.toContain('<script>');
    const text = parse(out).documentElement!.textContent!;
    expect(text).toContain('<script>x()</script> & "quotes"');
  });

  it('writes dates of any precision as RFC 3339 date-times', () => {
    expect(rfc3339('2026-12-01')).toBe('2026-12-01T00:00:00Z');
    expect(rfc3339('2026-04')).toBe('2026-04-01T00:00:00Z');
    expect(rfc3339('2026')).toBe('2026-01-01T00:00:00Z');
  });

  it('would fail a feed that breaks the RFC (the check can fail)', () => {
    expect(() => checkAtom(xml.replace(/<updated>[^<]*<\/updated>\n {2}<link rel="self"/, '<link rel="self"'))).toThrow();
    const twice = xml.replace(/(<entry>\n\s*<id>)([^<]*)(<\/id>[\s\S]*?<entry>\n\s*<id>)[^<]*/, '$1$2$3$2');
    expect(() => checkAtom(twice)).toThrow(/unique/);
    expect(() => checkAtom(xml.replace('href="https://example.org/corrections/"', 'href="/corrections/"'))).toThrow(/absolute/);
    expect(() => checkAtom(xml.replace('</feed>', ''))).toThrow(/well-formed|unclosed/);
    expect(() => checkAtom(xml.replace('<title>', '<title><b>'))).toThrow();
  });
});
