import { z } from 'astro/zod';
import { isoDate, oneOf, sourcedRecord } from './primitives';

export const EVENT_KINDS = ['visit', 'summit', 'meeting', 'jec', 'agreement', 'closure', 'strike', 'war', 'ceasefire', 'talks', 'statement'] as const;

/** A dated event of the diplomatic calendar. */
export const eventSchema = z
  .object({
    ...sourcedRecord,
    /** Day it happened (or began). */
    date: isoDate.describe('Day it happened (or began).'),
    /** Last day, for events over several days. */
    endDate: isoDate.optional().describe('Last day, for events over several days.'),
    /** A short headline ("Pezeshkian's state visit to Pakistan"). */
    title: z.string().min(1).max(90).describe('A short headline ("Pezeshkian\'s state visit to Pakistan").'),
    kind: oneOf(EVENT_KINDS),
    /** Where it took place, as a reader would name it. */
    place: z.string().min(1).optional().describe('Where it took place, as a reader would name it.'),
    /** One or two sentences of what happened. */
    description: z.string().min(1).describe('One or two sentences of what happened.'),
    /** Conflicting dates or details, with who says what. */
    note: z.string().min(1).optional().describe('Conflicting dates or details, with who says what.'),
    /** True for events after the article was written (from the follow-up research). */
    followUp: z.boolean().default(false).describe('True for events after the article was written (from the follow-up research).'),
  })
  .strict()
  .refine((e) => !e.endDate || e.endDate >= e.date, { message: 'expected endDate on or after date', path: ['endDate'] });
export type DiplomaticEvent = z.infer<typeof eventSchema>;
export const eventsSchema = z.array(eventSchema);
