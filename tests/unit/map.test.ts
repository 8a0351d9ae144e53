/**
 * The border map's pieces that can be checked without a browser: the committed basemap (small,
 * with the two provinces and its provenance), the map data file (only what can be placed, in Tab
 * order, with every cited source, never bridging an unknown route point), the URL state, and the
 * static locator's labels (apart, inside the frame).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { getBasemap, getBasemapTopology } from '../../src/lib/data';
import { readDatasets, type Datasets } from '../../src/lib/validation';
import { CHUNK, crossingDetails, incidentChunk, incidentChunkCount, mapData } from '../../src/lib/map/map-data';
import { LISTED_BEYOND, listedIncidents, quarterlyTotals } from '../../src/lib/incident-volume';
import { datasetSchemas } from '../../src/schemas';
import { withSyntheticIncidents } from '../fixtures/synthetic-incidents';
import { ALL_LAYERS, clampView, formatMapHash, parseMapHash } from '../../src/lib/map/hash';
import { locatorModel } from '../../src/lib/charts/locator';
import { estimateTextWidth, overlaps } from '../../src/lib/charts/common';

const data = readDatasets('data').data as Datasets;
const basemap = getBasemap();

describe('basemap (data/geo/basemap.topo.json)', () => {
  it('is under 30 KB gzip, with its provenance and the FATA note', () => {
    const raw = readFileSync('data/geo/basemap.topo.json');
    expect(gzipSync(raw).length).toBeLessThan(30 * 1024);
    const topo = getBasemapTopology();
    expect(topo.source).toMatch(/Natural Earth/);
    expect(topo.note).toMatch(/FATA/);
  });
  it('has Iran and Pakistan, the two border provinces and the lines between them', () => {
    expect(basemap.countries.features.map((f) => f.properties.country)).toEqual(expect.arrayContaining(['IRN', 'PAK', 'AFG']));
    expect(basemap.focusProvinces.features.map((f) => f.properties.iso).sort()).toEqual(['IR-13', 'PK-BA']);
    expect(basemap.countryBorders.coordinates.length).toBeGreaterThan(0);
    expect(basemap.provinceLines.coordinates.length).toBeGreaterThan(0);
  });
});

describe('map data (/map/data.json)', () => {
  const m = mapData(data, basemap);
  it('holds every crossing and incident that has a location, and counts the rest', () => {
    expect(m.crossings.map((c) => c.id).sort()).toEqual(
      data.crossings
        .filter((c) => c.location)
        .map((c) => c.id)
        .sort(),
    );
    // Every crossing known only to its district carries the district, and no point.
    for (const c of m.crossings.filter((x) => x.lat === null))
      expect(
        data.districts.map((d) => d.name),
        c.id,
      ).toContain((c as { district: string }).district);
    expect(m.incidents).toHaveLength(data.incidents.filter((i) => i.location).length);
    expect(m.unmapped.crossings).toHaveLength(data.crossings.filter((c) => !c.location).length);
    expect(m.unmapped.incidents).toBe(data.incidents.filter((i) => !i.location).length);
  });
  it('orders crossings north to south (the Tab order) and incidents by date', () => {
    const lats = m.crossings.flatMap((c) => (c.lat === null ? [] : [c.lat]));
    expect(lats).toEqual([...lats].sort((a, b) => b - a));
    // The crossings known only by district come after the points, in the districts' order.
    const firstDistrictOnly = m.crossings.findIndex((c) => c.lat === null);
    if (firstDistrictOnly >= 0) expect(m.crossings.slice(firstDistrictOnly).every((c) => c.lat === null)).toBe(true);
    const ids = m.incidents.map((i) => i.id);
    expect(ids).toEqual(
      data.incidents
        .filter((i) => i.location)
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((i) => i.id),
    );
  });
  it('resolves every source a feature cites', () => {
    // A crossing's sources come with its details, in /map/crossings.json (in the same order as the marks).
    const details = crossingDetails(data);
    expect(details.crossings.map((c) => c.id)).toEqual(m.crossings.map((c) => c.id));
    for (const c of details.crossings)
      for (const id of [...c.sourceIds, ...c.history.flatMap((h) => h.sourceIds), ...c.sites.flatMap((t) => t.sourceIds)])
        expect(details.sources[id], `${c.id}: ${id}`).toBeDefined();
    // An incident's sources come with its details, in its chunk.
    const chunks = Array.from({ length: incidentChunkCount(data) }, (_, k) => incidentChunk(data, k));
    expect(chunks.flatMap((c) => c.incidents.map((i) => i.id))).toEqual(m.incidents.map((i) => i.id));
    for (const c of chunks) for (const i of c.incidents) for (const id of i.sourceIds) expect(c.sources[id], `${i.id}: ${id}`).toBeDefined();
  });
  it('keeps the details out of the first load: marks only, the summaries, notes and sources in the detail files', () => {
    expect(JSON.stringify(m)).not.toContain(data.incidents.find((i) => i.location)!.summary);
    expect(JSON.stringify(m)).not.toContain(data.crossings.find((c) => c.note)!.note!);
    expect(JSON.stringify(m)).not.toContain('"sourceIds"');
  });
  it('opens on a view that holds every feature', () => {
    const [w, s, e, n] = m.view;
    for (const p of [...m.crossings.flatMap((c) => (c.lat === null ? [] : [c])), ...m.incidents]) {
      expect(p.lon).toBeGreaterThan(w);
      expect(p.lon).toBeLessThan(e);
      expect(p.lat).toBeGreaterThan(s);
      expect(p.lat).toBeLessThan(n);
    }
  });
  it('never draws the pipeline across a route point whose location is unknown', () => {
    const withUnknown = { ...data, pipeline: data.pipeline.map((r) => (r.kind === 'route-point' && r.id === 'route-gwadar' ? { ...r, location: null } : r)) };
    const known = mapData(data, basemap)
      .route.flat()
      .map((p) => p.name);
    const broken = mapData(withUnknown, basemap)
      .route.flat()
      .map((p) => p.name);
    expect(known).toContain('Gwadar');
    expect(broken).not.toContain('Gwadar');
  });
  it('derives country label points from the basemap, inside the view', () => {
    expect(m.countryLabels.map((l) => l.name)).toEqual(expect.arrayContaining(['Iran', 'Pakistan']));
    for (const l of m.countryLabels) {
      expect(l.lon).toBeGreaterThan(m.view[0]);
      expect(l.lon).toBeLessThan(m.view[2]);
    }
  });
  it("leaves out a town drawn at a crossing's own point (the crossing names it)", () => {
    const spots = new Set(m.crossings.filter((c) => c.lat !== null).map((c) => `${c.lat},${c.lon}`));
    expect(m.towns.some((t) => spots.has(`${t.lat},${t.lon}`))).toBe(false);
    expect(m.towns.length).toBeLessThan(data.places.length);
  });
});

describe('map state in the URL', () => {
  it('reads a feature, layers and a view, and writes them back', () => {
    const s = parseMapHash('#map=crossing/gabd-rimdan&layers=crossings,pipeline&view=7.5/27.1/62.3')!;
    expect(s).toEqual({ feature: { type: 'crossing', id: 'gabd-rimdan' }, layers: ['crossings', 'pipeline'], view: { zoom: 7.5, lat: 27.1, lon: 62.3 } });
    expect(parseMapHash(formatMapHash(s))).toEqual(s);
  });
  it('keeps the short form when everything is shown', () => {
    expect(formatMapHash({ feature: { type: 'incident', id: 'x-1' }, layers: [...ALL_LAYERS] })).toBe('#map=incident/x-1');
    expect(parseMapHash('#map=crossing/taftan-mirjaveh')).toEqual({ feature: { type: 'crossing', id: 'taftan-mirjaveh' }, layers: [...ALL_LAYERS] });
  });
  it('ignores hashes that are not about the map and values that are not valid', () => {
    expect(parseMapHash('#trade')).toBeUndefined();
    expect(parseMapHash('')).toBeUndefined();
    expect(parseMapHash('#map=<script>&layers=bogus&view=abc')).toEqual({ layers: [] });
  });
  it('drops a view with a number no map can show (an infinite zoom, a latitude past the pole)', () => {
    for (const view of [`${'9'.repeat(400)}/27/62`, `7/${'9'.repeat(400)}/62`, '7/27/1e400', '7/91/62', '7/27/-181', '31/27/62', 'NaN/27/62', 'Infinity/0/0']) {
      expect(parseMapHash(`#map=all&view=${view}`), view).toEqual({ layers: [...ALL_LAYERS] });
    }
    expect(parseMapHash('#map=all&view=7.25/-27.5/62.125')!.view).toEqual({ zoom: 7.25, lat: -27.5, lon: 62.125 });
  });
  it("clamps a view into the map's zoom range and bounds", () => {
    const limits = { minZoom: 4, maxZoom: 11, bounds: [51.5, 22, 70.5, 32.5] as const };
    expect(clampView({ zoom: 30, lat: 89, lon: -179 }, limits)).toEqual({ zoom: 11, lat: 32.5, lon: 51.5 });
    expect(clampView({ zoom: 0, lat: -89, lon: 179 }, limits)).toEqual({ zoom: 4, lat: 22, lon: 70.5 });
    expect(clampView({ zoom: 7, lat: 27, lon: 62 }, limits)).toEqual({ zoom: 7, lat: 27, lon: 62 });
  });
});

describe('static locator labels', () => {
  for (const width of [360, 720]) {
    it(`keeps town labels apart from each other and from crossing labels, inside the frame, at ${width} px`, () => {
      const l = locatorModel(data, basemap, width);
      const box = (x: number, y: number, text: string, anchor: string) => {
        const w = estimateTextWidth(text, 11);
        const x0 = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
        return { x0, x1: x0 + w, y0: y - 11, y1: y + 2 };
      };
      const crossings = l.crossings.map((c) => box(c.labelX, c.labelY, c.label, c.labelAnchor));
      const towns = l.towns.map((t) => box(t.labelX, t.labelY, t.name, t.labelAnchor));
      for (const [i, t] of towns.entries()) {
        expect(t.x0).toBeGreaterThanOrEqual(0);
        expect(t.x1).toBeLessThanOrEqual(width);
        for (const c of crossings) expect(overlaps(t, c), l.towns[i]!.name).toBe(false);
        for (const u of towns.slice(i + 1)) expect(overlaps(t, u), l.towns[i]!.name).toBe(false);
      }
      expect(l.towns.length).toBeGreaterThan(3);
    });
  }
});

describe('at scale (beyond EACH_UP_TO incidents)', () => {
  const many = { ...data, incidents: withSyntheticIncidents(data.incidents, 5000) };
  it('the synthetic incidents are schema-valid and say they are synthetic', () => {
    const parsed = datasetSchemas.incidents.safeParse(many.incidents);
    expect(parsed.success).toBe(true);
    expect(many.incidents.filter((i) => i.id.startsWith('synthetic-')).every((i) => /Synthetic/.test(i.summary) && i.confidence === 'low')).toBe(true);
  });
  it('the map data holds compact points, and every placed incident is in exactly one detail chunk', () => {
    const m = mapData(many, basemap);
    const placed = many.incidents.filter((i) => i.location).length;
    expect(m.incidents).toEqual([]);
    expect(m.points!.ids).toHaveLength(placed);
    expect(m.points!.side).toHaveLength(placed);
    expect(incidentChunkCount(many)).toBe(Math.ceil(placed / CHUNK));
    const k = 3;
    const chunk = incidentChunk(many, k);
    expect(chunk.incidents.map((i) => i.id)).toEqual(m.points!.ids.slice(k * CHUNK, (k + 1) * CHUNK));
    for (const i of chunk.incidents) for (const id of i.sourceIds) expect(chunk.sources[id]).toBeDefined();
    // Compact: well under the full records' size.
    expect(JSON.stringify(m).length).toBeLessThan(JSON.stringify(incidentChunk(many, 0)).length * 2);
  });
  it('the page lists the deadliest and the incidents a claim cites, not all of them', () => {
    const { listed, all } = listedIncidents(many.incidents, many.claims);
    expect(all).toBe(false);
    const cited = many.claims
      .flatMap((c) => c.about)
      .filter((a) => a.startsWith('incidents/'))
      .map((a) => a.slice(10));
    for (const id of cited) expect(listed.map((i) => i.id)).toContain(id);
    expect(listed.length).toBeLessThanOrEqual(LISTED_BEYOND + cited.length);
    expect(listedIncidents(data.incidents, data.claims).all).toBe(true);
  });
  it('quarterly totals keep every incident and every death', () => {
    const q = quarterlyTotals(many.incidents);
    expect(q.reduce((n, b) => n + b.iran.n + b.pakistan.n, 0)).toBe(5000);
    expect(q.reduce((n, b) => n + b.iran.max + b.pakistan.max, 0)).toBe(many.incidents.reduce((n, i) => n + (i.killed?.max ?? 0), 0));
  });
  it('the static locator draws cells, not 5,000 circles', () => {
    const l = locatorModel(many, basemap, 720);
    expect(l.cells).toBe(true);
    expect(l.incidents.length).toBeLessThan(100);
  });
});
