/** Every dataset's schema, by file name (data/<name>.json; the names and their order: ./names.ts). */
import type { ZodTypeAny } from 'astro/zod';
import { DATASET_NAMES, type DatasetName } from './names';
import { claimsSchema } from './claims';
import { correctionsSchema } from './corrections';
import { crossingsSchema } from './crossings';
import { districtsSchema } from './districts';
import { eventsSchema } from './events';
import { incidentsSchema } from './incidents';
import { mousSchema } from './mous';
import { pipelineSchema } from './pipeline';
import { placesSchema } from './places';
import { pledgesSchema } from './pledges';
import { smugglingDataSchema } from './smuggling';
import { sourcesSchema } from './sources';
import { tradeSchema } from './trade';

export const datasetSchemas = {
  sources: sourcesSchema,
  claims: claimsSchema,
  events: eventsSchema,
  trade: tradeSchema,
  mous: mousSchema,
  pipeline: pipelineSchema,
  incidents: incidentsSchema,
  crossings: crossingsSchema,
  districts: districtsSchema,
  places: placesSchema,
  pledges: pledgesSchema,
  smuggling: smugglingDataSchema,
  corrections: correctionsSchema,
} as const satisfies Record<DatasetName, ZodTypeAny>;
export { DATASET_NAMES, type DatasetName };
