/**
 * `npm run basemap`: writes data/geo/countries.geo.json, the country outlines the static locator
 * map draws: Natural Earth 1:50m (public domain) via the world-atlas package, cut to the countries
 * around the Iran-Pakistan border. Run once; the output is committed, so the site never fetches a
 * map from anywhere. (Province lines and a Leaflet basemap are the map issue's next step.)
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';

const require = createRequire(import.meta.url);
const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
// ISO 3166 numeric codes: Iran, Pakistan, Afghanistan, Oman, United Arab Emirates, India, Turkmenistan.
const KEEP = new Map([['364', 'Iran'], ['586', 'Pakistan'], ['004', 'Afghanistan'], ['512', 'Oman'], ['784', 'United Arab Emirates'], ['356', 'India'], ['795', 'Turkmenistan']]);
const all = feature(topo, topo.objects.countries);
const round = (v: unknown): unknown => (Array.isArray(v) ? v.map(round) : typeof v === 'number' ? Math.round(v * 1e3) / 1e3 : v);
const features = all.features
  .filter((f) => KEEP.has(String(f.id)))
  .map((f) => ({ type: 'Feature', id: String(f.id), properties: { name: KEEP.get(String(f.id)) }, geometry: { ...f.geometry, coordinates: round((f.geometry as { coordinates: unknown }).coordinates) } }));
mkdirSync('data/geo', { recursive: true });
const out = JSON.stringify({ type: 'FeatureCollection', source: 'Natural Earth 1:50m admin-0 countries (public domain), via world-atlas 2.0.2', features });
writeFileSync('data/geo/countries.geo.json', out);
console.log(`Wrote data/geo/countries.geo.json: ${features.length} countries, ${(out.length / 1024).toFixed(1)} KB`);
