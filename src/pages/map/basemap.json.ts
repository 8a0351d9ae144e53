/** /map/basemap.json: the committed Natural Earth TopoJSON (data/geo), the live map's only background. */
import type { APIRoute } from 'astro';
import { getBasemapTopology } from '../../lib/data';

export const GET: APIRoute = () => new Response(JSON.stringify(getBasemapTopology()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
