// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';

// The public URL, used for canonical and absolute links (share cards, embeds, sitemap).
const site = process.env.SITE ?? 'http://127.0.0.1:4321';

export default defineConfig({
  site,
  output: 'static',
  trailingSlash: 'ignore',
  integrations: [mdx(), sitemap()],
  build: { format: 'directory', inlineStylesheets: 'always' },
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4321) },
  devToolbar: { enabled: false },
  vite: { build: { assetsInlineLimit: 0 } },
});
