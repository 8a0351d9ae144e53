/** /CITATION.cff: how to cite the data, with its version, release date and address (src/lib/citation.ts). */
import type { APIRoute } from 'astro';
import { citationCff } from '../lib/citation';
import { getArticle, getData } from '../lib/data';
import { releaseDate } from '../lib/publish';
import { DEFAULT_SITE } from '../lib/site';

export const GET: APIRoute = ({ site }) => {
  const data = getData();
  const release = releaseDate(data);
  const body = citationCff(getArticle(data), { version: release, dateReleased: release, url: new URL('/', site ?? DEFAULT_SITE).href });
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
