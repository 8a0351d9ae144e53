/**
 * Records whose full entry moved off the explainer to a page of its own. The explainer keeps, for
 * each, an element with the old id (a compact row or a link), so an old `/#<prefix><id>` link lands
 * with JavaScript off; with it, the reader is sent on to the full entry (src/client/anchors.ts).
 * No imports: the browser script reads this table too.
 */
export const MOVED: readonly { prefix: string; page: string }[] = [
  { prefix: 'source-', page: '/sources/' },
  { prefix: 'crossing-', page: '/border/' },
  { prefix: 'incident-', page: '/border/' },
  { prefix: 'event-', page: '/timeline/' },
  { prefix: 'trade-', page: '/charts/trade/' },
  { prefix: 'pipeline-', page: '/charts/pipeline/' },
];

/** The page an explainer anchor's record now lives on, or undefined if it lives on the explainer. */
export function movedPage(anchor: string): string | undefined {
  return MOVED.find((m) => anchor.startsWith(m.prefix))?.page;
}
