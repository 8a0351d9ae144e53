/** /map/data.json: what the live map draws (crossings, incidents, route, towns), fetched with the map. */
import type { APIRoute } from 'astro';
import { getBasemap, getData } from '../../lib/data';
import { mapData } from '../../lib/map/map-data';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(mapData(getData(), getBasemap())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
