/**
 * The live map's state in the URL, so any view can be linked:
 *   #map=crossing/gabd-rimdan&layers=crossings,incidents&view=7.5/27.1000/62.3000
 * `map` names the selected feature (or "all" for none), `layers` the visible layers when they are
 * not all shown, `view` zoom/lat/lon when the reader has moved the map. Pure, for the browser and tests.
 */
export type LayerKey = 'crossings' | 'incidents' | 'pipeline' | 'towns';
/** The map's layers, in legend order. */
export const LAYERS: readonly { key: LayerKey; label: string }[] = [
  { key: 'crossings', label: 'Crossings and markets' },
  { key: 'incidents', label: 'Incidents' },
  { key: 'pipeline', label: 'Gas pipeline' },
  { key: 'towns', label: 'Towns' },
];
export const ALL_LAYERS: readonly LayerKey[] = LAYERS.map((l) => l.key);
export type FeatureRef = { type: 'crossing' | 'incident'; id: string };
export interface MapState {
  feature?: FeatureRef;
  layers: LayerKey[];
  view?: { zoom: number; lat: number; lon: number };
}

/** The state a hash asks for, or undefined when the hash is not about the map (a section anchor, say). */
export function parseMapHash(hash: string): MapState | undefined {
  const raw = hash.replace(/^#/, '');
  if (!raw.startsWith('map=')) return undefined;
  const params = new URLSearchParams(raw);
  const state: MapState = { layers: [...ALL_LAYERS] };
  const m = /^(crossing|incident)\/([a-z0-9-]+)$/.exec(params.get('map') ?? '');
  if (m) state.feature = { type: m[1] as FeatureRef['type'], id: m[2]! };
  const layers = params.get('layers');
  if (layers !== null) state.layers = ALL_LAYERS.filter((l) => layers.split(',').includes(l));
  const v = /^(\d{1,3}(?:\.\d{1,8})?)\/(-?\d{1,3}(?:\.\d{1,8})?)\/(-?\d{1,3}(?:\.\d{1,8})?)$/.exec(params.get('view') ?? '');
  if (v) {
    const view = { zoom: Number(v[1]), lat: Number(v[2]), lon: Number(v[3]) };
    // A view from a link is checked: a number past what a map can show is dropped, not passed on.
    if (Object.values(view).every(Number.isFinite) && view.zoom <= 30 && Math.abs(view.lat) <= 90 && Math.abs(view.lon) <= 180) state.view = view;
  }
  return state;
}

/** A view brought inside what the map can show: its zoom range and its bounds ([west, south, east, north]). */
export function clampView(
  view: { zoom: number; lat: number; lon: number },
  limits: { minZoom: number; maxZoom: number; bounds: readonly number[] },
): { zoom: number; lat: number; lon: number } {
  const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
  const [w = -180, s = -90, e = 180, n = 90] = limits.bounds;
  return { zoom: clamp(view.zoom, limits.minZoom, limits.maxZoom), lat: clamp(view.lat, s, n), lon: clamp(view.lon, w, e) };
}

export function formatMapHash(state: MapState): string {
  const parts = [`map=${state.feature ? `${state.feature.type}/${state.feature.id}` : 'all'}`];
  if (state.layers.length !== ALL_LAYERS.length) parts.push(`layers=${ALL_LAYERS.filter((l) => state.layers.includes(l)).join(',')}`);
  if (state.view) parts.push(`view=${+state.view.zoom.toFixed(2)}/${state.view.lat.toFixed(4)}/${state.view.lon.toFixed(4)}`);
  return `#${parts.join('&')}`;
}
