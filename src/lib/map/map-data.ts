/**
 * What the live map draws, as one static file (/map/data.json) the map fetches when it loads, so
 * the page itself does not grow with the datasets. Built from the datasets at build time; labels
 * and dates are formatted here, so the browser code only draws. Records without a location are not
 * in it (the lists on the page carry them); the counts of those are, so the map can say so.
 */
import { geoMercator, geoPath, max, min } from 'd3';
import type { Datasets } from '../data';
import type { BasemapLayers } from './basemap';
import { formatDate, formatRange } from '../format';
import { EACH_UP_TO } from '../incident-volume';
import { crossingName, crossingWhere, KIND_WORD, PRECISION_WORD, STATUS_GROUP, STATUS_WORD } from '../labels';
import { pointOf } from '../../schemas/primitives';
import { districtOf, isDistrictOnly, type CrossingGlance } from './border-strip';

export type PrecisionKey = 'exact' | 'town' | 'district' | 'derived';
export interface MapPoint {
  lat: number;
  lon: number;
  precision: string;
  precisionKey: PrecisionKey;
  geoNote?: string;
}
/** A crossing known only to its district: drawn on that district's stretch of the border strip, not on the map. */
export interface MapDistrictPlace {
  lat: null;
  lon: null;
  precision: string;
  precisionKey: 'district';
  geoNote: string;
  district: string;
}
/** What a crossing's marker (or strip entry) needs: in the map data. */
export type MapCrossingMark = (MapPoint | MapDistrictPlace) & CrossingGlance;
/** A crossing's details for the panel: in /map/crossings.json, fetched when a reader first opens one. */
export type MapCrossing = MapCrossingMark & {
  local: { text: string; lang: string }[];
  altNames: string[];
  where: string;
  facts: string[];
  note?: string;
  lowConfidence: boolean;
  sourceIds: string[];
  history: { date: string; status: string; note: string; sourceIds: string[] }[];
  sites: { name: string; note?: string; sourceIds: string[] }[];
};
/** What a marker needs (drawing, its name, a list line): in the map data, up to EACH_UP_TO incidents. */
export interface MapIncidentMark {
  id: string;
  date: string;
  place: string;
  side: 'iran' | 'pakistan';
  lat: number;
  lon: number;
  killed: [number, number] | null;
  killedLabel: string;
  precision: string;
  precisionKey: PrecisionKey;
  lowConfidence: boolean;
}
/** An incident's details for the panel: in the detail chunks, fetched when a reader opens one. */
export interface MapIncident extends MapPoint, MapIncidentMark {
  injuredLabel?: string;
  countNote?: string;
  by: string;
  summary: string;
  dateNote?: string;
  followUp: boolean;
  sourceIds: string[];
}
/**
 * The map data holds what drawing needs: up to EACH_UP_TO incidents a mark each, beyond that compact
 * columns. Their details (summaries, notes, sources) go into files of CHUNK incidents each
 * (/map/incidents/<k>.json), fetched only when the reader opens one, so the map's first load grows
 * little with the data. Placed incident i's details are in chunk floor(i / CHUNK).
 */
export const CHUNK = 1000;
export interface MapSource {
  publisher: string;
  url: string | null;
  date?: string;
}
const mapSource = (s: Datasets['sources'][number]): MapSource => ({
  publisher: s.publisher,
  url: s.url,
  ...(s.published ? { date: formatDate(s.published) } : {}),
});
export interface MapPoints {
  ids: string[];
  lat: number[];
  lon: number[];
  /** "i" or "p" per point */ side: string;
  /** most reported killed, -1 when no count */ killed: number[];
  chunk: number;
}
export interface MapData {
  /** [west, south, east, north] of what the map opens on. */
  view: [number, number, number, number];
  /** Crossings with a point north to south, then those known only by district; details in /map/crossings.json. */
  crossings: MapCrossingMark[];
  /** Placed incidents per detail chunk (/map/incidents/<k>.json). */
  chunk: number;
  /** Every placed incident as a mark, in date order (up to EACH_UP_TO incidents); empty beyond, see points. */
  incidents: MapIncidentMark[];
  /** Beyond EACH_UP_TO incidents: every placed incident as columns, in date order. */
  points?: MapPoints;
  route: { name: string; role: string; lat: number; lon: number; planned: boolean }[][];
  /** Country names, each at the middle of the part of the country the opening view shows. */
  countryLabels: { name: string; lat: number; lon: number }[];
  towns: { id: string; name: string; local?: { text: string; lang: string }; country: string; rank: number; lat: number; lon: number }[];
  unmapped: { crossings: string[]; incidents: number };
}

type Incident = Datasets['incidents'][number];

