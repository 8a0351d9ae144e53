import { z } from 'astro/zod';
import { confidence, isoDate, recordId } from './primitives';

/** A published source that records cite by id. */
export const sourceSchema = z
  .object({
    id: recordId,
    /** The headline or title as published (or as shown in the stored copy). */
    title: z.string().min(1).describe('The headline or title as published (or as shown in the stored copy).'),
    /** The outlet or institution that published it. */
    publisher: z.string().min(1).describe('The outlet or institution that published it.'),
    /** Its address, or null when the research sheet only had its text ("URL unknown"). */
    url: z.string().url({ message: 'expected a full URL starting with https://' }).nullable().describe('Its address, or null when the research sheet only had its text ("URL unknown").'),
    /** Publication date, when known. */
    published: isoDate.optional().describe('Publication date, when known.'),
    /** BCP 47 tag of the language it is written in. */
    language: z.string().regex(/^[a-z]{2,3}$/, { message: 'expected a two- or three-letter language tag like "en"' }).describe('BCP 47 tag of the language it is written in.'),
    /** Date the stored copy was read, when known. */
    accessed: isoDate.optional().describe('Date the stored copy was read, when known.'),
    /** How much the research sheet trusts this source in general (records carry their own confidence too). */
    confidence: confidence.optional().describe('How much the research sheet trusts this source in general (records carry their own confidence too).'),
    /** Anything a reader checking the source should know (a copy of another outlet's story, a missing URL...). */
    note: z.string().min(1).optional().describe('Anything a reader checking the source should know (a copy of another outlet\'s story, a missing URL...).'),
  })
  .strict();
export type Source = z.infer<typeof sourceSchema>;
export const sourcesSchema = z.array(sourceSchema);
