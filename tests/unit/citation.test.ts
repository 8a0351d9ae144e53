/**
 * Dates and citations: each dataset's own last change (its newest record, or a correction logged
 * against it), the release (the newest of them), CITATION.cff (the repository's, up to date; the
 * served one with version, release date and address, read with a YAML parser and checked against
 * what CFF 1.2.0 requires), and BibTeX keys that stay the same when a new fact arrives.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { citationCff } from '../../src/lib/citation';
import { getArticle, getData } from '../../src/lib/data';
import { bibtexKey, citationFor, datasetLastChange, releaseDate } from '../../src/lib/publish';
import { DATASET_NAMES } from '../../src/schemas/index';

const data = getData();
const site = 'https://example.org';

describe("each dataset's last change", () => {
  it("is its newest record's date, or the last correction of one of its records, whichever is later", () => {
    const newestIncident = data.incidents
      .map((i) => i.date)
      .sort()
      .at(-1)!;
    const incidentCorrection = data.corrections
      .filter((c) => c.record.startsWith('incidents/'))
      .map((c) => c.date)
      .sort()
      .at(-1);
    expect(datasetLastChange('incidents', data)).toEqual({
      date: [newestIncident, incidentCorrection].filter(Boolean).sort().at(-1),
      newestRecord: newestIncident,
      ...(incidentCorrection ? { lastCorrection: incidentCorrection } : {}),
    });
    const newestStatus = data.crossings
      .flatMap((c) => c.history.map((h) => h.date))
      .sort()
      .at(-1);
    expect(datasetLastChange('crossings', data).newestRecord).toBe(newestStatus);
  });
  it('differs between datasets (one date for all eleven was the complaint)', () => {
    const dates = new Set(DATASET_NAMES.map((n) => datasetLastChange(n, data).date ?? 'none'));
    expect(dates.size).toBeGreaterThan(3);
  });
  it("moves with a new fact or a new correction, and a target's horizon (a plan) is not a change", () => {
    const d = structuredClone(data);
    d.events.push({ ...d.events[0]!, id: 'later-event', date: '2026-12-03' });
    expect(datasetLastChange('events', d).date).toBe('2026-12-03');
    const t = d.trade.find((x) => x.kind === 'target')!;
    if (t.kind === 'target') t.horizon = '2099';
    expect(datasetLastChange('trade', d).date).not.toBe('2099');
    d.corrections.push({ ...d.corrections[0]!, id: 'late-fix', date: '2026-12-05', record: `mous/${d.mous[0]!.id}` });
    expect(datasetLastChange('mous', d)).toMatchObject({ date: '2026-12-05', lastCorrection: '2026-12-05' });
    expect(releaseDate(d)).toBe('2026-12-05');
  });
  it('a dataset with no dated record and no correction has none', () => {
    const d = structuredClone(data);
    d.corrections = d.corrections.filter((c) => !c.record.startsWith('places/'));
    expect(datasetLastChange('places', d).date).toBeUndefined();
  });
  it('the release is the newest change of any dataset', () => {
    expect(releaseDate(data)).toBe(
      DATASET_NAMES.map((n) => datasetLastChange(n, data).date ?? '')
        .sort()
        .at(-1),
    );
  });
});

describe('CITATION.cff', () => {
  it("the repository's file is up to date (run `npm run docs:data`)", () => {
    expect(readFileSync('CITATION.cff', 'utf8')).toBe(citationCff(getArticle(data)));
  });
  it('the served file has what CFF 1.2.0 requires, and the version, release date and address', () => {
    const release = releaseDate(data);
    const cff = parse(citationCff(getArticle(data), { version: release, dateReleased: release, url: `${site}/` })) as Record<string, any>;
    expect(cff['cff-version']).toBe('1.2.0');
    for (const key of ['message', 'title', 'authors']) expect(cff[key], key).toBeTruthy();
    expect(cff.authors[0].name).toMatch(/data desk/);
    expect(cff.type).toBe('dataset');
    expect(cff.version).toBe(release);
    expect(cff['date-released']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(cff['date-released']).toBe(release);
    expect(cff.url).toBe(`${site}/`);
    expect(cff.license).toBe('CC-BY-4.0');
    expect(cff.references[0]).toMatchObject({ type: 'article', title: getArticle(data).title, url: getArticle(data).url });
  });
  it("the repository's file names no release (it would go stale with each new fact)", () => {
    const cff = parse(readFileSync('CITATION.cff', 'utf8')) as Record<string, unknown>;
    expect(cff.version).toBeUndefined();
    expect(cff['date-released']).toBeUndefined();
  });
});

describe('BibTeX', () => {
  it('keys name the dataset, not the date: the same after a new fact in a new year', () => {
    const now = citationFor(site, '2026-12-01', 'incidents');
    const later = citationFor(site, '2027-03-02', 'incidents');
    expect(now.key).toBe(later.key);
    expect(now.bibtex.split('\n')[0]).toBe(`@misc{${bibtexKey('incidents')},`);
    expect(later.bibtex).toMatch(/year = \{2027\}/);
    expect(later.bibtex).toMatch(/version = \{2027-03-02\}/);
    expect(new Set(DATASET_NAMES.map((n) => bibtexKey(n))).size).toBe(DATASET_NAMES.length);
    expect(bibtexKey()).not.toMatch(/\d/);
  });
  it("entries are balanced and name the dataset's page", () => {
    const b = citationFor(site, releaseDate(data), 'crossings').bibtex;
    expect([...b].filter((c) => c === '{').length).toBe([...b].filter((c) => c === '}').length);
    expect(b).toMatch(/url = \{https:\/\/example\.org\/data\/#dataset-crossings\}/);
  });
});
