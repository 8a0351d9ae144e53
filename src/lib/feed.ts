/**
 * The corrections log and the record's dated updates as one list (for /corrections/), and as an
 * Atom feed (RFC 4287) at /feed.xml. Every entry has a stable id, an anchor on /corrections/ and a
 * link to the record it touches.
 */
import type { Datasets } from './validation';
import { correctionsNewestFirst } from './data';
import { formatDate } from './format';
import { anchorOfRecord, recordTitle } from './links';
import { PROJECT_AUTHOR, PROJECT_TITLE } from './site';

export const FEED_PATH = '/feed.xml';
export const FEED_TITLE = 'Corrections and updates';

export interface LogEntry {
  /** Anchor on /corrections/ ("correction-<id>" or "update-<record>-<date>-<n>"). */
  anchor: string;
  kind: 'correction' | 'clarification' | 'update';
  /** ISO date of the change (a correction's publication day) or of the development (an update). */
  date: string;
  record: string;
  recordTitle: string;
  /** Where the record is on the site (path and fragment). */
  href: string;
  title: string;
  /** What changed, or what happened. */
  text: string;
  reason?: string;
  before?: string;
  sourceIds: string[];
  lowConfidence: boolean;
  /** True for entries of the corrections log (corrections.json), false for a record's dated update. */
  logged: boolean;
}

const slug = (s: string) =>
  s
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

/** The corrections log (corrections.json), newest first. */
export function correctionEntries(data: Datasets): LogEntry[] {
  return correctionsNewestFirst(data).map((c) => {
    const title = recordTitle(c.record, data);
    const word = { correction: 'Correction', clarification: 'Clarification', update: 'Update' }[c.kind];
    return {
      anchor: `correction-${c.id}`,
      kind: c.kind,
      date: c.date,
      record: c.record,
      recordTitle: title,
      href: anchorOfRecord(c.record, data),
      title: `${word}: ${title}`,
      text: c.change,
      reason: c.reason,
      before: c.before,
      sourceIds: c.sourceIds,
      lowConfidence: false,
      logged: true,
    };
  });
}

/**
 * Every dated development the record carries after the article: the claims' "since the article"
 * updates and the pledges' status entries after the first (the pledge itself), newest first.
 */
export function updateEntries(data: Datasets): LogEntry[] {
  const out: LogEntry[] = [];
  const seen = new Map<string, number>();
  const key = (record: string, date: string) => {
    const base = `update-${slug(record)}-${date}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };
  for (const c of data.claims) {
    const record = `claims/${c.id}`;
    for (const u of c.updates ?? []) {
      const title = recordTitle(record, data);
      out.push({
        anchor: key(record, u.date),
        kind: 'update',
        date: u.date,
        record,
        recordTitle: title,
        href: anchorOfRecord(record, data),
        title: `Since the article (${formatDate(u.date)}): ${title}`,
        text: u.note,
        sourceIds: u.sourceIds,
        lowConfidence: u.confidence === 'low',
        logged: false,
      });
    }
  }
  for (const p of data.pledges) {
    const record = `pledges/${p.id}`;
    for (const h of p.history.slice(1)) {
      out.push({
        anchor: key(record, h.date),
        kind: 'update',
        date: h.date,
        record,
        recordTitle: `Pledge: ${p.title}`,
        href: anchorOfRecord(record, data),
        title: `${p.title}: ${h.status} (${formatDate(h.date)})`,
        text: h.note,
        sourceIds: h.sourceIds,
        lowConfidence: h.confidence === 'low',
        logged: false,
      });
    }
  }
  return out.sort((a, b) => b.date.localeCompare(a.date) || a.anchor.localeCompare(b.anchor));
}

/** An ISO date of any precision as an RFC 3339 timestamp (a month or year reads as its first day, UTC). */
export function rfc3339(iso: string): string {
  const [y, m = '01', d = '01'] = iso.split('-');
  return `${y}-${m}-${d}T00:00:00Z`;
}

// eslint-disable-next-line no-control-regex -- these are the characters XML 1.0 forbids
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text for XML: the five special characters escaped, and characters XML 1.0 forbids dropped. */
export function xmlText(s: string): string {
  return s.replace(NOT_IN_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** The Atom feed: the corrections log and the dated updates, newest first, every URL absolute. */
export function atomFeed(data: Datasets, site: URL | string): string {
  const abs = (path: string) => new URL(path, site).href;
  const sourceLine = (ids: string[]) => {
    const names = ids
      .map((id) => data.sources.find((s) => s.id === id))
      .filter((s) => s !== undefined)
      .map((s) => `${s.publisher}${s.published ? ` (${formatDate(s.published)})` : ''}`);
    return names.length ? `Sources: ${names.join('; ')}.` : '';
  };
  const entries = [...correctionEntries(data), ...updateEntries(data)].sort((a, b) => b.date.localeCompare(a.date) || Number(b.logged) - Number(a.logged));
  const updated = entries.reduce((acc, e) => (e.date > acc ? e.date : acc), '1970-01-01');
  const lines: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `  <id>${xmlText(abs(FEED_PATH))}</id>`,
    `  <title>${xmlText(`${FEED_TITLE} · ${PROJECT_TITLE}`)}</title>`,
    `  <subtitle>${xmlText('Every correction to the explainer, with what changed and why, and every dated development the record has been carried forward with.')}</subtitle>`,
    `  <updated>${rfc3339(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(abs(FEED_PATH))}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(abs('/corrections/'))}"/>`,
    `  <author><name>${xmlText(PROJECT_AUTHOR)}</name><uri>${xmlText(abs('/'))}</uri></author>`,
    `  <rights>Data CC BY 4.0; quotations from the Rasanah article are short excerpts.</rights>`,
  ];
  for (const e of entries) {
    const summary = [
      e.logged ? `What changed: ${e.text}` : e.text,
      e.reason ? `Why: ${e.reason}` : '',
      e.lowConfidence ? 'Low confidence.' : '',
      sourceLine(e.sourceIds),
    ]
      .filter(Boolean)
      .join(' ');
    lines.push(
      '  <entry>',
      `    <id>${xmlText(abs(`/corrections/#${e.anchor}`))}</id>`,
      `    <title>${xmlText(e.title)}</title>`,
      `    <updated>${rfc3339(e.date)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(abs(e.href))}"/>`,
      `    <link rel="related" type="text/html" href="${xmlText(abs(`/corrections/#${e.anchor}`))}"/>`,
      `    <category term="${e.kind}"/>`,
      `    <summary type="text">${xmlText(summary)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
