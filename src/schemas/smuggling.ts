import { z } from 'astro/zod';
import { finiteNumber, isoDate, sourcedRecord } from './primitives';

/** A sourced estimate or measure of fuel smuggling from Iran into Pakistan. */
export const smugglingSchema = z
  .object({
    ...sourcedRecord,
    date: isoDate.optional().describe('When the figure applies, or when it was published; absent when no source read dates it (the site says "date unknown").'),
    measure: z.string().min(1).max(80).describe('What is measured, in a few words.'),
    value: finiteNumber.nonnegative().describe('The number as the source gives it.'),
    unit: z
      .string()
      .min(1)
      .describe('The unit as the source gives it ("t/day", "% of diesel consumption", "USD m a month"); figures in different units are never put on one axis.'),
    basis: z.string().min(1).describe('Who estimated it and on what basis.'),
    followUp: z.boolean().default(false).describe('True for figures reported after the article was written.'),
  })
  .strict();
export type SmugglingFigure = z.infer<typeof smugglingSchema>;
export const smugglingDataSchema = z.array(smugglingSchema);
