/**
 * Model of the static locator map: country outlines, the crossings (squares), the incidents
 * (circles, area by the number killed; dashed where the point stands in for a town or district),
 * the pipeline route (solid where built, dashed where planned) and town labels. Drawn at build
 * time with d3-geo, so the map reads with JavaScript off, in print and in feed readers.
 */
import { geoMercator, geoPath, max, min, scaleSqrt } from 'd3';
import type { Datasets } from '../data';
import { formatDate, formatNumber, formatRange } from '../format';
import { EACH_UP_TO } from '../incident-volume';
import type { BasemapLayers } from '../map/basemap';
import { crossingName, PRECISION_WORD, STATUS_GROUP } from '../labels';
import { estimateTextWidth, overlaps, type Box, roundPositions } from './common';
import { pointOf } from '../../schemas/primitives';

/** Where a label goes relative to its point, in order of preference. */
type Placement = { dx: number; dy: number; anchor: 'start' | 'end' | 'middle' };
const PLACEMENTS: Placement[] = [
  { dx: 8, dy: 4, anchor: 'start' },
  { dx: -8, dy: 4, anchor: 'end' },
  { dx: 0, dy: -9, anchor: 'middle' },
  { dx: 0, dy: 16, anchor: 'middle' },
];
const LABEL_SIZE = 11;

function labelBox(x: number, y: number, text: string, p: Placement): Box {
  const w = estimateTextWidth(text, LABEL_SIZE);
  const x0 = p.anchor === 'start' ? x + p.dx : p.anchor === 'end' ? x + p.dx - w : x - w / 2;
  return { x0, x1: x0 + w, y0: y + p.dy - LABEL_SIZE, y1: y + p.dy + 2 };
}

/** How the point was placed: exact, at the named town, at a district seat standing for the district, derived; "cell" for a 1° cell. */
export type LocatorPrecision = 'exact' | 'town' | 'district' | 'derived' | 'cell';
export interface LocatorIncident {
  id: string;
  x: number;
  y: number;
  r: number;
  side: 'iran' | 'pakistan' | 'mixed';
  precision: LocatorPrecision;
  lowConfidence: boolean;
  title: string;
}
type Project = (lon: number, lat: number) => [number, number];

function eachIncident(data: Datasets, xy: Project, width: number): LocatorIncident[] {
  const r = scaleSqrt()
    .domain([0, Math.max(1, max(data.incidents, (i) => i.killed?.max ?? 0) ?? 0)])
    .range([3, width < 500 ? 12 : 18]);
  return data.incidents.flatMap((i) => {
    if (!i.location) return [];
    const [x, y] = xy(i.location.lon, i.location.lat);
    return [
      {
        id: i.id,
        x,
        y,
        r: r(i.killed?.max ?? 0),
        side: i.side,
        precision: i.location.geoPrecision,
        lowConfidence: i.confidence === 'low',
        title: `${formatDate(i.date)}, ${i.place}: ${i.killed ? `${formatRange(i.killed)} killed` : 'no count reported'}${i.confidence === 'low' ? ' (low confidence)' : ''}; ${PRECISION_WORD[i.location.geoPrecision]}`,
      },
    ];
  });
}

/** Beyond EACH_UP_TO: one circle per 1° by 1° cell at the cell's centre, area by the number of incidents. */
function incidentCells(data: Datasets, xy: Project, width: number): LocatorIncident[] {
  const cells = new Map<string, { lat: number; lon: number; n: number; iran: number; min: number; max: number }>();
  for (const i of data.incidents) {
    if (!i.location) continue;
    const lat = Math.floor(i.location.lat);
    const lon = Math.floor(i.location.lon);
    const key = `${lat},${lon}`;
    let c = cells.get(key);
    if (!c) {
      c = { lat, lon, n: 0, iran: 0, min: 0, max: 0 };
      cells.set(key, c);
    }
    c.n += 1;
    if (i.side === 'iran') c.iran += 1;
    c.min += i.killed?.min ?? 0;
    c.max += i.killed?.max ?? 0;
  }
  const r = scaleSqrt()
    .domain([0, Math.max(1, max(cells.values(), (c) => c.n) ?? 0)])
    .range([3, width < 500 ? 14 : 22]);
  return [...cells.entries()].map(([key, c]) => {
    const [x, y] = xy(c.lon + 0.5, c.lat + 0.5);
    const side = c.iran === c.n ? 'iran' : c.iran === 0 ? 'pakistan' : 'mixed';
    return {
      id: `cell-${key}`,
      x,
      y,
      r: r(c.n),
      side,
      precision: 'cell' as const,
      lowConfidence: false,
      title: `${formatNumber(c.n)} incidents between ${c.lat}° and ${c.lat + 1}° N, ${c.lon}° and ${c.lon + 1}° E: ${formatRange({ min: c.min, max: c.max })} killed`,
    };
  });
}

