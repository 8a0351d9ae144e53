/**
 * Model of the static locator map: country outlines, the crossings (squares), the incidents
 * (circles, area by the number killed; dashed where the point stands in for a town or district),
 * the pipeline route (solid where built, dashed where planned) and town labels. Drawn at build
 * time with d3-geo, so the map reads with JavaScript off, in print and in feed readers.
 */
import { geoMercator, geoPath, scaleSqrt } from 'd3';
import type { Datasets } from '../data';
import { formatDate, formatRange } from '../format';

export interface LocatorModel {
  width: number; height: number;
  countries: { name: string; d: string; focus: boolean }[];
  countryLabels: { name: string; x: number; y: number }[];
  route: { d: string; planned: boolean }[];
  crossings: { id: string; x: number; y: number; label: string; status: string; title: string; labelAnchor: 'start' | 'end' }[];
  incidents: { id: string; x: number; y: number; r: number; side: 'iran' | 'pakistan'; approximate: boolean; title: string }[];
  towns: { id: string; x: number; y: number; name: string }[];
}

export function locatorModel(data: Datasets, basemap: GeoJSON.FeatureCollection, width: number): LocatorModel {
  const height = Math.round(width * 0.8);
  const pts = [
    ...data.crossings.flatMap((c) => (c.location ? [[c.location.lon, c.location.lat]] : [])),
    ...data.incidents.flatMap((i) => (i.location ? [[i.location.lon, i.location.lat]] : [])),
  ] as [number, number][];
  const lons = pts.map((p) => p[0]);
  const lats = pts.map((p) => p[1]);
  const pad = 1.3;
  const extent: GeoJSON.Feature = { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: [[Math.min(...lons) - pad, Math.min(...lats) - pad], [Math.max(...lons) + pad, Math.max(...lats) + pad]] } };
  const projection = geoMercator().fitExtent([[8, 8], [width - 8, height - 8]], extent).clipExtent([[0, 0], [width, height]]);
  const path = geoPath(projection);
  const xy = (lon: number, lat: number) => projection([lon, lat]) ?? [0, 0];
  const inside = ([x, y]: [number, number]) => x >= 0 && x <= width && y >= 0 && y <= height;
  const countries = basemap.features.map((f) => ({ name: String(f.properties?.name ?? ''), d: path(f) ?? '', focus: ['Iran', 'Pakistan'].includes(String(f.properties?.name)) }));
  const countryLabels = basemap.features
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
  const maxKilled = Math.max(1, ...data.incidents.map((i) => i.killed?.max ?? 0));
  const r = scaleSqrt().domain([0, maxKilled]).range([3, width < 500 ? 12 : 18]);
  const crossings = data.crossings.flatMap((c) => {
    if (!c.location) return [];
    const [x, y] = xy(c.location.lon, c.location.lat);
    const last = c.history[c.history.length - 1]!;
    const label = [c.namePk, c.nameIr].filter(Boolean).join('–');
    return [{ id: c.id, x, y, label, status: last.status, title: `${label}: ${last.status} (${formatDate(last.date)}). ${c.location.geoNote ?? ''}`, labelAnchor: (x > width * 0.7 ? 'end' : 'start') as 'start' | 'end' }];
  });
  const incidents = data.incidents.flatMap((i) => {
    if (!i.location) return [];
    const [x, y] = xy(i.location.lon, i.location.lat);
    return [{ id: i.id, x, y, r: r(i.killed?.max ?? 0), side: i.side, approximate: i.location.geoPrecision !== 'exact', title: `${formatDate(i.date)}, ${i.place}: ${i.killed ? `${formatRange(i.killed)} killed` : 'no count reported'}. ${i.location.geoNote ?? ''}` }];
  });
  const crossingSpots = new Set(crossings.map((c) => `${Math.round(c.x)},${Math.round(c.y)}`));
  const towns = data.places
    .filter((p) => p.rank === 1)
    .map((p) => { const [x, y] = xy(p.location.lon, p.location.lat); return { id: p.id, x, y, name: p.name }; })
    .filter((t) => inside([t.x, t.y]) && !crossingSpots.has(`${Math.round(t.x)},${Math.round(t.y)}`));
  return { width, height, countries, countryLabels, route, crossings, incidents, towns };
}
