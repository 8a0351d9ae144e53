/** What several browser tests share: the pages the site publishes, and a watch on what a page logs and asks for. */
import type { Page } from '@playwright/test';
import { CHART_PAGES, FIGURES } from '../../src/lib/figures';

/** Every page and embed of the site. */
export const PAGES = [
  '/',
  '/claims/',
  '/data/',
  '/corrections/',
  '/border/',
  '/sources/',
  '/timeline/',
  ...CHART_PAGES.map((f) => `/charts/${f.slug}/`),
  ...FIGURES.map((f) => `/embed/${f.slug}/`),
];

/** Collects, from now on, the page's console errors and uncaught exceptions, and every request to another host. */
export function watchPage(page: Page): { errors: string[]; foreign: string[] } {
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (!['127.0.0.1', 'localhost'].includes(new URL(r.url()).hostname) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  return { errors, foreign };
}
