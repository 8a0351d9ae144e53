import { z } from 'astro/zod';
import { localText, oneOf, sourcedRecord } from './primitives';

export const MOU_SECTORS = [
  'agriculture',
  'trade',
  'border',
  'science-technology',
  'ict',
  'culture-tourism',
  'climate',
  'maritime',
  'justice',
  'transport',
] as const;

/** One of the documents signed on 3 August 2025, as reported. */
export const mouSchema = z
  .object({
    ...sourcedRecord,
    number: z.number().int().min(1).max(12).describe('Its place in the reconstructed list (1-12).'),
    title: z.string().min(1).describe('The title in English as reported (translated where the source is not English).'),
    titleOriginal: localText.optional().describe('The title as the source gives it, in its own script.'),
    sector: oneOf(MOU_SECTORS),
    listStatus: z
      .enum(['confirmed', 'incomplete', 'unconfirmed'], { errorMap: () => ({ message: 'expected "confirmed", "incomplete" or "unconfirmed"' }) })
      .describe('How sure the list is of this item: confirmed, incomplete (title cut off), unconfirmed.'),
    articleSector: z
      .string()
      .min(1)
      .optional()
      .describe('The sector in the article\'s own words, when the article names it ("maritime security"); absent when it does not.'),
    note: z.string().min(1).optional(),
  })
  .strict();
export type Mou = z.infer<typeof mouSchema>;
export const mousSchema = z.array(mouSchema);
