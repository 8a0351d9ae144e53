/** /feed.xml: the corrections log and the record's dated updates as an Atom feed (linked from every page's head). */
import type { APIRoute } from 'astro';
import { getData } from '../lib/data';
import { atomFeed } from '../lib/feed';

export const GET: APIRoute = ({ site }) =>
  new Response(atomFeed(getData(), site ?? 'http://127.0.0.1:4321'), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