/** Incidents that can be placed, in date order: the order of points and of detail chunks. */
const placedCache = new WeakMap<Datasets, Incident[]>();
export function placedIncidents(data: Datasets): Incident[] {
  let placed = placedCache.get(data);
  if (!placed) {
    placed = data.incidents.filter((i) => i.location).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
    placedCache.set(data, placed);
  }
  return placed;
}

/** The details of chunk k (beyond EACH_UP_TO incidents), for /map/incidents/<k>.json. */
export function incidentChunk(data: Datasets, k: number): { incidents: MapIncident[]; sources: Record<string, MapSource> } {
  const part = placedIncidents(data).slice(k * CHUNK, (k + 1) * CHUNK);
  const ids = new Set(part.flatMap((i) => i.sourceIds));
  return { incidents: part.map(mapIncident), sources: Object.fromEntries(data.sources.filter((s) => ids.has(s.id)).map((s) => [s.id, mapSource(s)])) };
}

/** How many detail chunks there are. */
export function incidentChunkCount(data: Datasets): number {
  return Math.ceil(placedIncidents(data).length / CHUNK);
}

function mapMark(i: Incident): MapIncidentMark {
  const l = i.location!;
  return {
    id: i.id,
    date: formatDate(i.date),
    place: i.place,
    side: i.side,
    lat: l.lat,
    lon: l.lon,
    killed: i.killed ? [i.killed.min, i.killed.max] : null,
    killedLabel: i.killed ? formatRange(i.killed) : 'not reported',
    precision: PRECISION_WORD[l.geoPrecision],
    precisionKey: l.geoPrecision,
    lowConfidence: i.confidence === 'low',
  };
}

function mapIncident(i: Incident): MapIncident {
  return {
    id: i.id,
    date: formatDate(i.date),
    place: i.place,
    side: i.side,
    killed: i.killed ? [i.killed.min, i.killed.max] : null,
    killedLabel: i.killed ? formatRange(i.killed) : 'not reported',
    ...(i.injured ? { injuredLabel: formatRange(i.injured) } : {}),
    ...(i.killed?.note ? { countNote: i.killed.note } : {}),
    by: i.claimedBy ? `Claimed by ${i.claimedBy}` : `Carried out by ${i.actor}`,
    summary: i.summary,
    ...(i.dateNote ? { dateNote: i.dateNote } : {}),
    lowConfidence: i.confidence === 'low',
    followUp: i.followUp,
    sourceIds: i.sourceIds,
    ...point(i.location!),
  };
}

const point = (l: { lat: number; lon: number; geoPrecision: PrecisionKey; geoNote?: string }): MapPoint => ({
  lat: l.lat,
  lon: l.lon,
  precision: PRECISION_WORD[l.geoPrecision],
  precisionKey: l.geoPrecision,
  ...(l.geoNote ? { geoNote: l.geoNote } : {}),
});

/** Every crossing the map shows, in full (the details file), in the map's order. */
function mapCrossings(data: Datasets): MapCrossing[] {
  // Points north to south (the order a reader meets them along the border, and the Tab order),
  // then the crossings known only to their district, in the districts' order along the border.
  const order = (c: Datasets['crossings'][number]) => {
    const p = pointOf(c.location);
    return p ? -p.lat : 1000 + (districtOf(c, data)?.order ?? 99);
  };
  return data.crossings
    .filter((c) => pointOf(c.location) || isDistrictOnly(c))
    .sort((a, b) => order(a) - order(b))
    .map((c) => {
      const last = c.history[c.history.length - 1]!;
      const p = pointOf(c.location);
      const where: MapPoint | MapDistrictPlace = p
        ? point(p)
        : {
            lat: null,
            lon: null,
            precision: `known only to its district: drawn on ${districtOf(c, data)!.name}'s stretch of the border strip`,
            precisionKey: 'district',
            geoNote: c.location!.geoNote!,
            district: districtOf(c, data)!.name,
          };
      return {
        id: c.id,
        name: crossingName(c),
        local: c.nameLocal ?? [],
        altNames: c.altNames ?? [],
        kind: KIND_WORD[c.kind],
        status: STATUS_GROUP[last.status],
        statusLabel: STATUS_WORD[last.status],
        statusDate: formatDate(last.date),
        where: crossingWhere(c),
        facts: c.facts ?? [],
        ...(c.note ? { note: c.note } : {}),
        lowConfidence: c.confidence === 'low',
        sourceIds: c.sourceIds,
        history: c.history.map((h) => ({ date: formatDate(h.date), status: STATUS_WORD[h.status], note: h.note, sourceIds: h.sourceIds })),
        sites: c.sites ?? [],
        ...where,
      };
    });
}

/** /map/crossings.json: the crossings' details and their sources, fetched when a reader first opens one. */
export function crossingDetails(data: Datasets): { crossings: MapCrossing[]; sources: Record<string, MapSource> } {
  const crossings = mapCrossings(data);
  const used = new Set(crossings.flatMap((c) => [...c.sourceIds, ...c.history.flatMap((h) => h.sourceIds), ...c.sites.flatMap((t) => t.sourceIds)]));
  return { crossings, sources: Object.fromEntries(data.sources.filter((x) => used.has(x.id)).map((x) => [x.id, mapSource(x)])) };
}

