/** Links in embeds open outside the frame (src/lib/embed-links.ts); in-page links stay. */
import { describe, expect, it } from 'vitest';
import { linksOutOfFrame } from '../../src/lib/embed-links';

describe('linksOutOfFrame', () => {
  it('gives every link that leaves the page target="_blank" and rel="noopener", keeping other rel tokens', () => {
    expect(linksOutOfFrame('<a href="https://www.dawn.com/x" rel="noopener noreferrer">Dawn</a>')).toBe(
      '<a target="_blank" rel="noopener noreferrer" href="https://www.dawn.com/x">Dawn</a>',
    );
    expect(linksOutOfFrame('<a class="ref" href="/#source-x">[1]</a>')).toBe('<a target="_blank" rel="noopener" class="ref" href="/#source-x">[1]</a>');
    expect(linksOutOfFrame('<a href="/#figure-trade" target="_top">full</a>')).toBe('<a target="_blank" rel="noopener" href="/#figure-trade">full</a>');
    expect(linksOutOfFrame("<a href='/data/trade.csv' download>csv</a>")).toBe('<a target="_blank" rel="noopener" href=\'/data/trade.csv\' download>csv</a>');
  });
  it('leaves in-page links, anchors without href and text alone, even with ">" inside attributes', () => {
    const html = '<a href="#figure-map" data-map-view="crossing/x">Show</a><a id="x"></a><p>a &lt;a href="/x"&gt; in text</p>';
    expect(linksOutOfFrame(html)).toBe(html);
    expect(linksOutOfFrame('<a aria-label="x > y" href="/y">y</a>')).toBe('<a target="_blank" rel="noopener" aria-label="x > y" href="/y">y</a>');
  });
});
