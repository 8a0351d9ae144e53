import { z } from 'astro/zod';
import { geoPoint, localText, sourcedRecord } from './primitives';

/** A town drawn as a label on the map (coordinates from the GeoNames gazetteer). */
export const placeSchema = z
  .object({
    ...sourcedRecord,
    name: z.string().min(1).describe('The name as commonly written in English.'),
    gazetteerName: z.string().min(1).optional().describe('The name as GeoNames spells it, when different.'),
    nameLocal: localText.optional(),
    country: z.enum(['PK', 'IR']),
    location: geoPoint,
    role: z.string().min(1).describe('Why it is on the map.'),
    rank: z.number().int().min(1).max(2).default(2).describe('Label rank: 1 always shown, 2 shown when zoomed in.'),
  })
  .strict();
export type Place = z.infer<typeof placeSchema>;
export const placesSchema = z.array(placeSchema);
