/** /map/crossings.json: the crossings' details and their sources, fetched when a reader first opens a crossing on the live map. */
import type { APIRoute } from 'astro';
import { getData } from '../../lib/data';
import { crossingDetails } from '../../lib/map/map-data';

export const GET: APIRoute = () => new Response(JSON.stringify(crossingDetails(getData())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
