import { z } from 'astro/zod';
import { confidence, isoDate, oneOf, recordId } from './primitives';

/** Roles a source can have on the site; the article's own source is found by its role, not by its id. */
export const SOURCE_ROLES = ['article', 'basemap', 'gazetteer'] as const;

/**
 * A web address a reader can follow: http: or https: only. Anything else (javascript:, data:,
 * file:...) would become a live link in the source lists, the byline and the map panel; and no
 * character that could end the href attribute it is written into.
 */
export const webUrl = z
  .string({ invalid_type_error: 'expected a web address starting with https:// or http://' })
  .url({ message: 'expected a full web address starting with https:// or http://' })
  .refine(
    (u) => {
      try {
        return ['http:', 'https:'].includes(new URL(u).protocol);
      } catch {
        return false;
      }
    },
    { message: 'expected a web address starting with https:// or http:// (no other scheme becomes a link)' },
  )
  // Astro writes an http(s) address that contains "&" into href without escaping it, so a quote or
  // an angle bracket in one would end the attribute: such characters must come percent-encoded.
  .refine((u) => !/[\s"<>`\\]/.test(u), {
    message: 'expected a web address without spaces, quotes, backslashes or angle brackets (percent-encode them: %20, %22, %3C, %3E)',
  });

/** A published source that records cite by id. */
export const sourceSchema = z
  .object({
    id: recordId,
    title: z.string().min(1).describe('The headline or title as published (or as shown in the stored copy).'),
    publisher: z.string().min(1).describe('The outlet or institution that published it.'),
    url: webUrl.nullable().describe('Its address (http: or https: only), or null when the research sheet only had its text ("URL unknown").'),
    published: isoDate.optional().describe('Publication date, when known.'),
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/, { message: 'expected a two- or three-letter language tag like "en"' })
      .describe('BCP 47 tag of the language it is written in.'),
    accessed: isoDate.optional().describe('Date the stored copy was read, when known.'),
    confidence: confidence.optional().describe('How much the research sheet trusts this source in general (records carry their own confidence too).'),
    role: oneOf(SOURCE_ROLES)
      .optional()
      .describe(
        'What the site uses it for, when it is special: "article" (the analysis the explainer is built on; exactly ' +
          'one), "basemap" (the map\'s boundaries), "gazetteer" (town coordinates).',
      ),
    note: z.string().min(1).optional().describe("Anything a reader checking the source should know (a copy of another outlet's story, a missing URL...)."),
  })
  .strict();
export type Source = z.infer<typeof sourceSchema>;
export const sourcesSchema = z.array(sourceSchema);
