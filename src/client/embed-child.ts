/**
 * Inside an embed: honour ?theme=light|dark|auto and ?plain, and report the page height to the
 * host as {sentinel: "amp", type: "embed-size", height} on load, on every size change, and when
 * the host asks ({sentinel: "amp", type: "frames-init"}), the messages newsroom embed tools use.
 */
import { isInPageLink } from '../lib/embed-links';

const params = new URLSearchParams(location.search);
const theme = params.get('theme');
if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
if (params.has('plain')) document.body.classList.add('plain');

function report(): void {
  if (window.parent === window) return;
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
}

new ResizeObserver(report).observe(document.documentElement);
window.addEventListener('load', report);
window.addEventListener('message', (event) => {
  const d = event.data as { sentinel?: string; type?: string } | null;
  if (event.source === window.parent && d?.sentinel === 'amp' && d.type === 'frames-init') report();
});
report();

// Links made after the page loaded (the live map's sources) open outside the frame too, as the
// build makes every other link of an embed do (src/lib/embed-links.ts); in-page links stay.
document.addEventListener(
  'click',
  (event) => {
    const a = (event.target as Element | null)?.closest?.<HTMLAnchorElement>('a[href]');
    if (!a || a.target === '_blank' || isInPageLink(a.getAttribute('href') ?? '')) return;
    a.target = '_blank';
    a.relList.add('noopener');
  },
  true,
);
