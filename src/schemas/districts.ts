import { z } from 'astro/zod';
import { recordId, sourcedRecord } from './primitives';

/** A Pakistani district on the border with Iran, in order from the Afghan tripoint to the sea. */
export const districtSchema = z
  .object({
    ...sourcedRecord,
    name: z.string().min(1).describe('The name as commonly written in English ("Chagai").'),
    altNames: z.array(z.string().min(1)).optional().describe('Other spellings found in sources ("Chaghi").'),
    country: z.literal('PK', {
      errorMap: () => ({ message: 'expected "PK" (the border districts are Pakistani; Iranian counties are named on each record)' }),
    }),
    order: z.number().int().min(1).describe('Position along the border, 1 at the Afghan tripoint (north), counting towards the sea.'),
    seatId: recordId.optional().describe('The district seat, an id in places.json.'),
    note: z.string().min(1).optional(),
  })
  .strict();
export type District = z.infer<typeof districtSchema>;
export const districtsSchema = z.array(districtSchema);
