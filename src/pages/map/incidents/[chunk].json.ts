/** /map/incidents/<k>.json: the details of 1,000 incidents, fetched when a reader opens one (see CHUNK in src/lib/map/map-data.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getData } from '../../../lib/data';
import { incidentChunk, incidentChunkCount } from '../../../lib/map/map-data';

export const getStaticPaths = (() =>
  Array.from({ length: incidentChunkCount(getData()) }, (_, k) => ({ params: { chunk: String(k) } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(incidentChunk(getData(), Number(params.chunk))), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
