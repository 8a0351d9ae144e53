/**
 * Links shared before keep landing. On the explainer, a link to a record whose full entry moved to
 * a page of its own (src/lib/moved.ts: sources, crossings, incidents, events, trade and pipeline
 * rows) goes on there, replacing the history entry; a link to a compact row (#claim-…, #pledge-…)
 * or to anything inside a closed <details> opens it in place and scrolls to it. Without JavaScript
 * the explainer still holds an element with every old id, one click from the full entry.
 */
import { movedPage } from '../lib/moved';

function land(): void {
  let id: string;
  try {
    id = decodeURIComponent(location.hash.slice(1));
  } catch {
    return;
  }
  if (!id || id.startsWith('map=')) return;
  const moved = location.pathname === '/' ? movedPage(id) : undefined;
  if (moved) {
    location.replace(`${moved}#${encodeURIComponent(id)}`);
    return;
  }
  const target = document.getElementById(id);
  if (!target) return;
  let opened = false;
  const own = target instanceof HTMLDetailsElement ? target : target.querySelector<HTMLDetailsElement>(':scope > details');
  for (let d: HTMLDetailsElement | null = own ?? target.closest('details'); d; d = d.parentElement?.closest('details') ?? null) {
    if (!d.open) {
      d.open = true;
      opened = true;
    }
  }
  if (opened) target.scrollIntoView();
}

land();
addEventListener('hashchange', land);
