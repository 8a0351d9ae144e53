/**
 * The basemap as layers: country and province polygons from the committed TopoJSON
 * (data/geo/basemap.topo.json, made by `npm run basemap`), plus the lines worth stroking. The
 * polygons are clipped to a box, so their outlines include the clip edges; the borders are drawn
 * from shared arcs only (topojson mesh), so no false border runs along the edge of the map.
 * Pure: used by the static locator at build time and by the live map in the browser.
 */
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface BasemapProps {
  name: string;
  country: string;
  iso?: string;
}
export type BasemapTopology = Topology<{ countries: GeometryCollection<BasemapProps>; provinces: GeometryCollection<BasemapProps> }> & {
  source?: string;
  note?: string;
  bbox?: [number, number, number, number];
};

export interface BasemapLayers {
  countries: GeoJSON.FeatureCollection<GeoJSON.Geometry, BasemapProps>;
  /** The two border provinces, Balochistan (PK-BA) and Sistan and Baluchestan (IR-13). */
  focusProvinces: GeoJSON.FeatureCollection<GeoJSON.Geometry, BasemapProps>;
  /** International borders (arcs shared by two countries). */
  countryBorders: GeoJSON.MultiLineString;
  /** Province lines inside Iran and Pakistan. */
  provinceLines: GeoJSON.MultiLineString;
  source: string;
  note: string;
}

export const FOCUS_PROVINCES = ['PK-BA', 'IR-13'] as const;

export function basemapLayers(topo: BasemapTopology): BasemapLayers {
  const countries = feature(topo, topo.objects.countries) as BasemapLayers['countries'];
  const provinces = feature(topo, topo.objects.provinces) as BasemapLayers['focusProvinces'];
  const focusProvinces = { ...provinces, features: provinces.features.filter((f) => (FOCUS_PROVINCES as readonly string[]).includes(f.properties.iso ?? '')) };
  const countryBorders = mesh(topo, topo.objects.countries, (a, b) => a !== b);
  const country = (g: { properties?: unknown }) => (g.properties as BasemapProps | undefined)?.country ?? '';
  const provinceLines = mesh(topo, topo.objects.provinces, (a, b) => a !== b && country(a) === country(b) && ['IRN', 'PAK'].includes(country(a)));
  return { countries, focusProvinces, countryBorders, provinceLines, source: topo.source ?? 'Natural Earth', note: topo.note ?? '' };
}
