import { z } from 'astro/zod';
import { isoDate, oneOf, sourcedRecord } from './primitives';

export const EVENT_KINDS = ['visit', 'summit', 'meeting', 'jec', 'agreement', 'closure', 'strike', 'war', 'ceasefire', 'talks', 'statement'] as const;

/** A dated event of the diplomatic calendar. */
export const eventSchema = z
  .object({
    ...sourcedRecord,
    date: isoDate.describe('Day it happened (or began).'),
    endDate: isoDate.optional().describe('Last day, for events over several days.'),
    title: z.string().min(1).max(90).describe('A short headline ("Pezeshkian\'s state visit to Pakistan").'),
    kind: oneOf(EVENT_KINDS),
    place: z.string().min(1).optional().describe('Where it took place, as a reader would name it.'),
    description: z.string().min(1).describe('One or two sentences of what happened.'),
    note: z.string().min(1).optional().describe('Conflicting dates or details, with who says what.'),
    followUp: z.boolean().default(false).describe('True for events after the article was written (from the follow-up research).'),
  })
  .strict()
  .refine((e) => !e.endDate || e.endDate >= e.date, { message: 'expected endDate on or after date', path: ['endDate'] });
export type DiplomaticEvent = z.infer<typeof eventSchema>;
export const eventsSchema = z.array(eventSchema);
