/**
 * The live border map: Leaflet over the committed Natural Earth basemap (no tiles, no third-party
 * request), with crossings, incidents, the pipeline and towns, a details panel, layer toggles and
 * the view in the URL. Loaded by border-map.ts when the map nears the viewport.
 *
 * Keyboard: crossings, then incidents, are markers in the Tab order (north to south, then by date;
 * incidents drawn at one point share one marker, which lists them); the crossings known only to
 * their district follow on the border strip beside the map. Enter opens a feature's details, Escape
 * closes them and returns focus to where it was. Beyond EACH_UP_TO incidents, "List the incidents in
 * view" is the keyboard and screen-reader way into the canvas of cells.
 * Scrolling the page over the map never zooms it: Ctrl (or ⌘) + scroll, or two fingers, do.
 */
import L from 'leaflet';
// The CSS as files, not imports: an imported stylesheet would be inlined into every page; these
// are fetched here, with the map, and the map is drawn once they apply.
import leafletCss from 'leaflet/dist/leaflet.css?url';
import mapCss from './border-map.css?url';
import { basemapLayers, type BasemapTopology } from '../lib/map/basemap';
import { formatNumber } from '../lib/format';
import { ALL_LAYERS, clampView, formatMapHash, parseMapHash, type FeatureRef, type LayerKey, type MapState } from '../lib/map/hash';
import type { MapCrossing, MapCrossingMark, MapData, MapIncident, MapIncidentMark, MapSource } from '../lib/map/map-data';
import { IncidentCells, type Cell } from './incident-cells';

/**
 * Every node the map shows is built here, with the data as text. Leaflet sets a string given to a
 * tooltip, popup or divIcon as innerHTML, so the map never hands it a string: always a node from el().
 */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string } = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.className) e.className = props.className;
  if (props.text !== undefined) e.textContent = props.text;
  e.append(...children);
  return e;
}

const svgNs = 'http://www.w3.org/2000/svg';
function svgIcon(size: number, draw: (svg: SVGSVGElement, c: number) => void): SVGSVGElement {
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('aria-hidden', 'true');
  draw(svg, size / 2);
  return svg;
}
function svgChild(parent: SVGElement, tag: string, attrs: Record<string, string | number>): SVGElement {
  const c = document.createElementNS(svgNs, tag);
  for (const [k, v] of Object.entries(attrs)) c.setAttribute(k, String(v));
  parent.append(c);
  return c;
}

/** Circle area by the number killed (the most reported), as on the static map and the chart. */
function radius(killed: [number, number] | null, max: number): number {
  if (!killed) return 5;
  return 5 + 15 * Math.sqrt(killed[1] / Math.max(1, max));
}

