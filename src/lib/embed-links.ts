/**
 * Links inside an embed open outside the frame, as newsroom embeds' do: a link that leaves the
 * page (a source, the full explainer) would otherwise load a whole site inside a fixed-height
 * iframe on someone else's page. Every `<a href>` that is not an in-page `#` link gets
 * target="_blank" and rel="noopener" (any other target it had is replaced); in-page links stay.
 * Applied to the embed's rendered HTML at build (src/layouts/Embed.astro); links made later in the
 * browser get the same from src/client/embed-child.ts.
 */

/** An opening <a> tag, quoted attribute values included (they may hold ">"). */
const A_TAG = /<a\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const attr = (name: string) => new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i');

/** True for a link that stays on the page: a fragment of this document. */
export function isInPageLink(href: string): boolean {
  return href.startsWith('#');
}

export function linksOutOfFrame(html: string): string {
  return html.replace(A_TAG, (tag) => {
    const href = attr('href').exec(tag);
    if (!href || isInPageLink(href[1] ?? href[2] ?? href[3] ?? '')) return tag;
    let out = tag.replace(attr('target'), '');
    const rel = attr('rel').exec(out);
    const tokens = new Set((rel ? (rel[1] ?? rel[2] ?? rel[3] ?? '') : '').split(/\s+/).filter(Boolean));
    tokens.add('noopener');
    if (rel) out = out.replace(rel[0], '');
    return out.replace(/^<a\b/i, `<a target="_blank" rel="${[...tokens].join(' ')}"`);
  });
}
