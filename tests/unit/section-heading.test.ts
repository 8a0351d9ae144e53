/**
 * A section heading's link control is announced with the heading's words. The heading text arrives
 * rendered (escaped) from the slot; the label must carry the words, not their HTML escapes, or a screen
 * reader reads "Iran&#39;s" (Astro escapes the attribute once more).
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import SectionHeading from '../../src/components/SectionHeading.astro';
import { plainText } from '../../src/lib/format';

/** The value of an attribute as a browser reads it (one level of character references decoded). */
function attribute(html: string, name: string): string {
  const m = new RegExp(`${name}="([^"]*)"`).exec(html);
  if (!m) throw new Error(`no ${name} in ${html}`);
  const named: Record<string, string> = { quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' };
  return m[1]!.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (ref, dec?: string, hex?: string, name?: string) =>
    dec ? String.fromCharCode(Number(dec)) : hex ? String.fromCharCode(parseInt(hex, 16)) : (named[name!] ?? ref),
  );
}

describe('SectionHeading', () => {
  it('labels its link with the heading as read, apostrophes, ampersands and markup included', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(SectionHeading, {
      props: { id: 'trade' },
      // As Astro renders a title given as an expression ({SECTION_TITLES.cpec}): text escaped, markup kept.
      slots: { default: 'Iran&#39;s trade <em>&amp; Pakistan&#39;s</em> &quot;targets&quot; &lt; 10' },
    });
    expect(attribute(html, 'aria-label')).toBe('Link to section: Iran\'s trade & Pakistan\'s "targets" < 10');
  });

  it('plainText drops tags and decodes named and numeric references once', () => {
    expect(plainText('Iran&#39;s <b>trade</b> &amp;amp; &#x2013; &quot;x&quot;')).toBe('Iran\'s trade &amp; \u2013 "x"');
    expect(plainText('&unknown; &#99999999;')).toBe('&unknown; &#99999999;');
  });
});
