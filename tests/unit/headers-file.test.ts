/**
 * public/_headers as Netlify and Cloudflare Pages apply it (scripts/lib/headers-file.ts). First the
 * emulation against the hosts' documented behaviour, then the file itself: on both hosts, every page
 * but the embeds refuses other sites' frames, the embeds accept them, and no header is set by two
 * rules for one path (Cloudflare would join them into two policies).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HOSTS, headersFor, matchingRules, parseHeadersFile } from '../../scripts/lib/headers-file';

describe("the emulation, against the hosts' documentation", () => {
  it('Cloudflare Pages: every matching rule applies, a header set twice is joined with ", ", ! removes one', () => {
    // The example of developers.cloudflare.com/pages/configuration/headers (path rules only).
    const rules = parseHeadersFile(
      '# c\n/secure/page\n  X-Frame-Options: DENY\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n\n/static/*\n  Access-Control-Allow-Origin: *\n  X-Robots-Tag: nosnippet\n\n/*\n  X-Robots-Tag: noindex\n',
    );
    expect(headersFor(rules, '/secure/page', 'cloudflare').headers).toEqual({
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-robots-tag': 'noindex',
    });
    expect(headersFor(rules, '/static/styles.css', 'cloudflare').headers).toEqual({ 'access-control-allow-origin': '*', 'x-robots-tag': 'nosnippet, noindex' });
    const detach = parseHeadersFile("/*\n  Content-Security-Policy: default-src 'self';\n/*.jpg\n  ! Content-Security-Policy\n");
    expect(headersFor(detach, '/a.jpg', 'cloudflare').headers).toEqual({});
    expect(headersFor(detach, '/a.png', 'cloudflare').headers).toEqual({ 'content-security-policy': "default-src 'self';" });
  });
  it('Netlify: every matching rule applies, the last one wins for each header, a name twice in one rule is joined', () => {
    const rules = parseHeadersFile(
      '/*\n  X-Frame-Options: DENY\n  Cache-Control: max-age=0\n  Cache-Control: no-cache\n/embed/*\n  X-Frame-Options: ALLOWALL\n',
    );
    expect(headersFor(rules, '/', 'netlify').headers).toEqual({ 'x-frame-options': 'DENY', 'cache-control': 'max-age=0, no-cache' });
    expect(headersFor(rules, '/embed/trade/', 'netlify').headers['x-frame-options']).toBe('ALLOWALL');
    expect(headersFor(rules, '/embed/trade/', 'cloudflare').headers['x-frame-options']).toBe('DENY, ALLOWALL');
  });
  it('matches paths as each host does', () => {
    const rules = parseHeadersFile('/\n  A: 1\n/:file\n  A: 1\n/embed/*\n  A: 1\n');
    const which = (path: string, host: 'netlify' | 'cloudflare') => matchingRules(rules, path, host).map((r) => r.path);
    expect(which('/', 'cloudflare')).toEqual(['/']);
    expect(which('/', 'netlify')).toEqual(['/']);
    expect(which('/claims/', 'cloudflare')).toEqual([]);
    expect(which('/claims/', 'netlify')).toEqual(['/:file']); // Netlify's patterns end in /?$
    expect(which('/embed.js', 'cloudflare')).toEqual(['/:file']);
    expect(which('/embed.js', 'netlify')).toEqual(['/:file', '/embed/*']); // "/embed/*" is ^/embed/?(.*)/?$
    expect(which('/EMBED/trade/', 'netlify')).toEqual(['/embed/*']);
    expect(which('/EMBED/trade/', 'cloudflare')).toEqual([]);
  });
});

describe('public/_headers', () => {
  const rules = parseHeadersFile(readFileSync('public/_headers', 'utf8'));
  const pages = ['/', '/index.html', '/claims/', '/corrections/', '/data/', '/share/figure-trade/', '/share/section-trade/'];
  const embeds = ['/embed/trade/', '/embed/map/', '/embed/pledges/'];
  const files = [
    '/data/trade.csv',
    '/map/data.json',
    '/map/incidents/0.json',
    '/og/index.png',
    '/_astro/app.js',
    '/embed.js',
    '/favicon.svg',
    '/datapackage.json',
    '/feed.xml',
    '/sitemap-index.xml',
  ];
  for (const host of HOSTS) {
    it(`${host}: pages refuse other sites' frames, embeds accept them`, () => {
      for (const p of pages) {
        const { headers } = headersFor(rules, p, host);
        expect(headers['content-security-policy'], `${host} ${p}`).toBe("frame-ancestors 'self'");
        expect(headers['x-frame-options'], `${host} ${p}`).toBe('SAMEORIGIN');
      }
      for (const p of embeds) {
        const { headers } = headersFor(rules, p, host);
        expect(headers['content-security-policy'], `${host} ${p}`).toBe('frame-ancestors *');
        expect(headers['x-frame-options'], `${host} ${p}`).toBeUndefined();
      }
    });
    it(`${host}: every response gets the common headers, and no header comes from two rules`, () => {
      for (const p of [...pages, ...embeds, ...files]) {
        const { headers, sources } = headersFor(rules, p, host);
        expect(headers['x-content-type-options'], `${host} ${p}`).toBe('nosniff');
        expect(headers['referrer-policy'], `${host} ${p}`).toBe('strict-origin-when-cross-origin');
        for (const [name, n] of Object.entries(sources)) expect(n, `${host} ${p}: ${name} joined from ${n} rules`).toBe(1);
      }
    });
  }
  it("sends no policy a meta tag could send (the pages' own meta policy has the hashes)", () => {
    for (const r of rules) for (const [name, value] of r.set) if (/content-security-policy/i.test(name)) expect(value).toMatch(/^frame-ancestors [^;]+$/);
  });
});
