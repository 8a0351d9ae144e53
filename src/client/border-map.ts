/**
 * Loader for the live border map. The page ships the static locator map and the lists; this small
 * script loads Leaflet, its CSS and the map data only when the map comes near the viewport (or at
 * once when the URL asks for a map view), so nothing of the map blocks the first paint.
 */
import { parseMapHash, type MapState } from '../lib/map/hash';

type Live = { apply: (state: MapState, scroll: boolean) => void };

for (const root of document.querySelectorAll<HTMLElement>('[data-live-map]')) {
  let live: Promise<Live> | undefined;
  const load = (): Promise<Live> => {
    live ??= import('./border-map-live')
      .then((m) => m.mount(root))
      .catch((error: unknown) => {
        // The static map and the lists stay; say why the live map is missing.
        root.dataset.state = 'failed';
        const status = root.querySelector('.map-status');
        if (status) status.textContent = 'The interactive map could not load; the map above and the lists below show the same places.';
        throw error;
      });
    return live;
  };
  const fromHash = (scroll: boolean) => {
    const state = parseMapHash(location.hash);
    if (state) void load().then((l) => l.apply(state, scroll));
  };
  if (parseMapHash(location.hash)) fromHash(true);
  else if ('IntersectionObserver' in window) {
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect();
          void load();
        }
      },
      { rootMargin: '600px 0px' },
    );
    io.observe(root);
  } else void load();
  window.addEventListener('hashchange', () => fromHash(true));
  // "Show on the map" links in the lists: without JavaScript they go to the static map; with it,
  // they open that feature on the live map (and the back button returns to the list).
  document.addEventListener('click', (e) => {
    const a = (e.target as Element | null)?.closest?.<HTMLAnchorElement>('a[data-map-view]');
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    history.pushState(null, '', `#map=${a.dataset.mapView}`);
    fromHash(true);
  });
}