export function mapData(data: Datasets, basemap: BasemapLayers): MapData {
  const crossings: MapCrossingMark[] = mapCrossings(data).map(
    ({ id, name, kind, status, statusLabel, statusDate, lat, lon, precision, precisionKey, geoNote, ...rest }) =>
      ({
        id,
        name,
        kind,
        status,
        statusLabel,
        statusDate,
        ...('district' in rest
          ? { lat: null, lon: null, precision, precisionKey: 'district' as const, geoNote: geoNote!, district: rest.district }
          : { lat: lat!, lon: lon!, precision, precisionKey, ...(geoNote ? { geoNote } : {}) }),
      }) as MapCrossingMark,
  );
  const pointed = crossings.flatMap((c) => (c.lat === null ? [] : [c]));
  const placed = placedIncidents(data);
  const compact = placed.length > EACH_UP_TO;
  const incidents: MapIncidentMark[] = compact ? [] : placed.map(mapMark);
  // The route as runs of consecutive known points: a point without a location (the border
  // crossing) breaks the line instead of being guessed across.
  const routePts = data.pipeline.flatMap((r) => (r.kind === 'route-point' ? [r] : [])).sort((a, b) => a.order - b.order);
  const route: MapData['route'] = [];
  for (let k = 1; k < routePts.length; k++) {
    const a = routePts[k - 1]!;
    const b = routePts[k]!;
    if (!a.location || !b.location) continue;
    route.push([a, b].map((p) => ({ name: p.name, role: p.role, lat: p.location!.lat, lon: p.location!.lon, planned: b.segment !== 'iran-built' })));
  }
  // A town at a crossing's very point is named by the crossing's label.
  const atCrossing = new Set(pointed.map((c) => `${c.lat},${c.lon}`));
  const towns = data.places
    .filter((p) => !atCrossing.has(`${p.location.lat},${p.location.lon}`))
    .map((p) => ({
      id: p.id,
      name: p.name,
      ...(p.nameLocal ? { local: p.nameLocal } : {}),
      country: p.country,
      rank: p.rank,
      lat: p.location.lat,
      lon: p.location.lon,
    }));
  // The opening view: every crossing and incident, and Gwadar, where Pakistan's first phase ends.
  const phaseOneEnd = routePts.filter((p) => p.segment === 'pakistan-phase-1' && p.location).map((p) => p.location!);
  const pts = [...pointed, ...placed.map((i) => i.location!), ...phaseOneEnd];
  const pad = 0.6;
  const view: MapData['view'] = pts.length
    ? [min(pts, (p) => p.lon)! - pad, min(pts, (p) => p.lat)! - pad, max(pts, (p) => p.lon)! + pad, max(pts, (p) => p.lat)! + pad]
    : [60, 25, 65, 30];
  // Label points derived from the basemap, not typed: the centroid of each country's outline
  // clipped to the opening view, found on a Mercator projection of that view and turned back into
  // longitude and latitude.
  const projection = geoMercator()
    .fitExtent(
      [
        [0, 0],
        [1000, 1000],
      ],
      {
        type: 'MultiPoint',
        coordinates: [
          [view[0], view[1]],
          [view[2], view[3]],
        ],
      },
    )
    .clipExtent([
      [0, 0],
      [1000, 1000],
    ]);
  const path = geoPath(projection);
  const countryLabels = basemap.countries.features
    .filter((f) => ['IRN', 'PAK', 'AFG'].includes(f.properties.country))
    .flatMap((f) => {
      const ll = projection.invert?.(path.centroid(f));
      return ll && Number.isFinite(ll[0]) && path.area(f) > 20000 ? [{ name: f.properties.name, lat: +ll[1].toFixed(3), lon: +ll[0].toFixed(3) }] : [];
    });
  return {
    view,
    chunk: CHUNK,
    crossings,
    incidents,
    route,
    countryLabels,
    towns,
    ...(compact
      ? {
          points: {
            ids: placed.map((i) => i.id),
            lat: placed.map((i) => +i.location!.lat.toFixed(4)),
            lon: placed.map((i) => +i.location!.lon.toFixed(4)),
            side: placed.map((i) => (i.side === 'iran' ? 'i' : 'p')).join(''),
            killed: placed.map((i) => i.killed?.max ?? -1),
            chunk: CHUNK,
          },
        }
      : {}),
    unmapped: {
      crossings: data.crossings.filter((c) => !pointOf(c.location) && !isDistrictOnly(c)).map(crossingName),
      incidents: data.incidents.filter((i) => !i.location).length,
    },
  };
}