export interface LocatorModel {
  width: number;
  height: number;
  countries: { name: string; d: string; focus: boolean }[];
  countryLabels: { name: string; x: number; y: number }[];
  route: { d: string; planned: boolean }[];
  /** The two border provinces, tinted, and the lines between provinces and countries. */
  provinces: { name: string; d: string }[];
  provinceLines: string;
  countryBorders: string;
  crossings: {
    id: string;
    x: number;
    y: number;
    label: string;
    status: string;
    title: string;
    labelX: number;
    labelY: number;
    labelAnchor: 'start' | 'end' | 'middle';
  }[];
  /** Each incident, or beyond EACH_UP_TO incidents, one circle per 1° cell (side "mixed" when both sides are in it). */
  incidents: LocatorIncident[];
  /** True when incidents are drawn as 1° cells. */
  cells: boolean;
  /** Towns whose label fits without touching another label or a crossing; the rest are left off. */
  towns: { id: string; x: number; y: number; name: string; labelX: number; labelY: number; labelAnchor: 'start' | 'end' | 'middle' }[];
}

export function locatorModel(data: Datasets, basemap: BasemapLayers, width: number): LocatorModel {
  // Narrow: taller than wide (360 x 414), so the border, which runs north-south, fills a phone.
  const height = Math.round(width < 500 ? width * 1.15 : width * 0.8);
  const pts = [
    ...data.crossings.flatMap((c) => {
      const p = pointOf(c.location);
      return p ? [[p.lon, p.lat]] : [];
    }),
    ...data.incidents.flatMap((i) => (i.location ? [[i.location.lon, i.location.lat]] : [])),
  ] as [number, number][];
  const lons = pts.map((p) => p[0]);
  const lats = pts.map((p) => p[1]);
  const pad = 1.3;
  const extent: GeoJSON.Feature = {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiPoint',
      coordinates: [
        [min(lons)! - pad, min(lats)! - pad],
        [max(lons)! + pad, max(lats)! + pad],
      ],
    },
  };
  const projection = geoMercator()
    .fitExtent(
      [
        [8, 8],
        [width - 8, height - 8],
      ],
      extent,
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
  const path = geoPath(projection).digits(1);
  const xy = (lon: number, lat: number) => projection([lon, lat]) ?? [0, 0];
  const inside = ([x, y]: [number, number]) => x >= 0 && x <= width && y >= 0 && y <= height;
  const countries = basemap.countries.features.map((f) => ({
    name: String(f.properties?.name ?? ''),
    d: path(f) ?? '',
    focus: ['Iran', 'Pakistan'].includes(String(f.properties?.name)),
  }));
  const provinces = basemap.focusProvinces.features.map((f) => ({ name: f.properties.name, d: path(f) ?? '' }));
  const provinceLines = path(basemap.provinceLines) ?? '';
  const countryBorders = path(basemap.countryBorders) ?? '';
  const countryCentres = basemap.countries.features
    .filter((f) => ['Iran', 'Pakistan', 'Afghanistan'].includes(String(f.properties?.name)))
    .map((f) => {
      // Label inside the visible part of the country: centroid of its clipped outline.
      const [x, y] = path.centroid(f);
      return { name: String(f.properties?.name), x, y };
    })
    .filter((l) => Number.isFinite(l.x) && inside([l.x, l.y]));
  // The route is schematic: straight lines between consecutive named points, and only where both
  // points are known. A point without coordinates (the border crossing) breaks the line rather
  // than being guessed across.
  const routePts = data.pipeline.flatMap((r) => (r.kind === 'route-point' ? [r] : [])).sort((a, b) => a.order - b.order);
  const route = routePts.slice(1).flatMap((p, i) => {
    const prev = routePts[i]!;
    if (!prev.location || !p.location) return [];
    const a = xy(prev.location.lon, prev.location.lat);
    const b = xy(p.location.lon, p.location.lat);
    return [{ d: `M${a[0].toFixed(1)},${a[1].toFixed(1)}L${b[0].toFixed(1)},${b[1].toFixed(1)}`, planned: p.segment !== 'iran-built' }];
  });
  const taken: Box[] = [];
  const place = (x: number, y: number, text: string, force: boolean) => {
    const ok = (b: Box) => b.x0 >= 2 && b.x1 <= width - 2 && b.y0 >= 2 && b.y1 <= height - 2 && !taken.some((t) => overlaps(t, b));
    const p = PLACEMENTS.find((c) => ok(labelBox(x, y, text, c))) ?? (force ? PLACEMENTS[x > width * 0.7 ? 1 : 0]! : undefined);
    if (!p) return undefined;
    taken.push(labelBox(x, y, text, p));
    return { labelX: x + p.dx, labelY: y + p.dy, labelAnchor: p.anchor };
  };
  const crossingPts = data.crossings.flatMap((c) => {
    const p = pointOf(c.location);
    if (!p) return [];
    const [x, y] = xy(p.lon, p.lat);
    // The crossing's square is an obstacle for every label.
    taken.push({ x0: x - 6, x1: x + 6, y0: y - 6, y1: y + 6 });
    return [{ c, x, y }];
  });
  const crossings = crossingPts.map(({ c, x, y }) => {
    const last = c.history[c.history.length - 1]!;
    const label = crossingName(c);
    // Crossings are always labelled (forced where nothing fits): they are the map's subject.
    return {
      id: c.id,
      x,
      y,
      label,
      status: STATUS_GROUP[last.status],
      title: `${label}: ${last.status} (${formatDate(last.date)}). ${pointOf(c.location)!.geoNote ?? ''}`,
      ...place(x, y, label, true)!,
    };
  });
  const incidents = data.incidents.length <= EACH_UP_TO ? eachIncident(data, xy, width) : incidentCells(data, xy, width);
  const crossingSpots = new Set(crossings.map((c) => `${Math.round(c.x)},${Math.round(c.y)}`));
  const towns = data.places
    .filter((p) => p.rank === 1)
    .flatMap((p) => {
      const [x, y] = xy(p.location.lon, p.location.lat);
      if (!inside([x, y]) || crossingSpots.has(`${Math.round(x)},${Math.round(y)}`)) return [];
      const at = place(x, y, p.name, false);
      return at ? [{ id: p.id, x, y, name: p.name, ...at }] : [];
    });
  // Country names last: moved up or down off any crossing or town label, or left off.
  const countryLabels = countryCentres.flatMap((l) => {
    const text = l.name.toUpperCase();
    const w = estimateTextWidth(text, 12) * 1.3; // letter-spaced
    for (const dy of [0, 18, -18, 36, -36]) {
      const b = { x0: l.x - w / 2, x1: l.x + w / 2, y0: l.y + dy - 12, y1: l.y + dy + 2 };
      if (b.x0 >= 0 && b.x1 <= width && !taken.some((t) => overlaps(t, b))) {
        taken.push(b);
        return [{ ...l, y: l.y + dy }];
      }
    }
    return [];
  });
  return roundPositions({
    width,
    height,
    countries,
    provinces,
    provinceLines,
    countryBorders,
    countryLabels,
    route,
    crossings,
    incidents,
    cells: data.incidents.length > EACH_UP_TO,
    towns,
  });
}
