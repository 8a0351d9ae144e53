// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { buildSite } from './src/lib/site.ts';

// The public URL, used for canonical and absolute links (share cards, embeds, sitemap); scripts/build.ts
// warns when it is only the default.
const { site } = buildSite();

export default defineConfig({
  site,
  output: 'static',
  trailingSlash: 'ignore',
  integrations: [mdx(), sitemap()],
  build: { format: 'directory', inlineStylesheets: 'always' },
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4321) },
  devToolbar: { enabled: false },
  // Hashes Astro's own inline scripts and styles into a CSP meta tag (no 'unsafe-inline' for scripts).
  experimental: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  vite: {
    build: { assetsInlineLimit: 0 },
  },
});