export async function mount(root: HTMLElement): Promise<{ apply: (state: MapState, scroll: boolean) => void }> {
  const canvasEl = root.querySelector<HTMLElement>('.map-canvas')!;
  const panel = root.querySelector<HTMLElement>('.map-panel')!;
  const panelBody = panel.querySelector<HTMLElement>('.map-panel-body')!;
  const panelTitle = panel.querySelector<HTMLElement>('.map-panel-title')!;
  const subhead = panelTitle.tagName === 'H3' ? 'h4' : 'h5';
  const closeButton = panel.querySelector<HTMLButtonElement>('.map-panel-close')!;
  const hint = root.querySelector<HTMLElement>('.map-hint')!;
  const status = root.querySelector<HTMLElement>('.map-status')!;

  root.dataset.state = 'loading';
  const styles = Promise.all(
    [leafletCss, mapCss].map(
      (href) =>
        new Promise<void>((resolve, reject) => {
          if (document.querySelector(`link[href="${href}"]`)) return resolve();
          const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
          link.addEventListener('load', () => resolve());
          link.addEventListener('error', () => reject(new Error(`${href} did not load`)));
          document.head.append(link);
        }),
    ),
  );
  const json = async <T>(url: string): Promise<T> => {
    const r = await fetch(url);
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    return r.json() as Promise<T>;
  };
  const [data, topo] = await Promise.all([json<MapData>(root.dataset.src!), json<BasemapTopology>(root.dataset.basemap!), styles]);
  root.querySelector<HTMLElement>('.map-frame')!.hidden = false;
  root.classList.add('is-live');

  // Colours from the page's custom properties, read again when the colour scheme changes (canvas
  // layers do not follow CSS by themselves; the markers, being SVG styled by CSS, do).
  const color = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#777';
  const coarse = matchMedia('(pointer: coarse)').matches;
  const [w, s, e, n] = data.view;
  const viewBounds = L.latLngBounds([s, w], [n, e]);
  const bbox = topo.bbox ?? [w - 5, s - 5, e + 5, n + 5];
  // One canvas for every vector layer (the basemap and the route); incidents at scale have their own.
  const canvas = L.canvas({ padding: 0.3 });
  const map = L.map(canvasEl, {
    renderer: canvas,
    zoomSnap: 0.25,
    minZoom: 4,
    maxZoom: 11,
    maxBounds: L.latLngBounds([bbox[1], bbox[0]], [bbox[3], bbox[2]]),
    maxBoundsViscosity: 0.8,
    scrollWheelZoom: false,
    dragging: !coarse,
    tapHold: false,
    attributionControl: true,
    zoomControl: true,
  });
  // A view first: vector layers added to a map without one fail (Leaflet's _clipPoints).
  map.fitBounds(viewBounds);
  map.attributionControl.setPrefix('Leaflet');
  map.attributionControl.addAttribution('Boundaries: Natural Earth · Places: GeoNames (CC BY 4.0)');

  const layers: Record<LayerKey, L.LayerGroup> = { crossings: L.layerGroup(), incidents: L.layerGroup(), pipeline: L.layerGroup(), towns: L.layerGroup() };

  // Basemap: land, the two border provinces tinted, province lines, borders. No tiles.
  const base = basemapLayers(topo);
  const focusCountry = new Set(['IRN', 'PAK']);
  const styled: { layer: L.Path | L.GeoJSON; style: () => L.PathOptions | ((f?: GeoJSON.Feature) => L.PathOptions) }[] = [];
  const paint = <T extends L.Path | L.GeoJSON>(layer: T, style: () => L.PathOptions | ((f?: GeoJSON.Feature) => L.PathOptions)): T => {
    styled.push({ layer, style });
    (layer as L.GeoJSON).setStyle(style() as L.PathOptions);
    return layer;
  };
  paint(L.geoJSON(base.countries, { interactive: false }), () => (f?: GeoJSON.Feature) => ({
    stroke: false,
    fillOpacity: 1,
    fillColor: focusCountry.has(f?.properties?.country ?? '') ? color('--bg') : color('--surface'),
  })).addTo(map);
  paint(L.geoJSON(base.focusProvinces, { interactive: false }), () => ({ stroke: false, fillColor: color('--warn'), fillOpacity: 0.1 })).addTo(map);
  paint(L.geoJSON(base.provinceLines, { interactive: false }), () => ({ color: color('--muted'), weight: 0.8, dashArray: '3 3', opacity: 0.8 })).addTo(map);
  paint(L.geoJSON(base.countryBorders, { interactive: false }), () => ({ color: color('--text'), weight: 1.5 })).addTo(map);

  // The pipeline: built solid, planned dashed, broken where a point is unknown.
  for (const seg of data.route) {
    const planned = seg[0]!.planned;
    paint(
      L.polyline(
        seg.map((p) => [p.lat, p.lon] as L.LatLngTuple),
        { dashArray: planned ? '8 6' : undefined, interactive: false },
      ),
      () => ({ color: color('--accent'), weight: 3 }),
    ).addTo(layers.pipeline);
  }

  for (const c of data.countryLabels) {
    L.marker([c.lat, c.lon], {
      icon: L.divIcon({ className: 'map-country', html: el('span', { text: c.name.toUpperCase() }), iconSize: [0, 0] }),
      interactive: false,
      keyboard: false,
    }).addTo(map);
  }

  // Towns: labels from the data; rank 2 only when zoomed in.
  const townMarkers = data.towns.map((t) => {
    const label = el('span', { className: 'map-town-label', text: t.name });
    const icon = L.divIcon({
      className: `map-town rank-${t.rank}`,
      html: el('span', {}, el('span', { className: 'map-town-dot' }), label),
      iconSize: [6, 6],
      iconAnchor: [3, 3],
    });
    return { rank: t.rank, marker: L.marker([t.lat, t.lon], { icon, interactive: false, keyboard: false }) };
  });
  const showTowns = () => {
    layers.towns.clearLayers();
    for (const t of townMarkers) if (t.rank === 1 || map.getZoom() >= 7) layers.towns.addLayer(t.marker);
  };
  // A town label that would touch a crossing's label, a country name or an earlier town's label
  // is hidden (crossings first: they are the map's subject). Measured after each zoom.
  const declutter = () => {
    const kept: DOMRect[] = [...root.querySelectorAll('.map-crossing-label, .map-country span')].map((e) => e.getBoundingClientRect());
    const hit = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    for (const label of root.querySelectorAll<HTMLElement>('.map-town-label')) {
      label.style.visibility = '';
      const r = label.getBoundingClientRect();
      if (kept.some((k) => hit(k, r))) label.style.visibility = 'hidden';
      else kept.push(r);
    }
  };
  showTowns();
  map.on('zoomend', () => {
    showTowns();
    declutter();
    retarget();
  });

  // Features that open details: crossings, then incidents (the Tab order).
  const markers = new Map<string, L.Marker | L.CircleMarker>();
  const key = (ref: FeatureRef) => `${ref.type}/${ref.id}`;
  let selected: FeatureRef | undefined;
  let returnFocus: HTMLElement | null = null;

  // Every marker is a target: a button of at least TARGET by TARGET px (WCAG 2.5.8), named for
  // screen readers, opened with Enter or Space. Where, at the current zoom, an incident marker would
  // sit under a crossing's or a bigger incident marker's target, it stops being a target of its own
  // (it is still drawn) and the one above lists it: no target is ever hidden under another.
  const TARGET = 24;
  interface Target {
    marker: L.Marker;
    size: number;
    crossing?: MapCrossingMark;
    own: MapIncidentMark[];
    extra: MapIncidentMark[];
    kept: boolean;
  }
  const targets: Target[] = [];
  const targetOf = new Map<string, Target>();
  const byDate = (a: MapIncidentMark, b: MapIncidentMark) => data.incidents.indexOf(a) - data.incidents.indexOf(b);
  const incidentsOf = (t: Target) => [...t.own, ...t.extra].sort(byDate);
  const labelOf = (t: Target): string => {
    const all = incidentsOf(t);
    if (t.crossing) {
      const c = t.crossing;
      return `Crossing: ${c.name}, ${c.statusLabel} since ${c.statusDate}${all.length ? `, with ${all.length} ${all.length === 1 ? 'incident' : 'incidents'} drawn beside it` : ''}. Open details`;
    }
    if (all.length === 1) return `Incident: ${all[0]!.date}, ${all[0]!.place}, ${all[0]!.killedLabel} killed. Open details`;
    return `${all.length} incidents drawn here, ${all[0]!.date} to ${all[all.length - 1]!.date}. Open the list`;
  };
  const go = (t: Target): Promise<void> => {
    if (t.crossing) return open({ type: 'crossing', id: t.crossing.id }, true);
    const all = incidentsOf(t);
    return all.length === 1 ? open({ type: 'incident', id: all[0]!.id }, true) : openGroup(t);
  };
  /** Sets a marker's element to what its target is now (Leaflet makes the element anew when a layer returns). */
  const present = (t: Target) => {
    const icon = t.marker.getElement();
    if (!icon) return;
    if (t.kept) {
      icon.setAttribute('role', 'button');
      icon.setAttribute('aria-label', labelOf(t));
      icon.tabIndex = 0;
      icon.removeAttribute('aria-hidden');
      icon.classList.remove('absorbed');
    } else {
      icon.removeAttribute('role');
      icon.removeAttribute('aria-label');
      icon.tabIndex = -1;
      icon.setAttribute('aria-hidden', 'true');
      icon.classList.add('absorbed');
    }
  };
  const track = (t: Target) => {
    targets.push(t);
    t.marker.on('add', () => {
      present(t);
      t.marker.getElement()?.addEventListener('keydown', (ev) => {
        if ((ev.key === 'Enter' || ev.key === ' ') && t.kept) {
          ev.preventDefault();
          void go(t);
        }
      });
    });
    t.marker.on('click', () => void go(t));
  };
  for (const c of data.crossings) {
    if (c.lat === null) continue; // known only to its district: on the border strip
    const icon = L.divIcon({
      className: `map-crossing st-${c.status} prec-${c.precisionKey}`,
      html: svgIcon(TARGET, (svg, m) => {
        svgChild(svg, 'rect', { x: m - 7, y: m - 7, width: 14, height: 14, rx: 2 });
      }),
      iconSize: [TARGET, TARGET],
      iconAnchor: [TARGET / 2, TARGET / 2],
    });
    const m = L.marker([c.lat, c.lon], { icon, keyboard: true, title: '', riseOnHover: true, zIndexOffset: 1000 });
    m.bindTooltip(el('span', { text: `${c.name}: ${c.statusLabel.toLowerCase()}` }), {
      direction: 'right',
      offset: [10, 0],
      permanent: true,
      className: 'map-crossing-label',
    });
    const t: Target = { marker: m, size: TARGET, crossing: c, own: [], extra: [], kept: true };
    track(t);
    targetOf.set(key({ type: 'crossing', id: c.id }), t);
    m.addTo(layers.crossings);
    markers.set(key({ type: 'crossing', id: c.id }), m);
  }
  // Up to EACH_UP_TO incidents: markers, in date order (the Tab order after the crossings).
  // Beyond: one canvas of cells (incident-cells.ts); details come in chunks when opened.
  let maxKilled = 1;
  for (const i of data.incidents) maxKilled = Math.max(maxKilled, i.killed?.[1] ?? 0);
  // Incidents drawn at one point (a town or a district seat) share one marker that lists them.
  const atPoint = new Map<string, MapIncidentMark[]>();
  for (const i of data.incidents) {
    const k = `${i.lat},${i.lon}`;
    const list = atPoint.get(k);
    if (list) list.push(i);
    else atPoint.set(k, [i]);
  }
  for (const list of atPoint.values()) {
    const drawn = [...list].sort((a, b) => radius(b.killed, maxKilled) - radius(a.killed, maxKilled));
    const size = Math.max(TARGET, Math.ceil(2 * radius(drawn[0]!.killed, maxKilled) + 4));
    const icon = L.divIcon({
      className: `map-incident${list.length > 1 ? ' multi' : ''}`,
      html: svgIcon(size, (svg, c) => {
        // Bigger circles first, so every smaller one stays visible on top.
        for (const i of drawn) {
          const circle = svgChild(svg, 'circle', { cx: c, cy: c, r: radius(i.killed, maxKilled) });
          circle.setAttribute('class', `side-${i.side} prec-${i.precisionKey}${i.killed ? '' : ' uncounted'}${i.lowConfidence ? ' low' : ''}`);
          circle.dataset.incident = i.id;
        }
      }),
      iconSize: [size, size],
      iconAnchor: [size / 2, size / 2],
    });
    // Smaller markers above bigger ones, so none is hidden.
    const m = L.marker([list[0]!.lat, list[0]!.lon], { icon, keyboard: true, title: '', zIndexOffset: -size * 10 });
    const t: Target = { marker: m, size, own: list, extra: [], kept: true };
    track(t);
    m.addTo(layers.incidents);
    for (const i of list) {
      markers.set(key({ type: 'incident', id: i.id }), m);
      targetOf.set(key({ type: 'incident', id: i.id }), t);
    }
  }
  /** Which markers are targets at this zoom: crossings always; incidents unless under a target above them. */
  const retarget = () => {
    const kept: { x: number; y: number; t: Target }[] = [];
    for (const t of targets) {
      t.extra = [];
      t.kept = true;
    }
    const shown = (t: Target) => visible.has(t.crossing ? 'crossings' : 'incidents');
    for (const t of targets) if (t.crossing && shown(t)) kept.push({ ...map.latLngToContainerPoint(t.marker.getLatLng()), t });
    // Bigger incident markers first: they sit lowest, so a smaller one beside them stays a target.
    for (const t of targets.filter((x) => !x.crossing && shown(x)).sort((a, b) => b.size - a.size)) {
      const p = map.latLngToContainerPoint(t.marker.getLatLng());
      const host = kept.find((k) => Math.abs(k.x - p.x) < TARGET && Math.abs(k.y - p.y) < TARGET);
      if (host) {
        t.kept = false;
        host.t.extra.push(...t.own);
      } else kept.push({ x: p.x, y: p.y, t });
    }
    for (const t of targets) present(t);
  };
  const points = data.points;
  const cellColours = () => ({
    iran: color('--iran'),
    pakistan: color('--pakistan'),
    mixed: color('--neutral'),
    text: color('--text'),
    bg: color('--bg'),
    focus: color('--focus'),
  });
  const cells = points ? new IncidentCells(points, cellColours(), Boolean((window as { __mapBenchMarks?: boolean }).__mapBenchMarks)) : undefined;
  // Details come in files fetched on first open (the crossings' in one, the incidents' in chunks),
  // each once; a file that fails is forgotten, so the next open tries again.
  const sources: Record<string, MapSource> = {};
  const detailUrl = (name: string) => new URL(name, new URL(root.dataset.src!, location.href)).href;
  let crossingFile: Promise<Map<string, MapCrossing>> | undefined;
  const crossingOf = (id: string): Promise<MapCrossing | undefined> => {
    if (!crossingFile) {
      const file = json<{ crossings: MapCrossing[]; sources: Record<string, MapSource> }>(detailUrl('crossings.json')).then((c) => {
        Object.assign(sources, c.sources);
        return new Map(c.crossings.map((x) => [x.id, x]));
      });
      file.catch(() => {
        if (crossingFile === file) crossingFile = undefined;
      });
      crossingFile = file;
    }
    return crossingFile.then((all) => all.get(id));
  };
  const chunks = new Map<number, Promise<MapIncident[]>>();
  // Placed incident i (in date order: the map data's marks, or its points) is in chunk floor(i / chunk).
  const incidentAt = (index: number): Promise<MapIncident> => {
    const k = Math.floor(index / data.chunk);
    let chunk = chunks.get(k);
    if (!chunk) {
      chunk = json<{ incidents: MapIncident[]; sources: Record<string, MapSource> }>(detailUrl(`incidents/${k}.json`)).then((c) => {
        Object.assign(sources, c.sources);
        return c.incidents;
      });
      chunk.catch(() => {
        if (chunks.get(k) === chunk) chunks.delete(k);
      });
      chunks.set(k, chunk);
    }
    return chunk.then((list) => list[index - k * data.chunk]!);
  };
  // Each selection takes a ticket; a reply that comes back after a newer selection is dropped.
  let ticket = 0;
  const failed = (what: string) => {
    root.dataset.status = 'error';
    status.textContent = `The details of ${what} could not be loaded. Check the connection and try again; the lists below the map have every record.`;
  };
  if (cells) {
    cells.addTo(layers.incidents);
    map.on('click', (ev) => {
      const c = visible.has('incidents') ? cells.cellAt(ev.containerPoint) : undefined;
      if (c) void pickCell(c);
    });
  }

  // Layer toggles (the checkboxes are in the page's legend, shown once the map is live).
  const visible = new Set<LayerKey>(ALL_LAYERS);
  const boxes = [...root.querySelectorAll<HTMLInputElement>('input[data-layer]')];
  const setLayers = (want: readonly LayerKey[]) => {
    for (const k of ALL_LAYERS) {
      const on = want.includes(k);
      if (on) {
        visible.add(k);
        layers[k].addTo(map);
      } else {
        visible.delete(k);
        layers[k].remove();
      }
    }
    for (const b of boxes) b.checked = visible.has(b.dataset.layer as LayerKey);
    declutter();
    retarget();
  };
  for (const b of boxes) {
    b.classList.remove('pending');
    b.addEventListener('change', () => {
      setLayers(ALL_LAYERS.filter((k) => (k === b.dataset.layer ? b.checked : visible.has(k))));
      writeHash();
    });
  }
  setLayers(ALL_LAYERS);

  // The URL follows the map without filling the history.
  let moved = false;
  const writeHash = () => {
    const c = map.getCenter();
    const hash = formatMapHash({ feature: selected, layers: [...visible], view: moved ? { zoom: map.getZoom(), lat: c.lat, lon: c.lng } : undefined });
    history.replaceState(history.state, '', hash);
  };
  // Programmatic moves (opening a feature, applying a link) set this, so only the reader's own
  // moves put a view in the URL.
  let programmatic = false;
  const quietly = (f: () => void) => {
    programmatic = true;
    try {
      f();
    } finally {
      programmatic = false;
    }
  };
  map.on('moveend', () => {
    if (!programmatic) {
      moved = true;
      writeHash();
    }
  });

  // Details panel, filled with text nodes only (the data never becomes HTML).
  const sourceList = (ids: string[]) =>
    el(
      'ul',
      { className: 'map-sources' },
      ...ids.map((id) => {
        const src = sources[id];
        if (!src) return el('li', { text: id });
        const label = src.date ? `${src.publisher} (${src.date})` : src.publisher;
        if (!src.url) return el('li', { text: `${label} (address unknown)` });
        const a = el('a', { text: label });
        a.href = src.url;
        a.rel = 'noopener';
        return el('li', {}, a);
      }),
    );
  const dl = (rows: [string, string | undefined][]) =>
    el('dl', {}, ...rows.filter(([, v]) => v).flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]));
  const crossingDetails = (c: MapCrossing) => {
    panelTitle.textContent = c.name;
    const local = c.local.map((l) => {
      const s = el('span', { text: l.text });
      s.lang = l.lang;
      s.dir = 'auto';
      return s;
    });
    panelBody.replaceChildren(
      ...(local.length ? [el('p', { className: 'map-local' }, ...local.flatMap((s, k) => (k ? [' · ', s] : [s])))] : []),
      el('p', { className: `map-status-line st-${c.status}`, text: `${c.kind} · ${c.statusLabel} since ${c.statusDate}` }),
      dl([
        ['Where', c.where || undefined],
        ['Also spelt', c.altNames.join(', ') || undefined],
        ['On the map', `${c.precision}${c.geoNote ? `: ${c.geoNote}` : ''}`],
      ]),
      ...(c.sites.length
        ? [
            el(subhead, { text: 'Named sites' }),
            el(
              'ul',
              { className: 'map-sites' },
              ...c.sites.map((t) => el('li', {}, el('strong', { text: t.name }), ...(t.note ? [`: ${t.note}`] : []), sourceList(t.sourceIds))),
            ),
          ]
        : []),
      ...(c.facts.length ? [el('ul', { className: 'map-facts' }, ...c.facts.map((f) => el('li', { text: f })))] : []),
      el(subhead, { text: 'Status history' }),
      el('ol', { className: 'map-history' }, ...c.history.map((h) => el('li', {}, el('strong', { text: `${h.date} · ${h.status}` }), ` ${h.note}`))),
      ...(c.note ? [el('p', { className: 'map-note', text: c.note })] : []),
      ...(c.lowConfidence ? [el('p', { className: 'low-confidence', text: 'low confidence' })] : []),
      el(subhead, { text: 'Sources' }),
      sourceList([...new Set([...c.sourceIds, ...c.history.flatMap((h) => h.sourceIds)])]),
      ...beside(targetOf.get(key({ type: 'crossing', id: c.id }))),
    );
  };
  /** Incidents whose marker sits under this crossing's at this zoom: listed here, so they stay reachable. */
  const beside = (t: Target | undefined): Node[] => {
    const list = t ? incidentsOf(t) : [];
    if (!list.length) return [];
    return [
      el(subhead, { text: 'Incidents drawn beside it' }),
      el(
        'ul',
        {},
        ...list.map((o) => {
          const b = el('button', { className: 'map-link', text: `${o.date}: ${o.place}, ${o.killedLabel} killed` });
          b.type = 'button';
          b.addEventListener('click', () => void open({ type: 'incident', id: o.id }, true));
          return el('li', {}, b);
        }),
      ),
    ];
  };
  const incidentDetails = (i: MapIncident) => {
    panelTitle.textContent = `${i.place}, ${i.date}`;
    const t = targetOf.get(key({ type: 'incident', id: i.id }));
    const here = (t ? t.own : []).filter((o) => o.id !== i.id);
    panelBody.replaceChildren(
      el('p', {
        className: `map-status-line side-${i.side}`,
        text: `${i.side === 'iran' ? 'In Iran' : 'In Pakistan'}${i.followUp ? ' · after the article' : ''}`,
      }),
      ...(i.lowConfidence ? [el('p', { className: 'low-confidence', text: 'low confidence' })] : []),
      el('p', { text: i.summary }),
      dl([
        ['Killed', i.killedLabel],
        ['Injured', i.injuredLabel],
        ['Counts', i.countNote],
        ['Who', i.by],
        ['Date', i.dateNote],
        ['On the map', `${i.precision}${i.geoNote ? `: ${i.geoNote}` : ''}`],
      ]),
      ...(here.length
        ? [
            el(subhead, { text: 'Also drawn at this point' }),
            el(
              'ul',
              {},
              ...here.map((o) => {
                const b = el('button', { className: 'map-link', text: `${o.date}: ${o.place}` });
                b.type = 'button';
                b.addEventListener('click', () => void open({ type: 'incident', id: o.id }, true));
                return el('li', {}, b);
              }),
            ),
          ]
        : []),
      el(subhead, { text: 'Sources' }),
      sourceList(i.sourceIds),
    );
  };

  const stripLinks = [...root.querySelectorAll<HTMLAnchorElement>('[data-strip-crossing]')];
  function clearSelection() {
    for (const e of root.querySelectorAll('.map-canvas .selected')) e.classList.remove('selected');
    for (const a of stripLinks) {
      a.classList.remove('selected');
      a.removeAttribute('aria-current');
    }
    if (cells && cells.selected !== undefined) {
      cells.selected = undefined;
      cells.draw();
    }
    selected = undefined;
  }
  let keepReturn: HTMLElement | null = null;
  function showPanel(fromUser: boolean, from: HTMLElement | null, at: L.LatLng | undefined) {
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Opened from a list in the panel: Escape still goes back to where the list was opened from.
    if (keepReturn) returnFocus = keepReturn;
    else if (fromUser && active && canvasEl.contains(active) && active !== canvasEl) returnFocus = active;
    else returnFocus = from;
    keepReturn = null;
    panel.hidden = false;
    root.classList.add('has-panel');
    if (at && !map.getBounds().pad(-0.1).contains(at)) quietly(() => map.panTo(at, { animate: false }));
    panelTitle.focus({ preventScroll: !fromUser });
    delete root.dataset.status;
    status.textContent = `Showing details: ${panelTitle.textContent}.`;
    writeHash();
  }
  async function open(ref: FeatureRef, fromUser: boolean) {
    const mine = ++ticket;
    const fromList = fromUser && !panel.hidden && panel.contains(document.activeElement) ? returnFocus : null;
    const show = (from: HTMLElement | null, at: L.LatLng | undefined) => {
      keepReturn = fromList;
      showPanel(fromUser, from, at);
    };
    const layer: LayerKey = ref.type === 'crossing' ? 'crossings' : 'incidents';
    const notFound = () => {
      status.textContent = `Not on the map: no ${ref.type} "${ref.id}" can be drawn. The lists below have the records.`;
    };
    // An incident's details come from its chunk, fetched on the first open: none when the fetch failed (said in the
    // status line) or a newer open has begun.
    const detailsOf = async (index: number): Promise<MapIncident | undefined> => {
      try {
        const record = await incidentAt(index);
        return mine === ticket ? record : undefined;
      } catch {
        if (mine === ticket) failed('this incident');
        return undefined;
      }
    };
    let crossing: MapCrossing | undefined;
    if (ref.type === 'crossing') {
      if (!data.crossings.some((x) => x.id === ref.id)) return notFound();
      try {
        crossing = await crossingOf(ref.id);
      } catch {
        if (mine === ticket) failed('this crossing');
        return;
      }
      if (mine !== ticket) return;
      const c = crossing;
      if (!c) return notFound();
      if (c.lat === null) {
        // Known only to its district: its place is its district's stretch of the border strip.
        const link = stripLinks.find((a) => a.dataset.stripCrossing === c.id) ?? null;
        clearSelection();
        selected = ref;
        crossingDetails(c);
        link?.classList.add('selected');
        link?.setAttribute('aria-current', 'true');
        show(link, undefined);
        return;
      }
    }
    if (ref.type === 'incident' && points && cells) {
      const index = points.ids.indexOf(ref.id);
      if (index < 0) return notFound();
      const record = await detailsOf(index);
      if (!record) return;
      clearSelection();
      selected = ref;
      if (!visible.has(layer)) setLayers([...visible, layer]);
      cells.selected = index;
      incidentDetails(record);
      const at = L.latLng(points.lat[index]!, points.lon[index]!);
      show(canvasEl, at);
      cells.draw();
      return;
    }
    const m = markers.get(key(ref));
    const index = ref.type === 'incident' ? data.incidents.findIndex((x) => x.id === ref.id) : -1;
    if (!m || (!crossing && index < 0)) return notFound();
    let details: MapIncident | undefined;
    if (!crossing) {
      details = await detailsOf(index);
      if (!details) return;
    }
    clearSelection();
    selected = ref;
    if (crossing) crossingDetails(crossing);
    else incidentDetails(details!);
    if (!visible.has(layer)) setLayers([...visible, layer]);
    const markerEl = (m.getElement() as HTMLElement | undefined) ?? null;
    (markerEl?.querySelector(`[data-incident="${ref.id}"]`) ?? markerEl)?.classList.add('selected');
    show(markerEl, m.getLatLng());
  }
  /** A list of incidents in the panel, each a button that opens it. */
  function listPanel(title: string, items: { id: string; text: string }[], lead: Node[], note?: string) {
    panelTitle.textContent = title;
    panelBody.replaceChildren(
      ...lead,
      el(
        'ul',
        { className: 'map-list' },
        ...items.map((r) => {
          const b = el('button', { className: 'map-link', text: r.text });
          b.type = 'button';
          b.addEventListener('click', () => void open({ type: 'incident', id: r.id }, true));
          return el('li', {}, b);
        }),
      ),
      ...(note ? [el('p', { className: 'map-note', text: note })] : []),
    );
  }
  /** Several incidents at one marker (drawn at one point, or beside it at this zoom): list them. */
  async function openGroup(t: Target) {
    ++ticket;
    clearSelection();
    const list = incidentsOf(t);
    listPanel(
      `${formatNumber(list.length)} incidents drawn here`,
      list.map((r) => ({ id: r.id, text: `${r.date}: ${r.place}, ${r.killedLabel} killed` })),
      [
        el('p', {
          text: t.extra.length
            ? 'Drawn at this point or close beside it at this zoom; zoom in to separate them.'
            : `All are drawn at one point: ${list[0]!.precision}.`,
        }),
      ],
    );
    t.marker.getElement()?.classList.add('selected');
    showPanel(true, (t.marker.getElement() as HTMLElement | undefined) ?? null, undefined);
  }
  /** A cell of many incidents: list them (up to the cell's kept few) and offer to zoom in. */
  async function pickCell(c: Cell) {
    if (c.n === 1) return open({ type: 'incident', id: points!.ids[c.indices[0]!]! }, true);
    const mine = ++ticket;
    let records: MapIncident[];
    try {
      records = await Promise.all(c.indices.map((i) => incidentAt(i)));
    } catch {
      if (mine === ticket) failed('these incidents');
      return;
    }
    if (mine !== ticket) return;
    clearSelection();
    const zoom = el('button', { className: 'map-link', text: 'Zoom in to separate them' });
    zoom.type = 'button';
    const at = map.containerPointToLatLng([c.x, c.y]);
    zoom.addEventListener('click', () => {
      close();
      map.setView(at, Math.min(map.getMaxZoom(), map.getZoom() + 2));
    });
    listPanel(
      `${formatNumber(c.n)} incidents here`,
      records.map((r, k) => ({ id: points!.ids[c.indices[k]!]!, text: `${r.date}: ${r.place}, ${r.killedLabel} killed` })),
      [el('p', {}, zoom)],
      c.n > records.length ? `The first ${records.length} by date; zoom in for the others.` : undefined,
    );
    showPanel(true, canvasEl, undefined);
  }
  /**
   * Beyond EACH_UP_TO incidents the cells are drawn on a canvas, which keyboards and screen readers
   * cannot reach: this lists the incidents in the current view (the first LIST_IN_VIEW by date),
   * each a button that opens it.
   */
  const LIST_IN_VIEW = 30;
  async function listInView(from: HTMLElement) {
    const mine = ++ticket;
    const bounds = map.getBounds();
    const inView: number[] = [];
    for (let i = 0; i < points!.ids.length; i++) if (bounds.contains([points!.lat[i]!, points!.lon[i]!])) inView.push(i);
    const shown = inView.slice(0, LIST_IN_VIEW);
    let records: MapIncident[];
    try {
      records = await Promise.all(shown.map((i) => incidentAt(i)));
    } catch {
      if (mine === ticket) failed('the incidents in view');
      return;
    }
    if (mine !== ticket) return;
    clearSelection();
    listPanel(
      `${formatNumber(inView.length)} incidents in view`,
      records.map((r, k) => ({ id: points!.ids[shown[k]!]!, text: `${r.date}: ${r.place}, ${r.killedLabel} killed` })),
      [],
      inView.length > shown.length ? `The first ${shown.length} by date; zoom in or move the map for the others.` : undefined,
    );
    showPanel(true, from, undefined);
  }
  function close() {
    ++ticket;
    if (panel.hidden) return;
    clearSelection();
    panel.hidden = true;
    root.classList.remove('has-panel');
    writeHash();
    (returnFocus ?? canvasEl).focus();
    returnFocus = null;
  }
  closeButton.addEventListener('click', close);
  root.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && !panel.hidden) {
      ev.preventDefault();
      close();
    }
  });

  // Page scrolling never zooms the map; Ctrl/⌘ + scroll (and trackpad pinch) does; one finger scrolls the page.
  let hintTimer: number | undefined;
  const showHint = (text: string) => {
    hint.textContent = text;
    hint.classList.add('visible');
    window.clearTimeout(hintTimer);
    hintTimer = window.setTimeout(() => hint.classList.remove('visible'), 1500);
  };
  canvasEl.addEventListener(
    'wheel',
    (ev) => {
      if (ev.ctrlKey || ev.metaKey) {
        ev.preventDefault();
        map.setZoomAround(map.mouseEventToContainerPoint(ev), map.getZoom() - Math.sign(ev.deltaY) * 0.5);
      } else showHint(/Mac|iPhone|iPad/.test(navigator.userAgent) ? 'Use ⌘ + scroll to zoom the map' : 'Use Ctrl + scroll to zoom the map');
    },
    { passive: false },
  );
  if (coarse)
    canvasEl.addEventListener(
      'touchstart',
      (ev) => {
        if (ev.touches.length === 1) showHint('Use two fingers to move the map');
      },
      { passive: true },
    );

  // The keyboard and screen-reader way into the canvas of cells.
  // (The page reserves its place, hidden until now, so showing it moves nothing.)
  const listButton = root.querySelector<HTMLButtonElement>('.map-list-view');
  if (points && cells && listButton) {
    listButton.classList.remove('pending');
    listButton.addEventListener('click', () => void listInView(listButton));
  }

  // The colour scheme can change while the page is open (the system's dark mode at sunset): the
  // canvas layers are repainted with the new colours; the markers follow through CSS.
  const repaint = () => {
    for (const { layer, style } of styled) (layer as L.GeoJSON).setStyle(style() as L.PathOptions);
    if (cells) {
      cells.colours = cellColours();
      cells.draw();
    }
  };
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', repaint);
  new MutationObserver(repaint).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

  declutter();
  root.dataset.state = 'live';
  const onStrip = data.crossings.filter((c) => c.lat === null).length;
  const crossingWords = `${data.crossings.length - onStrip} crossings on the map${onStrip ? ` and ${onStrip} known only by district, on the border strip beside it` : ''}`;
  status.textContent = points
    ? `Interactive map: ${crossingWords} (press Tab to move between them, Enter to open one) and ${formatNumber(points.ids.length)} incidents, drawn as circles per area: select one to list its incidents, use "List the incidents in view", or zoom in.`
    : `Interactive map: ${crossingWords}, and ${formatNumber(data.incidents.length)} incidents. Press Tab to move between them, Enter to open one.`;
  const { unmapped } = data;
  if (unmapped.crossings.length || unmapped.incidents)
    status.textContent += ` Not on the map, for want of a location, but in the lists below: ${[unmapped.crossings.join(', '), unmapped.incidents && `${formatNumber(unmapped.incidents)} incidents`].filter(Boolean).join('; ')}.`;

  const apply = (state: MapState, scroll: boolean) => {
    setLayers(state.layers);
    if (state.view) {
      const v = clampView(state.view, { minZoom: map.getMinZoom(), maxZoom: map.getMaxZoom(), bounds: bbox });
      quietly(() => map.setView([v.lat, v.lon], v.zoom, { animate: false }));
      moved = true;
    }
    if (scroll) root.closest('figure')?.scrollIntoView({ block: 'start' });
    if (state.feature) void open(state.feature, false);
    else close();
  };
  const initial = parseMapHash(location.hash);
  if (initial) apply(initial, false);
  return { apply };
}
